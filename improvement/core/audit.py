"""The one way a change is recorded: `record(actor, verb, obj, before, after)`."""

import datetime
import decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.fields.files import FieldFile

from improvement.core.actors import actor_name, person_or_none
from improvement.core.models import AuditEntry, Council

_SKIP = {"version", "modified_at", "modified_by", "created_at", "created_by"}


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, FieldFile):  # an empty one has no url: ask only its name
        return value.name or None
    return value


def snapshot(obj: models.Model, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """The audited values of a record: its own fields, with foreign keys as ids."""
    data: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if field.name in _SKIP or field.primary_key:
            continue
        data[field.name] = _plain(getattr(obj, field.attname))
    if obj.pk:
        for field in obj._meta.many_to_many:
            data[field.name] = sorted(getattr(obj, field.name).values_list("pk", flat=True))
    data.update({key: _plain(value) for key, value in (extra or {}).items()})
    return data


def _changed_only(
    before: dict[str, Any] | None, after: dict[str, Any] | None
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    if before is None or after is None:
        return before, after
    keys = [key for key in after if before.get(key) != after.get(key)]
    return {key: before.get(key) for key in keys}, {key: after[key] for key in keys}


def council_of(obj: models.Model) -> Any:
    """The council a record belongs to: the council itself (its settings, such as the
    rating scale), its own `council`, or the one its `council_path` reaches through a
    parent (a DfE review through its notice), so its audit entry moves `last_change`."""
    if isinstance(obj, Council):
        return obj
    path = getattr(obj, "council_path", "council")
    for name in path.split("__"):
        obj = getattr(obj, name, None)
        if obj is None:
            return None
    return obj


def record(
    actor: Any,
    verb: str,
    obj: models.Model,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    council: Any = None,
) -> AuditEntry:
    """Record a change. The actor is a person or a `SystemActor` naming the job;
    `None` is refused, so no change goes into the record without its author."""
    name = actor_name(actor)
    before, after = _changed_only(before, after)
    return AuditEntry.objects.create(
        council=council or council_of(obj),
        actor=person_or_none(actor),
        actor_name=name,
        verb=verb,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        before=before,
        after=after,
    )


def last_change(council: Council) -> int:
    """The number of the council's latest audit entry. Every change to the council's
    record (plan, evidence, meetings, complaints, reports, its own settings) writes one,
    so the number moves whenever what is worked out from the record may (docs/adr/020,
    024). Read newest first, as the index on (council, -at, -id) holds them: one row,
    however long the record."""
    latest = AuditEntry.objects.filter(council=council).order_by("-at", "-id")
    return latest.values_list("pk", flat=True).first() or 0


def history_for(obj: models.Model) -> models.QuerySet:
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).select_related("actor")


def council_records(model: type[models.Model], council: Any) -> models.QuerySet:
    """Every record of a kind, archived or not, that belongs to the council."""
    path = getattr(model, "council_path", "council")
    return model._base_manager.filter(**{path: council})


def council_record(model: type[models.Model], council: Any, pk: int) -> models.Model | None:
    return council_records(model, council).filter(pk=pk).first()


REDACTED = "[anonymised]"


def redact(obj: models.Model, fields: list[str] | tuple[str, ...]) -> int:
    """Blank personal data in a record's audit history (retention, erasure): the entries
    keep who did what and when, but no longer the values of `fields`."""
    changed = 0
    for entry in history_for(obj):
        dirty = False
        for side in (entry.before, entry.after):
            for name in fields:
                if side and side.get(name):
                    side[name] = REDACTED
                    dirty = True
        if dirty:
            entry.save(update_fields=["before", "after"])
            changed += 1
    return changed
