"""Every verb of meetings and the forward plan refuses a missing actor before it reads
any argument: the global check covers `services.py`; this one covers the verbs kept
in `meetings.minutes`, `forward_plan.editions` and `forward_plan.call_in` as well."""

import inspect
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from improvement.forward_plan import call_in, editions
from improvement.forward_plan import services as plan_services
from improvement.meetings import minutes
from improvement.meetings import services as meeting_services

MODULES = [meeting_services, minutes, plan_services, editions, call_in]


class Untouchable:
    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"the verb used an argument ({name}) before checking its actor")

    def __iter__(self):
        raise AssertionError("the verb used an argument before checking its actor")

    def __bool__(self) -> bool:
        raise AssertionError("the verb used an argument before checking its actor")


VERBS = [
    (f"{module.__name__}.{name}", function)
    for module in MODULES
    for name, function in inspect.getmembers(module, inspect.isfunction)
    if not name.startswith("_")
    and inspect.unwrap(function).__module__ == module.__name__
    and "actor" in inspect.signature(function).parameters
]


def test_the_verbs_are_found():
    assert len(VERBS) >= 35


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "verb"), VERBS, ids=[name for name, _ in VERBS])
def test_each_verb_refuses_no_actor(name, verb):
    arguments = {}
    for parameter in inspect.signature(verb).parameters.values():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        arguments[parameter.name] = None if parameter.name == "actor" else Untouchable()
    with pytest.raises(PermissionDenied):
        verb(**arguments)
