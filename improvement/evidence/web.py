"""What the evidence views share: running a service and putting its refusal on the form."""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from improvement.core.tracking import StaleEdit


def run(form: Any, call: Callable[[], Any]) -> Any:
    """Run a service and return what it returns (True if nothing); on refusal, show
    why on the form rather than losing the input, and return False."""
    try:
        result = call()
    except StaleEdit as exc:
        form.add_error(None, str(exc))
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for field, errors in exc.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, exc)
    else:
        return result if result is not None else True
    return False


def today() -> Any:
    return timezone.localdate()


def without(data: dict[str, Any], *names: str) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key not in names}
