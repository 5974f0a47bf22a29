"""Every kind of document, built from the demo by `manage.py report` in PDF, Word
and HTML, can be issued as it comes (issue 15, "Everywhere"; docs/adr/025): no
internal identifiers, numbers that agree with their nouns, counts without decimals,
one font, ratings in colour, and a Word file on A4 with page numbers and the council
as its author.

The demo loads once for the module, inside a transaction rolled back at the end.
A failure lists every problem of the document, naming the format it was found in."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction

from conftest import TODAY
from improvement.core.models import Council
from improvement.demo.scenario import load_demo
from improvement.documents.tests.issuable import issuable_problems
from improvement.reports import queries

FORMATS = ("pdf", "docx", "html")
SCRUTINY = "children-education-scrutiny"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), time_machine.travel(TODAY, tick=False):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load_demo()
            yield Council.objects.get(slug="peterborough")
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _last_meeting(council: Council) -> int:
    today = TODAY.date()
    past = [m for m in queries.board_meetings_of(council) if m.starts_at.date() < today]
    return past[-1].pk


def _arguments(council: Council, kind: str) -> list[str]:
    """What the command needs for each kind, from the demo as it stands at TODAY."""
    if kind == "board":
        return ["--meeting", str(_last_meeting(council))]
    if kind == "committee":
        return ["--meeting", str(_last_meeting(council)), "--committee", SCRUTINY]
    if kind in ("self_assessment", "adviser"):
        return ["--as-at", str(datetime.date(2024, 2, 1))]
    if kind == "complaints_annual":
        return ["--year", "2022"]
    return []  # the forward plan's current edition


def _files(council: Council, kind: str, folder) -> dict[str, bytes]:
    files = {}
    for fmt in FORMATS:
        path = folder / f"{kind}.{fmt}"
        call_command(
            "report", "--kind", kind, "--council", council.slug, *_arguments(council, kind),
            "--format", fmt, "-o", path, stderr=io.StringIO(),
        )  # fmt: skip
        files[fmt] = path.read_bytes()
    return files


def _title(docx: bytes) -> str:
    from docx import Document as Word  # python-docx is heavy: loaded only here

    return Word(io.BytesIO(docx)).core_properties.title


@pytest.mark.parametrize(
    "kind",
    ["board", "committee", "self_assessment", "adviser", "complaints_annual", "forward_plan"],
)
def test_every_kind_of_document_can_be_issued_as_it_comes(demo, db, tmp_path, kind):
    files = _files(demo, kind, tmp_path)
    assert files["pdf"].startswith(b"%PDF") and files["docx"].startswith(b"PK")
    assert files["html"].startswith(b"<!DOCTYPE html>")
    title = _title(files["docx"])
    assert title, kind
    problems = issuable_problems(kind, files, demo.name, title)
    assert not problems, "\n".join(problems)
