"""Idempotent writes for the demo: find a record by its natural key, create it
(tracked and audited) if it is missing, and bring its fields up to date if the
scenario has changed. Running the loader twice therefore changes nothing.

Every write is the system's, by the job `load_demo`: the people of the story are
recorded where the story names them (an update's author, a reviewer), never as
the actor."""

import datetime
from collections.abc import Callable
from typing import Any

from django.db import models
from django.utils import timezone

from improvement.core import audit
from improvement.core.actors import SystemActor
from improvement.core.tracking import create_tracked, save_tracked

DEMO = SystemActor("load_demo")
VERB = "loaded demo"


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    """A moment on a day, never later than now (so frozen-time runs stay consistent)."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    return min(moment, timezone.now())


def _is_tracked(model: type[models.Model]) -> bool:
    return any(field.name == "version" for field in model._meta.concrete_fields)


def _changed(obj: models.Model, fields: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in fields.items() if getattr(obj, name) != value}


def ensure(
    model: type[models.Model],
    key: dict[str, Any],
    fields: dict[str, Any] | None = None,
    created_at: datetime.datetime | None = None,
) -> models.Model:
    """The record with this natural key, created or brought up to date."""
    fields = fields or {}
    obj = model._base_manager.filter(**key).first()
    if obj is None:
        obj = model(**key, **fields)
        if not _is_tracked(model):
            obj.save()
            return obj
        if created_at is not None:
            obj.created_at = created_at
        return create_tracked(obj, DEMO, verb=VERB)
    changes = _changed(obj, fields)
    if changes:
        _apply(obj, changes)
    return obj


def ensure_through(
    model: type[models.Model],
    key: dict[str, Any],
    fields: dict[str, Any],
    create: Callable[[dict[str, Any]], Any],
    change: Callable[[Any, dict[str, Any]], Any],
) -> Any:
    """Like `ensure`, for records an app's services write: `create(data)` makes the
    record from its key and fields, `change(record, changes)` brings it up to date."""
    obj = model._base_manager.filter(**key).first()
    if obj is None:
        return create({**key, **fields})
    changes = _changed(obj, fields)
    if changes:
        change(obj, changes)
    return obj


def _apply(obj: models.Model, changes: dict[str, Any]) -> None:
    if not _is_tracked(type(obj)):
        for name, value in changes.items():
            setattr(obj, name, value)
        obj.save()
        return
    before = audit.snapshot(obj)
    for name, value in changes.items():
        setattr(obj, name, value)
    save_tracked(obj, DEMO, before=before, verb="reloaded demo")


def ensure_links(obj: models.Model, relation: str, targets: list[Any]) -> None:
    """Set a many-to-many relation, auditing only when it changes."""
    manager = getattr(obj, relation)
    wanted = {target.pk for target in targets}
    current = set(manager.values_list("pk", flat=True))
    if wanted != current:
        manager.set(targets)
        audit.record(
            DEMO, "linked demo", obj, {relation: sorted(current)}, {relation: sorted(wanted)}
        )


def sync_sequence(
    existing: list[models.Model],
    specs: list[dict[str, Any]],
    build: Any,
) -> None:
    """Match the scenario's records to the stored ones by position: the n-th record
    of the story updates the n-th stored one, and only new ones are created.

    Keyed by position rather than date because some dates move with today."""
    for index, spec in enumerate(specs):
        if index < len(existing):
            changes = _changed(existing[index], spec)
            if changes:
                _apply(existing[index], changes)
            continue
        obj = build(**spec)
        create_tracked(obj, DEMO, verb=VERB)
