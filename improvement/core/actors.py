"""Who does a thing: a signed-in person, or the system doing a named job.

Every service takes an actor. A person is checked against the permissions; work
the system does on its own (a command, a daily job, the demo loader) names itself
with a `SystemActor`, so the audit log says which job it was. `None` is never an
actor: a call site that forgot to pass one is refused, not given the system's rights.
"""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied


@dataclass(frozen=True)
class SystemActor:
    """The system doing one named job, for example `SystemActor("send_reminders")`."""

    job: str

    # Quacks like an anonymous user where Django asks, so it is never mistaken for a person.
    is_authenticated = False
    is_active = False
    pk = None

    def __post_init__(self) -> None:
        if not self.job or not self.job.strip():
            raise ValueError("A system actor must name its job")

    def __str__(self) -> str:
        return f"System ({self.job})"

    def has_perm(self, perm: str, obj: Any = None) -> bool:
        # The system's jobs are trusted by name; the permissions are for people.
        return True


class NoActor(PermissionDenied):
    """A service was called without saying who is acting."""


def is_system(actor: Any) -> bool:
    return isinstance(actor, SystemActor)


def is_person(actor: Any) -> bool:
    return bool(getattr(actor, "is_authenticated", False)) and not is_system(actor)


def require_actor(actor: Any) -> Any:
    """Refuse a missing or anonymous actor; return the actor for chaining."""
    if is_system(actor) or is_person(actor):
        return actor
    raise NoActor("Sign in to do this: the change was not made.")


def person_or_none(actor: Any) -> Any:
    """The person behind an actor, for `created_by` and `modified_by` (None for the system)."""
    return actor if is_person(actor) else None


def actor_name(actor: Any) -> str:
    if is_person(actor):
        return actor.get_full_name() or actor.get_username()
    return str(require_actor(actor))
