"""The evidence of the demo: measures with monthly values from January 2023 to
today, England benchmarks, audits, the voice of staff, children and families,
and an update request. Idempotent: running it again adds only what is missing
(new months as time passes), and changes nothing already there."""

import csv
import datetime
import math
import zlib
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone

from improvement.core.models import Council
from improvement.demo.evidence_data import (
    MEASURES,
    OBJECTIVE_WORDS,
    SLIP_MONTHS,
    SLIPS,
    MeasureSpec,
)
from improvement.demo.evidence_voice import AUDIT_OBJECTIVES, AUDITS, VOICE
from improvement.demo.records import DEMO
from improvement.evidence import request_services, services
from improvement.evidence.models import Benchmark, Measure

START = datetime.date(2023, 1, 1)
IMPROVING_FROM, IMPROVED_BY = 9, 30  # months after January 2023: October 2023, July 2025
SHIPPED = Path(__file__).resolve().parent / "data" / "england-benchmarks.csv"


def benchmarks_path() -> Path:
    shared = Path(settings.BASE_DIR).parent / "shared" / "data" / "england-benchmarks.csv"
    return shared if shared.exists() else SHIPPED


def match_objectives(council: Council) -> dict[str, Any]:
    """Each demo objective key to the council's objective whose words match, if any."""
    found: dict[str, Any] = {}
    objectives = list(council.objectives.live())
    for key, words in OBJECTIVE_WORDS.items():
        for objective in objectives:
            text = f"{objective.theme} {objective.title}".lower()
            if any(word in text for word in words):
                found[key] = objective
                break
    return found


def months(today: datetime.date) -> list[datetime.date]:
    """January 2023 to the last complete month before `today`."""
    last = today.replace(day=1) - relativedelta(months=1)
    count = (last.year - START.year) * 12 + last.month - START.month
    return [START + relativedelta(months=i) for i in range(count + 1)]


def story_value(spec: MeasureSpec, index: int) -> float:
    """The measure in month `index`: poor, then improving under the plan, with a wobble."""
    if spec.drift:
        return spec.start + spec.drift * index
    progress = min(max((index - IMPROVING_FROM) / (IMPROVED_BY - IMPROVING_FROM), 0), 1)
    eased = (1 - math.cos(math.pi * progress)) / 2
    wobble = math.sin(index * 1.7 + zlib.crc32(spec.code.encode()) % 7) * 0.35
    scale = abs(spec.end - spec.start) / 12
    slipped = min(max(index - IMPROVED_BY, 0), SLIP_MONTHS) * SLIPS.get(spec.code, 0.0)
    return spec.start + (spec.end - spec.start) * eased + wobble * scale + slipped


def value_row(spec: MeasureSpec, period: datetime.date, index: int) -> dict[str, Any]:
    value = Decimal(str(story_value(spec, index)))
    if spec.unit == "percentage" and spec.denominator:
        den = spec.denominator + (index * 37 + len(spec.code)) % 21 - 10
        num = (value * den / 100).quantize(Decimal(1), ROUND_HALF_UP)
        return {"period": period, "numerator": num, "denominator": Decimal(den)}
    if spec.unit == "count":  # a count is a whole number
        return {"period": period, "value": value.quantize(Decimal(1), ROUND_HALF_UP)}
    return {"period": period, "value": value.quantize(Decimal("0.1"), ROUND_HALF_UP)}


def definition(spec: MeasureSpec) -> str:
    if spec.unit == "percentage":
        return f"{spec.numerator_definition} as a share of {spec.denominator_definition}"
    if spec.denominator_definition:
        return f"{spec.numerator_definition} per {spec.denominator_definition}"
    return spec.numerator_definition


def ensure_measure(council: Council, spec: MeasureSpec, objectives: dict[str, Any]) -> Measure:
    measure = council.measures.filter(code=spec.code).first()
    if measure is not None:
        return measure
    source = Measure.Source.ENTERED if spec.code.startswith("sw_") else Measure.Source.COMPUTED
    data = {
        "code": spec.code,
        "name": spec.name,
        "definition": definition(spec),
        "numerator_definition": spec.numerator_definition,
        "denominator_definition": spec.denominator_definition,
        "unit": spec.unit,
        "polarity": spec.polarity,
        "target": Decimal(str(spec.target)),
        "tolerance": Decimal(str(spec.tolerance)),
        "source": source,
        "objectives": [objectives[k] for k in spec.objectives if k in objectives],
    }
    return services.create_measure(DEMO, council, data)


