"""No service accepts `None` as its actor: a call site that forgets to say who acts is
refused before the service reads anything, never given the system's rights."""

import importlib
import inspect
import pkgutil
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

import improvement


class Untouchable:
    """An argument the service must not reach before its guard."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"the service used an argument ({name}) before checking its actor")

    def __iter__(self):
        raise AssertionError("the service used an argument before checking its actor")

    def __bool__(self) -> bool:
        raise AssertionError("the service used an argument before checking its actor")


# Modules whose functions take an actor but are not verbs: pages and commands
# receive the request's person and pass it on to a verb, which checks it.
NOT_VERBS = (
    ".views",
    "_views",
    ".forms",
    ".management.",
    ".templatetags.",
    ".tests",
    ".migrations",
)


def _service_modules() -> list[Any]:
    """Every module of ours: a verb is wherever a function takes an `actor`
    (services.py above all, and the minutes, editions, call-in and import verbs)."""
    modules = []
    for info in pkgutil.walk_packages(improvement.__path__, "improvement."):
        if any(part in info.name for part in NOT_VERBS):
            continue
        modules.append(importlib.import_module(info.name))
    return modules


# Questions about an actor rather than verbs: they answer no for None, by design.
QUESTIONS = {
    "improvement.core.access.allowed",
    "improvement.core.actors.is_person",
    "improvement.core.actors.is_system",
    "improvement.core.actors.person_or_none",
}


def _services() -> list[tuple[str, Any]]:
    found = []
    for module in _service_modules():
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or inspect.unwrap(function).__module__ != module.__name__:
                continue
            qualified = f"{module.__name__}.{name}"
            if "actor" in inspect.signature(function).parameters and qualified not in QUESTIONS:
                found.append((qualified, function))
    return found


SERVICES = _services()


def test_the_services_are_found():
    # Every app's state changes go through services; finding few means the search broke.
    assert len(SERVICES) >= 100
    apps = {name.split(".")[1] for name, _ in SERVICES}
    assert {"plans", "evidence", "annex_a", "meetings", "forward_plan", "complaints"} <= apps


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "service"), SERVICES, ids=[name for name, _ in SERVICES])
def test_service_refuses_none_as_its_actor(name: str, service: Any) -> None:
    arguments: dict[str, Any] = {}
    for parameter in inspect.signature(service).parameters.values():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        arguments[parameter.name] = None if parameter.name == "actor" else Untouchable()
    with pytest.raises(PermissionDenied):
        service(**arguments)
