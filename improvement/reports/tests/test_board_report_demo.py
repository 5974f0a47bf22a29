"""The demo's board report of 24 April 2024, as its officer issues it: it opens with
its front sheet and recommendations, its scorecard fits one A4 page, and its figures
equal the dashboard's as at that date.

The demo loads once for the module, as on 1 May 2024 (after the meeting, before the
notice's deadline), inside a transaction rolled back at the end."""

import datetime
import io

import pytest
import time_machine
from django.db import transaction
from pypdf import PdfReader

from improvement.accounts.models import Role
from improvement.board.picture import board_picture
from improvement.core.models import Council
from improvement.core.templatetags.ib import pct
from improvement.demo.scenario import load_demo
from improvement.reports import board, queries, services
from improvement.reports.build import build_document, report_file

LATER = datetime.datetime(2024, 5, 1, 12, 0, tzinfo=datetime.UTC)
APRIL = datetime.date(2024, 4, 24)
RECOMMENDATIONS = "Note the progress made\nAgree the support asked for the MASH"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), time_machine.travel(LATER, tick=False):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load_demo()
            council = Council.objects.get(slug="peterborough")
            meetings = queries.board_meetings_of(council)
            yield council, next(m for m in meetings if queries.meeting_day(m) == APRIL)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def april(demo, db):
    """The council and its meeting of 24 April 2024, with time as on 1 May 2024."""
    with time_machine.travel(LATER, tick=False):
        yield demo


@pytest.fixture
def report(april):
    council, meeting = april
    manager = council.memberships.get(role=Role.BOARD_MANAGER).user
    report = services.create_report(
        manager, council, "board_progress", meeting=meeting, as_at=APRIL
    )
    return services.update_draft(
        manager, report, {"recommendations": RECOMMENDATIONS}, expected_version=report.version
    )


def _squashed(text: str) -> str:
    """Text without its spaces and line breaks, as a table cell may wrap it."""
    return "".join(text.split())


def _page_of(pages: list[str], heading: str) -> int:
    found = [n for n, text in enumerate(pages) if heading in text.splitlines()]
    assert len(found) == 1, (heading, found)
    return found[0]


def test_the_april_report_opens_with_its_front_sheet_and_a_one_page_scorecard(april, report):
    council, _ = april
    pages = [
        page.extract_text() for page in PdfReader(io.BytesIO(report_file(report, "pdf"))).pages
    ]

    first = pages[0]
    for label in ("Agenda item", "Report author", "Presented by", "Purpose of the report",
                  "Decision sought"):  # fmt: skip
        assert label in first, label
    assert "Item 4: Improvement plan progress: the front door and MASH timeliness" in first
    assert "Recommendations to the board" in first
    assert "Note the progress made" in first and "Agree the support asked for the MASH" in first
    assert first.index("Decision sought") < first.index("Recommendations to the board")

    scorecard = _page_of(pages, "Scorecard")
    assert _page_of(pages, "Objectives flagged by their measures") == scorecard + 1
    on_the_page = _squashed(pages[scorecard])
    names = [measure.name for measure in council.measures.live()]
    assert len(names) >= 15
    for name in names:
        assert _squashed(name) in on_the_page, name
    assert "Measures against target and benchmarks" in pages[scorecard]
    assert "Measures against target and benchmarks" not in "".join(pages[scorecard + 1 :])
    codes = [measure.code for measure in council.measures.live()]
    assert not [code for code in codes if code in "".join(pages)]

    text = " ".join(" ".join(pages).split())
    assert "31 weeks to the notice's deadline of 30 November 2024" in text
    assert "The DfE's latest review of progress was held on 14 February 2024" in text
    assert "Appendix: measures over time" in text
    # The section may run on to the next page: read it from its heading on.
    at = _page_of(pages, "Partner updates")
    partners = _squashed("".join(pages[at : at + 2]))
    assert _squashed("Report the ICB's decision on funding two more nurses") in partners
    assert _squashed("Returned 17 April 2024: The ICB agreed one nurse now") in partners


def test_the_april_report_figures_equal_the_dashboard_as_at_its_date(april, report, client):
    council, meeting = april
    document = build_document(report)
    picture = board_picture(council, APRIL)
    assert document.figures["as_at"] == "2024-04-24"
    figures = dict(document.figures)
    figures.pop("previous")
    assert figures == board.summary_figures(picture)
    client.force_login(report.author)
    query = {"as_at_day": 24, "as_at_month": 4, "as_at_year": 2024}
    dashboard = client.get(f"/councils/{council.slug}/dashboard/", query).content.decode()
    sentence = (
        f"{picture.complete} of {len(picture.actions)} actions complete "
        f"({pct(picture.complete_pct)})"
    )
    assert sentence in dashboard
