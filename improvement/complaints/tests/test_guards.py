"""Every service refuses a missing actor before it touches its arguments."""

import inspect

import pytest
from django.core.exceptions import PermissionDenied

from improvement.complaints import notify, services


def _with_actor(module):
    for name, function in inspect.getmembers(module, inspect.isfunction):
        if function.__module__ != module.__name__ or name.startswith("_"):
            continue
        if "actor" in inspect.signature(function).parameters:
            yield pytest.param(function, id=f"{module.__name__}.{name}")


@pytest.mark.parametrize(
    "function",
    [
        *_with_actor(services),
        *_with_actor(notify),
    ],
)
def test_a_service_refuses_none_as_its_actor(function, db):
    parameters = inspect.signature(function).parameters
    arguments = {
        name: None if name == "actor" else object()
        for name, parameter in parameters.items()
        if parameter.default is inspect.Parameter.empty or name == "actor"
    }
    with pytest.raises(PermissionDenied):
        function(**arguments)
