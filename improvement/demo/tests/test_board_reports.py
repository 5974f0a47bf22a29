"""The reports of the demo's board meetings: figures, PDF, Word and the command.

The demo loads once for the module, inside a transaction rolled back at the end."""

import datetime
import io
import shutil
import subprocess
import zipfile

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from django.utils.html import escape

from conftest import TODAY
from improvement.accounts.models import Role
from improvement.accounts.tests.factories import MembershipFactory, UserFactory
from improvement.board.picture import board_picture
from improvement.core.models import Council
from improvement.core.templatetags.ib import pct
from improvement.demo.scenario import load_demo
from improvement.documents import html as document_html
from improvement.documents import pdf
from improvement.documents import word as word_writer
from improvement.reports import board, queries, services
from improvement.reports.build import build_document

SECTIONS = [
    "Recommendations to the board",
    "Summary",
    "Scorecard",
    "Objectives flagged by their measures",
    "Progress by objective",
    "Slow to progress",
    "Capacity and finance asks",
    "Partner updates",
    "The DfE's review and the adviser's feedback",
    "Actions due after the notice's deadline",
    "Evidence of impact on practice and on children and families",
    "The board's action log",
    "Key to the ratings",
    "Appendix: measures over time",
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), time_machine.travel(TODAY, tick=False):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load_demo()
            council = Council.objects.get(slug="peterborough")
            yield council, list(queries.board_meetings_of(council))
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def meeting(demo, db):
    council, meetings = demo
    past = [m for m in meetings if m.starts_at.date() < datetime.date(2024, 3, 1)]
    return past[-1]


def expected(picture):
    return {
        "actions": len(picture.actions),
        "complete": picture.complete,
        "rating_counts": dict(picture.rating_counts),
        "objectives": [
            (o.objective.pk, len(o.actions), o.complete, dict(o.rating_counts))
            for o in picture.objectives
        ],
    }


def shown(figures):
    return {
        "actions": figures["actions"],
        "complete": figures["complete"],
        "rating_counts": figures["rating_counts"],
        "objectives": [
            (o["id"], o["actions"], o["complete"], o["rating_counts"])
            for o in figures["objectives"]
        ],
    }


def test_each_board_meeting_report_shows_the_dashboard_figures_as_at_its_date(demo, db, client):
    council, meetings = demo
    user = UserFactory(username="reader")
    MembershipFactory(user=user, council=council, role=Role.BOARD_MANAGER)
    client.force_login(user)
    assert len(meetings) >= 4
    for meeting in meetings:
        day = queries.meeting_day(meeting)
        document = board.board_progress(meeting)
        picture = board_picture(council, day)
        assert shown(document.figures) == expected(picture), day
        query = {"as_at_day": day.day, "as_at_month": day.month, "as_at_year": day.year}
        dashboard = client.get(f"/councils/{council.slug}/dashboard/", query).content.decode()
        figures = document.figures
        sentence = (
            f"{figures['complete']} of {figures['actions']} actions complete "
            f"({pct(picture.complete_pct)})"
        )
        assert sentence in dashboard, day
    assert meetings[1] and board.board_progress(meetings[1]).figures["previous"] is not None


def test_a_demo_meeting_report_pdf_has_ten_pages_and_every_section(meeting):
    document = board.board_progress(meeting)
    html = document_html.print_html(document)
    assert '<html lang="en">' in html
    laid_out = pdf.laid_out(html)
    assert len(laid_out.pages) >= 10
    assert document.headings == SECTIONS
    for heading in SECTIONS:
        assert f">{escape(heading)}</h2>" in html
    assert 'alt=""' not in html and "<img" in html and '<th scope="col"' in html


def test_a_demo_meeting_report_docx_opens_and_converts(meeting, tmp_path):
    from docx import Document as Word

    content = word_writer.docx_bytes(board.board_progress(meeting))
    word = Word(io.BytesIO(content))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings == SECTIONS
    assert all(shape._inline.docPr.get("descr") for shape in word.inline_shapes)
    assert zipfile.is_zipfile(io.BytesIO(content))
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice is not installed")
    path = tmp_path / "report.docx"
    path.write_bytes(content)
    subprocess.run(  # noqa: S603
        [office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True,
        timeout=180,
        capture_output=True,
    )
    assert (tmp_path / "report.pdf").stat().st_size > 10_000


def test_board_report_command_writes_each_format(meeting, tmp_path, capsysbinary):
    for fmt, start in (("pdf", b"%PDF"), ("docx", b"PK"), ("html", b"<!DOCTYPE html>")):
        path = tmp_path / f"report.{fmt}"
        call_command(
            "board_report", "--council", "peterborough", "--meeting", str(meeting.pk),
            "--format", fmt, "-o", path,
        )  # fmt: skip
        assert path.read_bytes().startswith(start)
    call_command(
        "board_report", "--council", "peterborough", "--meeting", str(meeting.pk),
        "--format", "html", "-o", "-",
    )  # fmt: skip
    assert capsysbinary.readouterr().out.startswith(b"<!DOCTYPE html>")


def test_dfe_reports_draw_on_partners_surveys_and_supervision(demo, db):
    council, _ = demo
    manager = council.memberships.get(role=Role.BOARD_MANAGER).user
    chair = council.memberships.get(role=Role.CHAIR).user  # the adviser's report is the chair's
    assessment = services.create_report(
        manager, council, "self_assessment", as_at=datetime.date(2024, 2, 1)
    )
    document = build_document(assessment)
    sections = {section.heading: section for section in document.sections}
    # The DfE had scheduled its first review for 14 February 2024 (docs/adr/028).
    assert "The next DfE review is scheduled for 14 February 2024" in document.subtitle
    partners = sections["Involvement of safeguarding partners and the improvement board"]
    attendance = partners.tables[0]
    assert attendance.rows and attendance.head[0] == "Organisation"
    assert any("Constabulary" in row[0] for row in partners.tables[1].rows)
    workforce = {s.heading: s for s in sections["Workforce and management oversight"].subsections}
    assert workforce["Staff surveys"].tables[0].rows  # the staff surveys so far
    # Supervision evidence: the measures and audits tagged for workforce.
    measures = [row[0] for row in workforce["Performance data"].tables[0].rows]
    assert "Agency social workers" in measures
    # The supervision audit of June 2024 is not yet held; no other audit is tagged for it.
    audits = workforce["Case file audits"].tables[0]
    assert audits.body[0][0] == (
        "No case file audit is tagged for workforce and management oversight."
    )
    assert sections["Diagnostic reviews"].subsections  # the MASH's, reported December 2023
    assert document.figures["as_at"] == "2024-02-01"
    adviser = build_document(
        services.create_report(chair, council, "adviser", as_at=datetime.date(2024, 2, 1))
    )
    assert adviser.headings[0] == "Progress or concern"
    ofsted = next(s for s in adviser.sections if s.heading.startswith("Improvement against"))
    assert ofsted.tables[0].rows  # the Ofsted findings and their progress
