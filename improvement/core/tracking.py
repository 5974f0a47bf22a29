"""Saving a tracked record: optimistic locking, who-and-when, and the audit entry.

Two people editing the same record cannot silently overwrite each other: the
form carries the version it was loaded at, and a save against an older version
is refused with who changed it and when.
"""

from typing import Any

from django.db import models, transaction
from django.utils import timezone

from improvement.core import audit
from improvement.core.actors import person_or_none, require_actor
from improvement.core.text import clean_text


class StaleEdit(Exception):
    def __init__(self, current: models.Model) -> None:
        self.current = current
        who = current.modified_by
        self.changed_by = (who.get_full_name() or who.get_username()) if who else "someone"
        self.changed_at = current.modified_at
        local = timezone.localtime(self.changed_at)
        super().__init__(
            f"{self.changed_by} changed this on {local:%-d %B %Y} at {local:%H:%M} "
            "after you opened it. Your changes have not been saved: check their "
            "version and make your changes again."
        )


def _clean_text_fields(obj: models.Model) -> None:
    """Whatever path text came by (a form, an import, a service called directly), what
    no document can hold is not stored; PostgreSQL refuses a NUL outright."""
    for field in obj._meta.concrete_fields:
        if isinstance(field, (models.CharField, models.TextField)):
            value = getattr(obj, field.attname)
            if isinstance(value, str):
                setattr(obj, field.attname, clean_text(value))


def create_tracked(obj: models.Model, actor: Any, verb: str = "created") -> models.Model:
    require_actor(actor)
    _clean_text_fields(obj)
    now = timezone.now()
    user = person_or_none(actor)
    obj.created_at = obj.created_at or now
    obj.modified_at = now
    obj.created_by = obj.created_by or user
    obj.modified_by = user
    obj.save()
    audit.record(actor, verb, obj, None, audit.snapshot(obj))
    return obj


@transaction.atomic
def save_tracked(
    obj: models.Model,
    actor: Any,
    *,
    expected_version: int | None = None,
    verb: str = "changed",
    before: dict[str, Any] | None = None,
    apply: Any = None,
) -> models.Model:
    """Save changes already made to `obj` (or made by `apply()` after the lock)."""
    require_actor(actor)
    current = type(obj)._base_manager.select_for_update().get(pk=obj.pk)
    if expected_version is not None and current.version != expected_version:
        raise StaleEdit(current)
    before = before if before is not None else audit.snapshot(current)
    if apply is not None:
        apply()
    _clean_text_fields(obj)
    obj.version = current.version + 1
    obj.modified_at = timezone.now()
    obj.modified_by = person_or_none(actor)
    obj.save()
    audit.record(actor, verb, obj, before, audit.snapshot(obj))
    return obj


def archive(obj: models.Model, actor: Any, reason: str, expected_version: int | None = None):
    def apply() -> None:
        obj.archived_at = timezone.now()
        obj.archived_by = person_or_none(actor)
        obj.archive_reason = reason

    return save_tracked(obj, actor, expected_version=expected_version, verb="archived", apply=apply)
