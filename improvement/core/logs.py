"""Structured logs: one JSON line per record, each carrying the request or task it
belongs to, and one line per request saying who (by id), where and how long.

No personal data: a person appears by their id only, never their name or email; a
path appears without its query string (searches and tokens live there). Loaded by
the LOGGING setting before the apps are, so nothing here imports a model.
"""

import contextvars
import json
import logging
import re
import time
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse

REQUEST_ID = contextvars.ContextVar[str | None]("request_id", default=None)
TASK_ID = contextvars.ContextVar[str | None]("task_id", default=None)
HEADER = "X-Request-ID"
# What a proxy's request id may look like: nothing that could forge a log line.
SAFE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,100}$")
REQUESTS = logging.getLogger("improvement.requests")


class ContextFilter(logging.Filter):
    """Adds the current request id and task id to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = REQUEST_ID.get()
        record.task_id = TASK_ID.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message, context, and `fields`."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in ("request_id", "task_id"):
            value = getattr(record, name, None)
            if value:
                line[name] = value
        line.update(getattr(record, "fields", {}))
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str)


def request_id_for(request: HttpRequest) -> str:
    """The proxy's X-Request-ID where we trust it and it looks like an id, else a new one."""
    given = request.headers.get(HEADER, "")
    if settings.TRUST_REQUEST_ID_HEADER and SAFE_ID.match(given):
        return given
    return uuid.uuid4().hex


def _person_id(request: HttpRequest) -> int | None:
    user = getattr(request, "user", None)
    return user.pk if user is not None and user.is_authenticated else None


def _council(request: HttpRequest) -> str | None:
    match = getattr(request, "resolver_match", None)
    return match.kwargs.get("slug") if match is not None else None


class RequestLogMiddleware:
    """Gives each request an id (returned in X-Request-ID) and logs one line for it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_for(request)
        token = REQUEST_ID.set(request_id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            # Read before any sign-out in the view leaves an anonymous user behind.
            response[HEADER] = request_id
            REQUESTS.info(
                "request",
                extra={
                    "fields": {
                        "user_id": _person_id(request),
                        "council": _council(request),
                        "method": request.method,
                        "path": request.path,
                        "status": response.status_code,
                        "duration_ms": round((time.monotonic() - started) * 1000, 1),
                    }
                },
            )
            return response
        finally:
            REQUEST_ID.reset(token)


def task_started(sender: Any, task_result: Any, **kwargs: Any) -> None:
    TASK_ID.set(str(task_result.id))


def task_finished(sender: Any, task_result: Any, **kwargs: Any) -> None:
    TASK_ID.set(None)


def connect_task_signals() -> None:
    """Every line a task logs carries its id (django-tasks' started/finished signals)."""
    from django_tasks.signals import task_finished as finished
    from django_tasks.signals import task_started as started

    started.connect(task_started, dispatch_uid="improvement.logs.task_started")
    finished.connect(task_finished, dispatch_uid="improvement.logs.task_finished")
