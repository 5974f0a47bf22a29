"""The demo's committee reports (docs/adr/027): the report to the scrutiny committee's
next meeting downloads as one PDF with the board's report bound in.

The demo loads once for the module, inside a transaction rolled back at the end."""

import datetime
import io

import pytest
import time_machine
from django.db import transaction
from django.urls import reverse
from pypdf import PdfReader

from conftest import TODAY
from improvement.accounts.models import Role
from improvement.accounts.tests.factories import MembershipFactory, UserFactory
from improvement.core.models import Council
from improvement.demo.scenario import load_demo
from improvement.documents.pdf import pdf_from_html
from improvement.documents.render import render
from improvement.documents.tests.helpers import content, fetch_built
from improvement.reports import bound
from improvement.reports.build import build_document


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


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_the_next_scrutiny_meetings_report_comes_with_the_board_report_bound_in(
    demo, db, client, django_capture_on_commit_callbacks
):
    committee = demo.bodies.get(slug="children-education-scrutiny")
    meeting = committee.meetings.upcoming(TODAY.date()).order_by("starts_at").first()
    report = demo.reports.get(kind="committee", meeting=meeting)
    manager = UserFactory(username="committee-reader")
    organisation = demo.organisations.first()
    MembershipFactory(
        user=manager, council=demo, organisation=organisation, role=Role.BOARD_MANAGER
    )
    client.force_login(manager)

    url = reverse("reports:report_download", args=[demo.slug, report.pk, "pdf"])
    pages = _pages(content(fetch_built(client, url, django_capture_on_commit_callbacks)))

    document = build_document(report)
    board = document.figures["appendix"]
    cover = _pages(render(document, "pdf"))
    appendix = _pages(pdf_from_html(bound.appendix_html(demo, board)))
    assert len(pages) == len(cover) + len(appendix)
    text = "\n".join(pages)
    day = f"{meeting.starts_at:%-d %B %Y}".upper()
    assert "CHILDREN AND EDUCATION SCRUTINY COMMITTEE" in pages[0] and day in pages[0]
    assert "Progress report to the Children's Services Improvement Board" in text
    assert pages[len(cover) :] == appendix
    # The board meeting it follows: the latest before the committee meets.
    assert datetime.date.fromisoformat(board["day"]) <= meeting.starts_at.date()


def test_the_complaints_cover_report_lists_the_annual_report_as_its_appendix(demo, db):
    report = demo.reports.get(kind="committee", appendix="complaints_annual")
    document = build_document(report)
    assert document.banner[1].startswith("6 NOVEMBER 2023 – PUBLIC REPORT")
    headings = {section.heading: section for section in document.sections}
    assert headings["APPENDICES"].paragraphs == [
        "12.1 Appendix 1 – Annual children's services complaints report 2022-23"
    ]