def load_values(measure: Measure, spec: MeasureSpec, today: datetime.date) -> None:
    held = set(measure.values.values_list("period", flat=True))
    rows = [
        value_row(spec, period, index)
        for index, period in enumerate(months(today))
        if period not in held
    ]
    for row in rows:
        services.record_value(DEMO, measure, **row)


# When the DfE published each statistical release the benchmarks come from. A source
# not listed here is given no date, and `record_benchmark` assumes the 1 December
# after its period: never earlier than the truth for these annual releases.
PUBLISHED = {
    "DfE Characteristics of children in need 2023": datetime.date(2023, 10, 26),
    "DfE Children looked after 2024": datetime.date(2024, 11, 14),
}


def published_on(source: str) -> datetime.date | None:
    release = source.split(" (")[0].strip()
    return PUBLISHED.get(release)


def load_benchmarks(council: Council) -> None:
    by_code = {m.code: m for m in council.measures.all()}
    with benchmarks_path().open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            measure = by_code.get(row["kpi"])
            if measure is None or not row["england_value"].strip():
                continue
            services.record_benchmark(
                DEMO,
                measure,
                {
                    "kind": Benchmark.Kind.ENGLAND,
                    "year": row["year"],
                    "value": Decimal(row["england_value"]),
                    "numerator": Decimal(row["numerator"]) if row["numerator"] else None,
                    "denominator": Decimal(row["denominator"]) if row["denominator"] else None,
                    "source": row["source"],
                    "published_on": published_on(row["source"]),
                    "note": row["note"],
                },
            )


def load_audits(council: Council, objectives: dict[str, Any], today: datetime.date) -> None:
    for offset, theme, area, cases, grades, learning in AUDITS:
        held_on = START + relativedelta(months=offset, days=14)
        if held_on > today or council.case_audits.filter(theme=theme, held_on=held_on).exists():
            continue
        outstanding, good, ri, inadequate = grades
        services.record_audit(
            DEMO,
            council,
            {
                "held_on": held_on,
                "theme": theme,
                "service_area": area,
                "cases": cases,
                "outstanding": outstanding,
                "good": good,
                "requires_improvement": ri,
                "inadequate": inadequate,
                "learning": learning,
                "objectives": [objectives[k] for k in AUDIT_OBJECTIVES[area] if k in objectives],
            },
        )


def load_voice(council: Council, objectives: dict[str, Any], today: datetime.date) -> None:
    for offset, kind, title, who, count, headlines, themes in VOICE:
        held_on = START + relativedelta(months=offset, days=9)
        if held_on > today or council.voice_events.filter(title=title).exists():
            continue
        event = services.record_voice(
            DEMO,
            council,
            {
                "kind": kind,
                "title": title,
                "held_on": held_on,
                "participants": who,
                "participant_count": count,
                "headlines": headlines,
            },
        )
        for name, summary, keys in themes:
            linked = [objectives[k] for k in keys if k in objectives]
            services.add_voice_theme(
                DEMO, event, {"title": name, "summary": summary, "objectives": linked}
            )


def load_update_request(council: Council, today: datetime.date) -> None:
    """One request ahead of the next board; its emails go nowhere in the demo."""
    if council.update_requests.exists() or not request_services.owners_of_live_actions(council):
        return
    due = today + datetime.timedelta(days=7)
    request_services.request_updates(
        DEMO,
        council,
        {
            "title": f"Updates for the board after {due:%-d %B %Y}",
            "due_on": due,
            "message": "Please rate each of your actions, give the reason, and say what "
            "support or capacity you need from the board.",
        },
        connection=get_connection("django.core.mail.backends.dummy.EmailBackend"),
    )


@transaction.atomic
def load_evidence_demo(council: Council, today: datetime.date | None = None) -> None:
    today = today or timezone.localdate()
    objectives = match_objectives(council)
    for spec in MEASURES:
        load_values(ensure_measure(council, spec, objectives), spec, today)
    load_benchmarks(council)
    load_audits(council, objectives, today)
    load_voice(council, objectives, today)
    load_update_request(council, today)
