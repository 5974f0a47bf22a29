"""Every change to the evidence, each a named function, audited, called alike by
views, commands, the demo and tests."""

import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from improvement.core import access, audit
from improvement.core.actors import person_or_none
from improvement.core.models import Council
from improvement.core.numbers import percentage
from improvement.core.text import reads_as_empty
from improvement.core.tracking import archive, create_tracked, save_tracked
from improvement.evidence.importer import ImportRefused, parse_values
from improvement.evidence.models import (
    Benchmark,
    CaseAudit,
    Measure,
    MeasureValue,
    VoiceEvent,
    VoiceTheme,
)

RATE_PER = Decimal(10000)
CHANGE = "evidence.change"
NOTHING_IMPORTED = "Nothing was imported: correct these rows and upload the file again"


def _set_fields(obj: Any, data: dict[str, Any]) -> None:
    for name, value in data.items():
        setattr(obj, name, value)


@transaction.atomic
def create_measure(actor: Any, council: Council, data: dict[str, Any]) -> Measure:
    access.require(actor, CHANGE, council)
    objectives = data.pop("objectives", [])
    actions = data.pop("actions", [])
    if council.measures.filter(code=data["code"]).exists():
        raise ValidationError({"code": "Another measure already has this code: choose another"})
    measure = Measure(council=council, **data)
    create_tracked(measure, actor)
    measure.objectives.set(objectives)
    measure.actions.set(actions)
    return measure


@transaction.atomic
def change_measure(
    actor: Any, measure: Measure, data: dict[str, Any], expected_version: int | None
) -> Measure:
    access.require(actor, CHANGE, measure)
    data = {name: value for name, value in data.items() if name != "version"}
    objectives = data.pop("objectives", None)
    actions = data.pop("actions", None)
    code = data.get("code", measure.code)
    if measure.council.measures.filter(code=code).exclude(pk=measure.pk).exists():
        raise ValidationError({"code": "Another measure already has this code: choose another"})

    # `before` is read from the database under the lock, so it is the stored measure,
    # not the instance a form may already have changed.
    def apply() -> None:
        _set_fields(measure, data)
        if objectives is not None:
            measure.objectives.set(objectives)
        if actions is not None:
            measure.actions.set(actions)

    return save_tracked(measure, actor, expected_version=expected_version, apply=apply)


def archive_measure(actor: Any, measure: Measure, reason: str, expected_version: int | None):
    access.require(actor, CHANGE, measure)
    if reads_as_empty(reason):
        raise ValidationError({"reason": "Enter why the measure is being archived"})
    return archive(measure, actor, reason, expected_version)


def derive_value(
    unit: str, numerator: Decimal | None, denominator: Decimal | None, value: Decimal | None
) -> Decimal:
    """A percentage or rate from its numerator and denominator; other units as given."""
    if numerator is not None and denominator:
        if unit == Measure.Unit.PERCENTAGE and _whole(numerator) and _whole(denominator):
            return percentage(int(numerator), int(denominator))
        if unit == Measure.Unit.PERCENTAGE:
            return (numerator * 100 / denominator).quantize(Decimal("0.1"), ROUND_HALF_UP)
        if unit == Measure.Unit.RATE:
            return (numerator * RATE_PER / denominator).quantize(Decimal("0.1"), ROUND_HALF_UP)
    if value is None:
        raise ValidationError({"value": "Enter the value, or its numerator and denominator"})
    return value


def _whole(number: Decimal) -> bool:
    return number == number.to_integral_value()


def record_value(
    actor: Any,
    measure: Measure,
    period: datetime.date,
    *,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
    value: Decimal | None = None,
    note: str = "",
) -> MeasureValue:
    """Record (or correct) a measure's value for a period, named by its first day."""
    access.require(actor, CHANGE, measure)
    if any(n is not None and n < 0 for n in (numerator, denominator)):
        raise ValidationError("A numerator or denominator cannot be negative")
    data = {
        "numerator": numerator,
        "denominator": denominator,
        "value": derive_value(measure.unit, numerator, denominator, value),
        "note": note,
    }
    existing = measure.values.filter(period=period).first()
    if existing is None:
        return create_tracked(
            MeasureValue(measure=measure, period=period, **data), actor, verb="recorded value"
        )
    if all(getattr(existing, k) == v for k, v in data.items()):
        return existing
    return save_tracked(
        existing, actor, verb="corrected value", apply=lambda: _set_fields(existing, data)
    )


@transaction.atomic
def record_values(actor: Any, measure: Measure, rows: list[dict[str, Any]]) -> int:
    """Record many values at once: all of them, or (on any refusal) none."""
    access.require(actor, CHANGE, measure)
    for row in rows:
        record_value(actor, measure, **row)
    if rows and measure.source == Measure.Source.ENTERED:
        save_tracked(
            measure,
            actor,
            verb="imported values",
            apply=lambda: setattr(measure, "source", Measure.Source.IMPORTED),
        )
    return len(rows)


def import_values(actor: Any, measure: Measure, upload: Any) -> int:
    """Record every value in a CSV or Excel file, or, if any row is wrong, none of them
    (each problem named by its row and column)."""
    access.require(actor, CHANGE, measure)
    try:
        rows = parse_values(measure, upload.name, upload.read())
    except ImportRefused as exc:
        raise ValidationError(
            {"file": [NOTHING_IMPORTED, *(str(problem) for problem in exc.problems)]}
        ) from exc
    return record_values(actor, measure, rows)


