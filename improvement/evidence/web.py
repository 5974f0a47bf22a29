"""What the evidence views share."""

from collections.abc import Callable
from typing import Any

from django.utils import timezone

from improvement.core.forms import run_service


def run(form: Any, call: Callable[[], Any]) -> Any:
    """Run a service; put its refusal on the form rather than losing the input."""
    return run_service(form, call)


def today() -> Any:
    return timezone.localdate()


def without(data: dict[str, Any], *names: str) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key not in names}
