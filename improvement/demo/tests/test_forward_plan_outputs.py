"""The demo holds the seed's edition of 20 October 2023, and its PDF, Word and JSON
list the same decisions in the same parts and columns; nothing exempt is printed."""

import datetime
import html
import io
import json
import shutil
import subprocess

import pytest

from improvement.demo import forward_plan_data as seed
from improvement.demo.forward_plan import load_forward_plan_demo
from improvement.forward_plan.outputs import edition_html, render_edition

D = datetime.date
EXEMPT = "Valuation of the site: confidential figure"


@pytest.fixture
def edition(council, board_manager):
    load_forward_plan_demo(council)
    load_forward_plan_demo(council)  # idempotent
    return council.forward_plan_editions.get(published_on=D(2023, 10, 20))


def sections(edition):
    data = json.loads(render_edition(edition, "json"))
    return {
        (part["number"], index): section
        for part in data["parts"]
        for index, section in enumerate(part["sections"])
    }


def test_demo_holds_the_seed_edition_in_its_parts(edition, council):
    found = sections(edition)
    assert edition.is_published and edition.decisions_from == D(2023, 11, 20)
    assert found[(1, 0)]["heading"] == "KEY DECISIONS FROM 20 NOVEMBER 2023"
    assert [d["reference"] for d in found[(1, 0)]["decisions"]] == ["KEY/20NOV23/01"]
    assert [d["reference"] for d in found[(1, 1)]["decisions"]] == [r[1] for r in seed.PREVIOUS_KEY]
    assert found[(2, 0)]["decisions"] == []
    assert [d["reference"] for d in found[(2, 1)]["decisions"]] == [
        r[1] for r in seed.PREVIOUS_PRIVATE
    ]
    assert found[(3, 0)]["decisions"] == []
    assert [d["title"] for d in found[(3, 1)]["decisions"]] == [r[0] for r in seed.PREVIOUS_NON_KEY]
    assert found[(4, 0)]["decisions"] == []
    assert council.forward_plan_settings.key_threshold == 500_000
    assert council.bodies.filter(slug="cabinet", kind="cabinet").exists()


def test_demo_rows_carry_the_seeds_columns(edition):
    first = sections(edition)[(1, 0)]
    labels = [column["label"] for column in first["columns"]]
    assert labels[:3] == ["KEY DECISION REQUIRED", "DECISION MAKER", "DATE DECISION EXPECTED"]
    assert labels[-1].startswith("DOCUMENTS RELEVANT TO THE DECISION")
    row = first["decisions"][0]
    assert row["required"].startswith("Education IT System Award – KEY/20NOV23/01 To approve")
    assert row["decision_maker"] == (
        "Councillor Jackie Allen, Cabinet Member for Children's Services and Education"
    )
    assert row["date"] == "November 2023"
    assert row["scrutiny"] == "Children and Education Scrutiny Committee"
    assert row["directorate"] == "Corporate Services"
    private = sections(edition)[(2, 1)]["decisions"][0]
    assert private["documents"] == seed.EXEMPT_ANNEXE_3
    assert private["exempt_paragraph"] == 3


ORDER = [
    "PUBLISHED: 20 OCTOBER 2023",
    "PART 1",
    "KEY DECISIONS FROM 20 NOVEMBER 2023",
    "KEY/20NOV23/01",
    "PREVIOUSLY ADVERTISED KEY DECISIONS",
    *[row[1] for row in seed.PREVIOUS_KEY],
    "PART 2",
    *[row[1] for row in seed.PREVIOUS_PRIVATE],
    "PART 3",
    "PREVIOUSLY ADVERTISED DECISIONS",
    "Approval of the Peterborough Sufficiency Strategy",
    "PART 4",
]


def assert_in_order(text, squash=False):
    """Each needle after the last; `squash` ignores spacing, as PDF text wraps in cells."""
    join = "" if squash else " "
    flat = join.join(html.unescape(text).split())
    at = 0
    for needle in ORDER:
        needle = join.join(needle.split())
        found = flat.find(needle, at)
        assert found >= 0, f"{needle} missing or out of order"
        at = found + len(needle)


def test_the_pdf_document_lists_the_same_decisions_in_the_same_parts(edition):
    assert_in_order(edition_html(edition))
    assert render_edition(edition, "pdf").startswith(b"%PDF")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_the_pdf_text_reads_in_the_same_order(edition, tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(render_edition(edition, "pdf"))
    pdftotext = shutil.which("pdftotext")
    text = subprocess.run(  # noqa: S603 (our own file, a fixed tool)
        [pdftotext, "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert_in_order(text, squash=True)


def test_docx_has_the_tables(edition):
    from docx import Document

    document = Document(io.BytesIO(render_edition(edition, "docx")))
    texts = [cell.text for table in document.tables for cell in table.rows[0].cells]
    assert "KEY DECISION REQUIRED" in texts and "DECISION TAKEN" in texts
    body = " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "KEY/31JUL23/05" in body


def test_outputs_never_print_exempt_information(edition, council, board_manager):
    decision = council.forward_decisions.get(reference="KEY/23OCT23/01")
    decision.exempt_detail = EXEMPT
    decision.save()
    draft = council.forward_plan_editions.get(status="draft")
    for fmt in ("json", "docx"):
        assert EXEMPT.encode() not in render_edition(draft, fmt)
    assert EXEMPT not in edition_html(draft)
