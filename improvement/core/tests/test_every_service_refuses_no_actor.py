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


def _service_modules() -> list[Any]:
    modules = []
    for info in pkgutil.walk_packages(improvement.__path__, "improvement."):
        leaf = info.name.rsplit(".", 1)[-1]
        if ".tests" in info.name or ".migrations" in info.name:
            continue
        if leaf == "services" or leaf.endswith("_services"):
            modules.append(importlib.import_module(info.name))
    return modules


def _services() -> list[tuple[str, Any]]:
    found = []
    for module in _service_modules():
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or inspect.unwrap(function).__module__ != module.__name__:
                continue
            if "actor" in inspect.signature(function).parameters:
                found.append((f"{module.__name__}.{name}", function))
    return found


SERVICES = _services()


def test_the_services_are_found():
    # Every app's state changes go through services; finding few means the search broke.
    assert len(SERVICES) >= 60
    assert len({name.split(".")[1] for name, _ in SERVICES}) >= 7


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
