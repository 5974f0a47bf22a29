"""Hostile complaints registers, through the reader in a memory-capped child and through
import_complaints: each is refused with its place, and nothing is written."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from improvement.complaints.models import Representation
from improvement.core.models import AuditEntry
from improvement.core.tests import hostile

NAME = "register.xlsx"
HEADER = ["reference", "received_on", "kind", "process", "service", "team"]


def rows(**values):
    good = {
        "reference": "X1",
        "received_on": datetime.datetime(2023, 5, 1),
        "kind": "compliment",
        "process": "",
        "service": "education",
        "team": "SEN",
    }
    good.update(values)
    return [HEADER, [good[column] for column in HEADER]]


@pytest.fixture(scope="module")
def bomb():
    return hostile.zip_bomb(rows(), "Register")


def cases(bomb):
    return {
        "far cell": (
            NAME,
            hostile.far_cell(rows(), "Register"),
            "Sheet 'Register', row 1048576: has more rows than this import reads",
        ),
        "zip bomb": (NAME, bomb, "register.xlsx unpacks to 466 MB, more than the 100 MB"),
        "wrong type": (NAME, hostile.not_a_zip(), "register.xlsx could not be read as an Excel"),
        "truncated": (NAME, hostile.truncated(rows()), "register.xlsx could not be read"),
        "over-long text": (
            NAME,
            hostile.xlsx(rows(team="T" * 121), "Register"),
            "Row 2, column team: has 121 characters, more than the 120 this field holds.",
        ),
        "huge numbers": (
            NAME,
            hostile.xlsx(rows(received_on=1e30), "Register"),
            "Row 2, column received_on: “1e+30” is not a date",
        ),
        "not UTF-8": (
            "register.csv",
            hostile.not_utf8_csv([HEADER]),
            "register.csv is not UTF-8 text",
        ),
    }


CASES = ["far cell", "zip bomb", "wrong type", "truncated", "over-long text", "huge numbers",
         "not UTF-8"]  # fmt: skip


@pytest.mark.parametrize("case", CASES[:4] + ["not UTF-8"])
def test_each_hostile_file_is_refused_in_a_child_with_little_memory(case, bomb, tmp_path):
    name, data, message = cases(bomb)[case]
    path = tmp_path / "upload.tmp"
    path.write_bytes(data)
    outcome = hostile.run_bounded(
        f"""
        from improvement.complaints.register import RegisterError, read_rows
        try:
            read_rows({str(path)!r}, {name!r})
            result = "read"
        except RegisterError as refused:
            result = str(refused)
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
    err = io.StringIO()
    with pytest.raises(CommandError) as refused:
        call_command("import_complaints", str(path), council="testshire", stderr=err)
    assert refused.value.returncode == 1
    assert message in err.getvalue()
    assert not Representation.objects.exists() and not AuditEntry.objects.exists()


@pytest.mark.django_db
def test_control_characters_are_removed_and_the_command_acts_as_itself(council, tmp_path):
    path = tmp_path / "register.csv"
    text = "\n".join(",".join(map(str, row)) for row in rows(team=hostile.CONTROL))
    path.write_text(text.replace("2023-05-01 00:00:00", "2023-05-01"), encoding="utf-8")
    call_command("import_complaints", str(path), council="testshire", stdout=io.StringIO())
    assert Representation.objects.get().team == hostile.CONTROL_CLEANED
    names = set(AuditEntry.objects.values_list("actor_name", flat=True))
    assert names == {"System (import_complaints)"}