@transaction.atomic
def record_benchmark(actor: Any, measure: Measure, data: dict[str, Any]) -> Benchmark:
    """Add a comparator, or correct the one already held for that kind and year. Without
    its publication date, the latest the period's figures could have appeared is assumed
    (`Benchmark.assumed_published_on`), so no report dated earlier uses it."""
    access.require(actor, CHANGE, measure)
    data = {"published_on": None, **data}
    data["published_on"] = data["published_on"] or Benchmark.assumed_published_on(data["year"])
    existing = measure.benchmarks.filter(kind=data["kind"], year=data["year"]).first()
    if existing is None:
        return create_tracked(Benchmark(measure=measure, **data), actor, verb="added benchmark")
    if all(getattr(existing, k) == v for k, v in data.items()):
        return existing
    return save_tracked(
        existing, actor, verb="corrected benchmark", apply=lambda: _set_fields(existing, data)
    )


def _check_grades(data: dict[str, Any]) -> None:
    graded = sum(
        data.get(name) or 0
        for name in ("outstanding", "good", "requires_improvement", "inadequate")
    )
    if graded > (data.get("cases") or 0):
        raise ValidationError(
            {"cases": f"The grades add up to {graded}, more than the number of cases audited"}
        )


@transaction.atomic
def record_audit(actor: Any, council: Council, data: dict[str, Any]) -> CaseAudit:
    access.require(actor, CHANGE, council)
    objectives = data.pop("objectives", [])
    _check_grades(data)
    case_audit = CaseAudit(council=council, **data)
    create_tracked(case_audit, actor, verb="recorded audit")
    case_audit.objectives.set(objectives)
    return case_audit


@transaction.atomic
def record_voice(actor: Any, council: Council, data: dict[str, Any]) -> VoiceEvent:
    access.require(actor, CHANGE, council)
    event = VoiceEvent(council=council, **data)
    return create_tracked(event, actor, verb="recorded voice")


@transaction.atomic
def add_voice_theme(actor: Any, event: VoiceEvent, data: dict[str, Any]) -> VoiceTheme:
    access.require(actor, CHANGE, event)
    objectives = data.pop("objectives", [])
    theme = VoiceTheme(event=event, **data)
    create_tracked(theme, actor, verb="added theme")
    theme.objectives.set(objectives)
    return theme


VALUE_FIELDS = [
    "numerator",
    "denominator",
    "value",
    "note",
    "modified_by",
    "modified_at",
    "version",
]


def replace_values(
    actor: Any, measure: Measure, points: list[dict], note: str, verb: str = "recorded values"
) -> None:
    """Create or replace the measure's values for these months: three queries and one
    audit entry a measure, where evidence.record_value would take four queries and an
    audit entry a value. For computed measures such as the Annex A KPIs.

    One INSERT writes them all: a month already held is updated in place (its id,
    creator and creation time kept, its version one more), where bulk_update's CASE
    over seven fields cost a twelfth of a large import."""
    access.require(actor, "evidence.change", measure)
    user = person_or_none(actor)
    now = timezone.now()
    held = measure.values.filter(period__in=[point["period"] for point in points])
    existing = {
        period: (value, version)
        for period, value, version in held.values_list("period", "value", "version")
    }
    values, before, after = [], {}, {}
    for point in points:
        value = MeasureValue(
            measure=measure,
            created_by=user,
            created_at=now,
            modified_by=user,
            modified_at=now,
            note=note,
            **point,
        )
        if value.value is None:
            value.value = derive_value(measure.unit, value.numerator, value.denominator, None)
        if point["period"] in existing:
            old_value, old_version = existing[point["period"]]
            before[str(value.period)] = str(old_value)
            value.version = old_version + 1
        after[str(value.period)] = str(value.value)
        values.append(value)
    MeasureValue._base_manager.bulk_create(
        values,
        update_conflicts=True,
        unique_fields=["measure", "period"],
        update_fields=VALUE_FIELDS,
    )
    audit.record(actor, verb, measure, before, after)


@transaction.atomic
def restore_values(
    actor: Any, measure: Measure, restore: list[dict], remove: list[datetime.date], verb: str
) -> None:
    """Put a measure's values back as a snapshot holds them: the months in `restore`
    get their numerator, denominator, value and note again (as a new version), the
    months in `remove` are deleted, as they did not exist before. For undoing a
    computed import (the Annex A KPIs); one audit entry a measure."""
    access.require(actor, CHANGE, measure)
    user, now = person_or_none(actor), timezone.now()
    before, after = {}, {}
    held = {v.period: v for v in measure.values.select_for_update()}
    for period in remove:
        if period in held:
            before[str(period)] = str(held[period].value)
            held[period].delete()
    for row in restore:
        value = held.get(row["period"])
        if value is None:
            continue
        before[str(value.period)] = str(value.value)
        _set_fields(value, {k: v for k, v in row.items() if k != "period"})
        value.version += 1
        value.modified_by, value.modified_at = user, now
        value.save()
        after[str(value.period)] = str(value.value)
    audit.record(actor, verb, measure, before, after)


def reopen_measure(actor: Any, measure: Measure) -> Measure:
    """Bring an archived measure back, when what archived it (an undone import) is
    done again."""
    access.require(actor, CHANGE, measure)

    def apply() -> None:
        measure.archived_at, measure.archived_by, measure.archive_reason = None, None, ""

    return save_tracked(measure, actor, verb="reopened", apply=apply)
