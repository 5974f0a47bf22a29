"""Typed readers for settings held in environment variables.

Each fails loudly on a value it cannot read, so a typo in production stops the
process at start-up rather than running with a silent default.
"""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from exc


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


# The development default, and the placeholder .env.example carries: neither may
# sign a session in a running service.
INSECURE_SECRET_KEYS = {
    "insecure-development-key-set-SECRET_KEY-in-production",
    "change-me-to-a-long-random-string-of-at-least-fifty-characters",
    "",
}


def refuse_insecure_start(debug: bool, secret_key: str) -> None:
    """Stop a server from starting with DEBUG off and a known or missing SECRET_KEY."""
    if debug:
        return
    if secret_key in INSECURE_SECRET_KEYS or secret_key.startswith(("insecure-", "change-me")):
        raise ImproperlyConfigured(
            "SECRET_KEY is the development default or a placeholder. Set SECRET_KEY to "
            "a long random value (python -c 'import secrets; print(secrets.token_urlsafe(50))') "
            "or set DEBUG=true for development."
        )
