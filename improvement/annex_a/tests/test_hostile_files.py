"""Hostile Annex A files, through the reader in a memory-capped child, the command and the
web upload: each is refused with a message naming the file and the place, and nothing
is imported; and a partial workbook leaves the other KPIs' measures as they were."""

import datetime
import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import load_workbook

from improvement.annex_a.kpi_definitions import KPIS
from improvement.annex_a.models import AnnexAImport
from improvement.annex_a.services import analyse, import_annex_a
from improvement.annex_a.tests.builders import headings, row
from improvement.annex_a.tests.handbuilt import R, hand_built
from improvement.core.actors import SystemActor
from improvement.core.tests import hostile
from improvement.evidence.models import Measure, MeasureValue

NAME = "annex-a.xlsx"
CONTACT = {"child_id": "C1", "contact_date": datetime.datetime(2024, 1, 8)}


def rows(**values):
    return [headings(1), row(1, **{**CONTACT, **values})]


@pytest.fixture(scope="module")
def bomb():
    return hostile.zip_bomb(rows(), "List 1")


def cases(bomb):
    return {
        "far cell": (
            NAME,
            hostile.far_cell(rows(), "List 1"),
            "annex-a.xlsx: Sheet 'List 1', row 1048576: has more rows than this import reads",
        ),
        "zip bomb": (NAME, bomb, "annex-a.xlsx unpacks to 466 MB, more than the 400 MB"),
        "wrong type": (NAME, hostile.not_a_zip(), "annex-a.xlsx could not be read as an Excel"),
        "truncated": (NAME, hostile.truncated(rows()), "annex-a.xlsx could not be read"),
        "over-long text": (
            NAME,
            hostile.xlsx(rows(child_id="C" * 300), "List 1"),
            "Sheet 'List 1', row 2, column A: the Child Unique ID has 300 characters",
        ),
        "huge numbers": (
            NAME,
            hostile.xlsx(rows(contact_date=1e30), "List 1"),
            "No row of annex-a.xlsx could be used "
            "(1 row with a required date that could not be read)",
        ),
        "not UTF-8": (
            "List 1.csv",
            hostile.not_utf8_csv([headings(1)]),
            "List 1.csv is not UTF-8 text",
        ),
    }


DATE = {"reference_date_day": "31", "reference_date_month": "3", "reference_date_year": "2024"}
CASES = ["far cell", "zip bomb", "wrong type", "truncated", "over-long text", "huge numbers",
         "not UTF-8"]  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_each_hostile_file_is_refused_in_a_child_with_little_memory(case, bomb, tmp_path):
    name, data, message = cases(bomb)[case]
    path = tmp_path / "upload.tmp"
    path.write_bytes(data)
    outcome = hostile.run_bounded(
        f"""
        import datetime
        from improvement.annex_a.services import AnnexAError, analyse
        try:
            analyse({str(path)!r}, datetime.date(2024, 3, 31), file_name={name!r})
            result = "imported"
        except AnnexAError as error:
            result = str(error)
        """
    )
    assert message in outcome["result"]
    assert "upload.tmp" not in outcome["result"]
    assert outcome["peak_mb"] < hostile.CHILD_PEAK_RSS_MB


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES)
def test_the_command_refuses_each_hostile_file_and_writes_nothing(case, bomb, council, tmp_path):
    name, data, message = cases(bomb)[case]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(CommandError) as refused:
        call_command(
            "import_annex_a",
            str(path),
            "--council=testshire",
            "--reference-date=2024-03-31",
            stdout=io.StringIO(),
        )
    assert message in str(refused.value)
    assert not AnnexAImport.objects.exists() and not Measure.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES)
def test_the_web_upload_refuses_each_hostile_file_and_imports_nothing(
    case, bomb, council, board_manager, client_for, django_capture_on_commit_callbacks
):
    name, data, message = cases(bomb)[case]
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(board_manager).post(
            reverse("annex_a:upload", args=["testshire"]),
            {"workbook": SimpleUploadedFile(name, data), **DATE},
        )
    assert response.status_code == 302
    record = AnnexAImport.objects.get()
    assert record.status == AnnexAImport.Status.FAILED
    assert message in record.error and "annex-a-" not in record.error
    assert not Measure.objects.exists()


@pytest.mark.django_db
def test_an_upload_over_the_size_limit_is_refused_by_the_form(council, board_manager, client_for):
    response = client_for(board_manager).post(
        reverse("annex_a:upload", args=["testshire"]),
        {
            "workbook": SimpleUploadedFile(NAME, b"PK" + b"0" * (50 * 1024 * 1024)),
            **DATE,
        },
    )
    assert response.status_code == 200
    assert "must be smaller than 50 MB" in response.content.decode()
    assert not AnnexAImport.objects.exists()


def test_control_characters_are_removed_from_the_ids(tmp_path):
    path = tmp_path / "List 1.csv"
    text = "\n".join(",".join(map(str, line)) for line in rows(child_id="C1\x01\x0b"))
    path.write_text(text, encoding="utf-8")
    ids = analyse(path, R).tables[1]["child_id"]
    assert list(ids) == ["C1"]


def _partial(path: Path, keep: set[str]) -> Path:
    book = load_workbook(hand_built(path))
    for name in book.sheetnames:
        if name.split(" - ")[0] not in keep:
            del book[name]
    book.save(path)
    return path


@pytest.mark.django_db
def test_a_partial_workbook_feeds_only_its_kpis_and_warns_about_the_rest(council, tmp_path):
    actor = SystemActor("test")
    first = import_annex_a(actor, council, hand_built(tmp_path / "full.xlsx"), R)
    before = {v.pk: (v.note, v.value, v.version) for v in MeasureValue.objects.all()}
    partial = _partial(tmp_path / "partial.xlsx", {"List 1", "List 3"})
    second = import_annex_a(actor, council, partial, R + datetime.timedelta(days=1))
    fed = {"contacts_to_referral_pct", "referral_nfa_pct", "rereferral_12m_pct"}
    for value in MeasureValue.objects.select_related("measure"):
        if value.measure.code in fed:
            assert f"import {second.pk} " in value.note
        else:
            assert (value.note, value.value, value.version) == before[value.pk]
            assert f"import {first.pk} " in value.note
    assert not MeasureValue.objects.filter(denominator=0, numerator=0).exclude(
        measure__code__in={k.key for k in KPIS if k.count}
    )
    warnings = " ".join(second.report["warnings"])
    assert "List 4 (" in warnings and "is not in the file" in warnings
    assert "List 1 (" not in warnings


@pytest.mark.django_db
def test_a_file_whose_every_row_is_rejected_is_not_imported(council, tmp_path):
    path = tmp_path / NAME
    path.write_bytes(hostile.xlsx(rows(child_id=""), "List 1"))
    with pytest.raises(Exception, match="No row of annex-a.xlsx could be used") as refused:
        import_annex_a(SystemActor("test"), council, path, R)
    assert "(1 row with no Child Unique ID)" in str(refused.value)
    assert not AnnexAImport.objects.exists() and not Measure.objects.exists()
