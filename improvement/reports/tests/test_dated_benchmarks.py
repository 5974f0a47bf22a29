"""As at 8 November 2023, no report shows a benchmark published after that date.

Every kind of document the service writes is built as at 8 November 2023 (the scrutiny
meeting of seed 003 was on the 6th) for a council holding England and statistical
neighbour figures published both before and after that day, with an Annex A import of
that date: the later figures and their periods appear nowhere in the text."""

import datetime
import json
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from improvement.annex_a.output import kpi_document
from improvement.annex_a.services import import_annex_a
from improvement.annex_a.tests.handbuilt import hand_built
from improvement.complaints.report import annual_document
from improvement.core.actors import SystemActor
from improvement.documents.render import render
from improvement.evidence.tests.factories import BenchmarkFactory, MeasureFactory, monthly
from improvement.reports.tests.factories import board_meeting, scrutiny
from improvement.reports.tests.test_every_document_kind import KINDS, _edition, _report

D = datetime.date
AS_AT = D(2023, 11, 8)
# Published by 8 November 2023: the DfE's release of 26 October 2023.
KNOWN = [("england", "2022-23", "78.5"), ("neighbours", "2022-23", "74.3")]
# Published after it: a later England year, a later neighbours year.
LATER = [
    ("england", "2023-24", "83.6", D(2024, 10, 31)),
    ("neighbours", "2024-25", "91.2", D(2025, 11, 6)),
]
# The Annex A England figures for 2024-25 (published in 2025), in its benchmark file.
LATER_ANNEX_A = ["22.6", "85.7", "81.4"]


@pytest.fixture
def council_with_benchmarks(council, tmp_path):
    measure = MeasureFactory(council=council, name="ICPCs in time", target=Decimal("80"))
    monthly(measure, [60, 65, 70], start=D(2023, 8, 1))
    for kind, year, value in KNOWN:
        BenchmarkFactory(measure=measure, kind=kind, year=year, value=Decimal(value))
    for kind, year, value, published in LATER:
        BenchmarkFactory(
            measure=measure, kind=kind, year=year, value=Decimal(value), published_on=published
        )
    workbook = hand_built(tmp_path / "annex-a.xlsx")
    import_annex_a(SystemActor("test"), council, workbook, AS_AT)
    return council


@pytest.fixture
def documents(council_with_benchmarks, board_manager, chair):
    council = council_with_benchmarks
    meeting = board_meeting(council, AS_AT)
    builders = {
        "board": lambda: _report(
            board_manager, council, "board_progress", meeting=meeting, as_at=AS_AT
        ),
        "committee": lambda: _report(
            board_manager,
            council,
            "committee",
            meeting=meeting,
            body=scrutiny(council),
            as_at=AS_AT,
        ),
        "self_assessment": lambda: _report(board_manager, council, "self_assessment", as_at=AS_AT),
        "adviser": lambda: _report(chair, council, "adviser", as_at=AS_AT),
        "complaints_annual": lambda: annual_document(council, 2022),
        "forward_plan": lambda: _edition(board_manager, council),
    }
    return builders


def text_of(document) -> str:
    html = render(document, "html").decode()
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def assert_nothing_later(text: str, kind: str) -> None:
    for _kind, year, value, _published in LATER:
        assert year not in text, (kind, year)
        assert value not in text, (kind, value)
    assert "2024-25" not in text, kind
    for value in LATER_ANNEX_A:
        assert f"{value}%" not in text, (kind, value)


@pytest.mark.parametrize("kind", KINDS)
def test_no_report_as_at_8_november_2023_shows_a_later_benchmark(documents, kind):
    assert_nothing_later(text_of(documents[kind]()), kind)


def test_the_reports_show_the_benchmarks_published_by_then(documents):
    text = text_of(documents["board"]())
    assert "78.5% (2022-23)" in text
    assert "78.5% (2022-23)" in text_of(documents["adviser"]())


def test_annex_a_as_at_8_november_2023_uses_only_what_was_published(
    council_with_benchmarks, client_for, board_manager
):
    council = council_with_benchmarks
    document = kpi_document(council.annex_a_imports.get())
    text = json.dumps(document)
    assert_nothing_later(text, "annex_a json")
    benchmarks = [kpi["benchmark"] for kpi in document["kpis"].values() if "benchmark" in kpi]
    assert benchmarks and {b["year"] for b in benchmarks} == {"2022-23"}
    assert {b["published_on"] for b in benchmarks} == {"2023-10-26"}
    page = client_for(board_manager).get(reverse("annex_a:kpis", args=[council.slug]))
    assert_nothing_later(page.content.decode(), "annex_a page")
    assert "(England, 2022-23; published 26 October 2023)" in page.content.decode()
