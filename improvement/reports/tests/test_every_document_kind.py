"""Every kind of document the service writes, built from test data through the one
pipeline: each PDF is tagged (PDF/UA) and each Word file is A4, numbers its pages
and names the council as its author. The data carries a vertical tab and a measure
named like TeX, which must break nothing."""

import datetime
import io
import re
import zlib

import pytest
from docx import Document as Word

from improvement.complaints.report import annual_document
from improvement.complaints.tests.factories import ComplaintFactory
from improvement.documents.render import render
from improvement.evidence.tests.factories import MeasureFactory, monthly
from improvement.forward_plan import editions
from improvement.forward_plan import services as forward_plan
from improvement.forward_plan.outputs import edition_document
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory, UpdateFactory
from improvement.reports import services as reports
from improvement.reports.build import build_document
from improvement.reports.tests.factories import board_meeting, scrutiny

D = datetime.date
KINDS = ["board", "committee", "self_assessment", "adviser", "complaints_annual", "forward_plan"]
VERTICAL_TAB = "Note the progress\x0bmade since the last meeting"


def _report(actor, council, kind, **fields):
    report = reports.create_report(actor, council, kind, **fields)
    report.recommendations = VERTICAL_TAB
    report.sections = {"summary": VERTICAL_TAB, "background": VERTICAL_TAB}
    return build_document(report)


def _edition(actor, council):
    edition = editions.create_edition(actor, council, D(2023, 10, 20), D(2023, 11, 20))
    forward_plan.add_decision(
        actor,
        council,
        {
            "title": "Education IT System Award",
            "description": "To approve the award of the new IT system.",
            "is_key": True,
            "maker_kind": "member",
            "maker_name": "Councillor Jackie Allen",
            "maker_portfolio": "Cabinet Member for Children's Services and Education",
            "expected_month": D(2023, 11, 1),
            "contact": "Chris Stromberg",
            "contact_email": "chris@example.gov.uk",
        },
    )
    editions.publish_edition(actor, edition)
    return edition_document(edition)


@pytest.fixture
def build(council, board_manager, chair):
    """Each kind's document, made as the service makes it."""
    meeting = board_meeting(council)
    day = meeting.starts_at.date()
    objective = ObjectiveFactory(council=council, title="Safe\x0bat the front door")
    for rating in ("green", "red"):
        action = ActionFactory(objective=objective, title=f"Strategy meetings ({rating})")
        UpdateFactory(action=action, rating=rating, reason=VERTICAL_TAB)
    measure = MeasureFactory(council=council, name="$x$ of assessments_in^time")
    monthly(measure, [60, 65, 70])
    ComplaintFactory(council=council, received_on=D(2023, 5, 2), team="Leaving\x0bCare")
    builders = {
        "board": lambda: _report(
            board_manager, council, "board_progress", meeting=meeting, as_at=day
        ),
        "committee": lambda: _report(
            board_manager, council, "committee", meeting=meeting, body=scrutiny(council), as_at=day
        ),
        "self_assessment": lambda: _report(board_manager, council, "self_assessment", as_at=day),
        "adviser": lambda: _report(chair, council, "adviser", as_at=day),
        "complaints_annual": lambda: annual_document(council, 2023),
        "forward_plan": lambda: _edition(board_manager, council),
    }
    return lambda kind: builders[kind]()


def pdf_objects(pdf: bytes) -> bytes:
    """The PDF's bytes with every compressed stream inflated, so the catalogue is
    readable even when it sits in an object stream."""
    found = [pdf]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            found.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return b"\n".join(found)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_is_a_tagged_pdf_and_an_a4_word_file(build, council, kind):
    document = build(kind)
    assert document.council == council.name

    objects = pdf_objects(render(document, "pdf"))
    assert b"/StructTreeRoot" in objects, kind
    assert re.search(rb"/MarkInfo\s*<<\s*/Marked\s+true\s*>>", objects), kind

    word = Word(io.BytesIO(render(document, "docx")))
    assert word.core_properties.author == council.name
    assert word.core_properties.title == document.title
    for section in word.sections:
        size = sorted([round(section.page_width.mm), round(section.page_height.mm)])
        assert size == [210, 297], kind
        wide = section.page_width > section.page_height
        assert wide == document.landscape, kind
        assert 'w:instr=" PAGE "' in section.footer._element.xml, kind

    html = render(document, "html").decode()
    assert '<html lang="en">' in html and "\x0b" not in html


def test_a_measure_named_like_tex_is_charted_as_written(build):
    document = build("board")
    measures = next(s for s in document.sections if s.anchor == "measure-charts")
    chart = measures.subsections[0].charts[0]
    assert chart.alt.startswith("$x$ of assessments_in^time from")
    assert chart.data.head == ["Period", "$x$ of assessments_in^time"]
    assert [row[1] for row in chart.data.rows[:3]] == ["60.0%", "65.0%", "70.0%"]


def test_the_board_report_tags_its_ratings_and_keeps_every_action(build):
    document = build("board")
    sections = {section.anchor: section for section in document.sections}
    summary = sections["summary"].tables[0]
    assert summary.rows[0][0] == {"tag": "Blue", "tone": "blue"}
    objectives = sections["objectives"].subsections
    assert len(objectives[0].tables[0].rows) == 2
    html = render(document, "html").decode()
    assert '<strong class="govuk-tag govuk-tag--red">Red</strong>' in html
    assert '<strong class="govuk-tag govuk-tag--green">Green</strong>' in html
    assert '<td class="govuk-table__cell">Note the progress<br>made since the last meeting' in html
