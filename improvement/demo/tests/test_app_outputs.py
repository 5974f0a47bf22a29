"""The apps' reports and pages over the demo's records: the complaints annual report
and the forward plan's edition, as the commands and pages give them.

Moved here from the complaints and forward plan tests, which may not import the demo."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from improvement.complaints.report import report_docx
from improvement.demo.complaints import load_complaints_demo
from improvement.demo.forward_plan import load_forward_plan_demo
from improvement.demo.meetings import load_meetings_demo


@pytest.fixture
def complaints(council):
    load_complaints_demo(council)
    return council


def test_the_complaints_report_json_goes_to_stdout(complaints, capsysbinary):
    call_command("complaints_report", council="testshire", year=2022, format="json", output="-")
    data = json.loads(capsysbinary.readouterr().out)
    assert data["accepted"] == 48
    assert data["stage1"]["fault_found_pct"] == 79.5


@pytest.mark.parametrize("fmt,magic", [("pdf", b"%PDF"), ("docx", b"PK")])
def test_the_complaints_report_as_pdf_and_docx(complaints, tmp_path, fmt, magic):
    path = tmp_path / f"report.{fmt}"
    call_command(
        "complaints_report",
        council="testshire",
        year=2022,
        format=fmt,
        output=str(path),
        stderr=io.StringIO(),
    )
    assert path.read_bytes().startswith(magic)


def test_the_complaints_docx_holds_the_figures_and_chart_alt_text(complaints):
    from docx import Document  # python-docx is heavy: loaded only by this test

    document = Document(io.BytesIO(report_docx(complaints, 2022)))
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert "79.5% (35 of 44)" in cells
    assert "67.7% (44 of 65)" in cells
    assert document.inline_shapes[0]._inline.docPr.get("descr").startswith("Accepted")


def test_the_complaints_report_page_shows_both_years_with_charts(
    client_for, councillor, complaints
):
    page = reverse("complaints:report", args=[complaints.slug]) + "?year=2022"
    response = client_for(councillor).get(page)
    assert response.status_code == 200
    content = response.content.decode()
    assert "2021-22" in content and "2022-23" in content
    assert "79.5% (35 of 44)" in content
    assert '<svg role="img" aria-label="Accepted complaints by route.' in content


def test_the_forward_plan_loads_after_the_meetings_and_writes_its_edition(
    council, board_manager, tmp_path
):
    load_meetings_demo(council)
    call_command("load_demo", "--only", "forward_plan", "--council", council.slug)
    call_command("load_demo", "--only", "forward_plan", "--council", council.slug)
    assert council.bodies.filter(slug="cabinet").count() == 1
    scrutiny = council.bodies.get(slug="children-education-scrutiny")
    assert scrutiny.forward_decisions.filter(reference="KEY/20NOV23/01").exists()
    out = tmp_path / "plan.json"
    call_command(
        "forward_plan", "--council", council.slug, "--edition", "2023-10-20", "-o", str(out)
    )
    data = json.loads(out.read_text())
    assert data["published_on"] == "2023-10-20"
    assert data["parts"][0]["sections"][0]["decisions"][0]["reference"] == "KEY/20NOV23/01"


def test_the_forward_plan_list_pages_keep_their_query_count_as_the_plan_grows(
    board_manager, council, client_for, django_assert_max_num_queries
):
    load_forward_plan_demo(council)
    edition = council.forward_plan_editions.get(status="published")
    client = client_for(board_manager)
    with django_assert_max_num_queries(12):
        client.get(reverse("forward_plan:register", args=[council.slug]))
    with django_assert_max_num_queries(12):
        client.get(reverse("forward_plan:edition_detail", args=[council.slug, edition.pk]))
    with django_assert_max_num_queries(12):
        client_for(None).get(
            reverse("public_forward_plan:edition_detail", args=[council.slug, edition.pk])
        )


def test_load_demo_only_needs_a_council():
    with pytest.raises(CommandError, match="--council"):
        call_command("load_demo", "--only", "complaints")
