"""One structured line per request, with its id, the person's id and the council,
and nothing personal; the lines a task logs carry the task's id."""

import json
import logging

import pytest
from django.test import RequestFactory
from django_tasks import task

from improvement.core import logs

FORMATTER = logs.JsonFormatter()


def _request_lines(caplog):
    return [
        json.loads(FORMATTER.format(record))
        for record in caplog.records
        if record.name == "improvement.requests"
    ]


@pytest.fixture
def capture(caplog):
    caplog.set_level(logging.INFO, logger="improvement.requests")
    return caplog


def test_a_signed_in_request_logs_the_persons_id_and_nothing_personal(
    client, board_manager, council, capture
):
    client.force_login(board_manager)
    response = client.get(f"/councils/{council.slug}/?search=Penny+Aubert")
    [line] = _request_lines(capture)
    assert line["user_id"] == board_manager.pk
    assert line["council"] == council.slug
    assert line["method"] == "GET"
    assert line["path"] == f"/councils/{council.slug}/"
    assert line["status"] == response.status_code
    assert isinstance(line["duration_ms"], float)
    assert line["request_id"] == response["X-Request-ID"]
    raw = FORMATTER.format(next(r for r in capture.records if r.name == "improvement.requests"))
    for personal in (board_manager.email, board_manager.first_name, board_manager.last_name):
        assert personal not in raw
    assert "search" not in raw


def test_an_anonymous_request_has_no_person(client, db, capture):
    client.get("/accessibility/")
    [line] = _request_lines(capture)
    assert line["user_id"] is None
    assert line["council"] is None


def test_each_request_gets_its_own_id(client, db):
    first = client.get("/accessibility/")["X-Request-ID"]
    second = client.get("/accessibility/")["X-Request-ID"]
    assert first and second and first != second


def test_the_proxys_request_id_is_used_only_when_trusted(client, db, settings):
    header = {"HTTP_X_REQUEST_ID": "edge-4f2a.91"}
    assert client.get("/accessibility/", **header)["X-Request-ID"] != "edge-4f2a.91"
    settings.TRUST_REQUEST_ID_HEADER = True
    assert client.get("/accessibility/", **header)["X-Request-ID"] == "edge-4f2a.91"


def test_a_request_id_that_could_forge_a_log_line_is_replaced(settings):
    settings.TRUST_REQUEST_ID_HEADER = True
    request = RequestFactory().get("/", HTTP_X_REQUEST_ID='x"}\n{"level": "forged')
    assert logs.SAFE_ID.match(logs.request_id_for(request))


def test_every_line_within_a_request_carries_its_id():
    record = logging.LogRecord("any", logging.INFO, __file__, 1, "hello", None, None)
    token = logs.REQUEST_ID.set("abc123")
    try:
        logs.ContextFilter().filter(record)
    finally:
        logs.REQUEST_ID.reset(token)
    assert json.loads(FORMATTER.format(record))["request_id"] == "abc123"


@task()
def _logs_a_line() -> None:
    logging.getLogger("improvement.tests").warning("inside the task")


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[dict] = []
        self.addFilter(logs.ContextFilter())
        self.setFormatter(FORMATTER)

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(json.loads(self.format(record)))


def test_a_tasks_lines_carry_its_id():
    handler = _Lines()
    logger = logging.getLogger("improvement.tests")
    logger.addHandler(handler)
    try:
        result = _logs_a_line.enqueue()
    finally:
        logger.removeHandler(handler)
    [line] = handler.lines
    assert line["message"] == "inside the task"
    assert line["task_id"] == str(result.id)
    assert logs.TASK_ID.get() is None
