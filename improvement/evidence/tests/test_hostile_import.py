"""Hostile files for the measure values import, through the reader in a memory-capped
child and through the web upload: each is refused with its place, nothing is written."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from improvement.core.tests import hostile
from improvement.evidence.importer import ImportRefused, parse_values
from improvement.evidence.models import MeasureValue
from improvement.evidence.tests.factories import MeasureFactory

NAME = "values.xlsx"
GOOD = [["period", "value", "note"], ["2024-01", 5, "ok"]]


def rows(value=5, note="ok"):
    return [GOOD[0], ["2024-01", value, note]]


@pytest.fixture(scope="module")
def bomb():
    return hostile.zip_bomb(GOOD, "Values")


def cases(bomb):
    return {
        "far cell": (
            NAME,
            hostile.far_cell(GOOD, "Values"),
            "Sheet 'Values', row 1048576: has more rows than this import reads",
        ),
        "zip bomb": (NAME, bomb, "values.xlsx unpacks to 466 MB, more than the 50 MB"),
        "wrong type": (NAME, hostile.not_a_zip(), "values.xlsx could not be read as an Excel"),
        "truncated": (NAME, hostile.truncated(GOOD), "values.xlsx could not be read"),
        "over-long text": (
            NAME,
            hostile.xlsx(rows(note="n" * 5001), "Values"),
            "Sheet 'Values', row 2, column note: has 5,001 characters, more than the 5,000",
        ),
        "huge numbers": (
            NAME,
            hostile.xlsx(rows(value=1e30), "Values"),
            "Sheet 'Values', row 2, column value: 1e+30 is out of range.",
        ),
        "not UTF-8": ("values.csv", hostile.not_utf8_csv(GOOD), "values.csv is not UTF-8 text"),
    }


CASES = ["far cell", "zip bomb", "wrong type", "truncated", "over-long text", "huge numbers",
         "not UTF-8"]  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_each_hostile_file_is_refused_in_a_child_with_little_memory(case, bomb, tmp_path):
    name, data, message = cases(bomb)[case]
    path = tmp_path / "upload.tmp"
    path.write_bytes(data)
    outcome = hostile.run_bounded(
        f"""
        from pathlib import Path
        from improvement.evidence.importer import ImportRefused, parse_values
        try:
            parse_values(None, {name!r}, Path({str(path)!r}).read_bytes())
            result = "imported"
        except ImportRefused as refused:
            result = str(refused)
        """
    )
    assert message in outcome["result"]
    assert outcome["peak_mb"] < hostile.CHILD_PEAK_RSS_MB


WEB_MESSAGES = {"wrong type": "values.xlsx is not a real XLSX file"}


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES)
def test_the_web_upload_refuses_each_hostile_file_and_writes_nothing(
    case, bomb, council, board_manager, client_for
):
    measure = MeasureFactory(council=council, code="CTR")
    name, data, message = cases(bomb)[case]
    response = client_for(board_manager).post(
        reverse("evidence:measure_import", args=[council.slug, measure.pk]),
        {"file": SimpleUploadedFile(name, data)},
    )
    assert response.status_code == 200
    page = response.content.decode()
    # The upload's own check (type, size, signature) speaks first where it can.
    message = WEB_MESSAGES.get(case, message)
    assert message.replace("'", "&#x27;") in page
    assert not MeasureValue.objects.exists()


@pytest.mark.django_db
def test_control_characters_are_removed_from_notes(council):
    measure = MeasureFactory(council=council, code="CTR")
    text = f"period,value,note\n2024-01,5,{hostile.CONTROL}\n".encode()
    [row] = parse_values(measure, "values.csv", text)
    assert (row["value"], row["note"]) == (Decimal(5), hostile.CONTROL_CLEANED)


def test_a_number_just_inside_the_field_is_accepted_and_one_past_it_refused():
    [row] = parse_values(None, "v.csv", b"period,value\n2024-01,999999999999.99\n")
    assert row["value"] == Decimal("999999999999.99")
    with pytest.raises(ImportRefused, match="Row 2, column value: 1000000000000 is out of range"):
        parse_values(None, "v.csv", b"period,value\n2024-01,1000000000000\n")
