"""The `report` command writes every kind of document, and refuses what it cannot build."""

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from improvement.complaints.tests.factories import ComplaintFactory
from improvement.forward_plan import editions
from improvement.reports.tests.factories import board_meeting, scrutiny

D = datetime.date


@pytest.fixture
def meeting(council):
    return board_meeting(council)


@pytest.mark.parametrize(
    "kind,fmt,start,extra",
    [
        ("board", "pdf", b"%PDF", ["--meeting", "{meeting}"]),
        ("committee", "docx", b"PK", ["--meeting", "{meeting}", "--committee", "scrutiny"]),
        ("self_assessment", "html", b"<!DOCTYPE html>", ["--as-at", "2024-02-01"]),
        ("adviser", "html", b"<!DOCTYPE html>", []),
        ("complaints_annual", "html", b"<!DOCTYPE html>", ["--year", "2023"]),
        ("forward_plan", "html", b"<!DOCTYPE html>", ["--edition", "2023-10-20"]),
    ],
)
def test_report_writes_each_kind(
    council, board_manager, meeting, tmp_path, kind, fmt, start, extra
):
    scrutiny(council)
    ComplaintFactory(council=council, received_on=D(2023, 6, 1))
    editions.create_edition(board_manager, council, D(2023, 10, 20), D(2023, 11, 20))
    path = tmp_path / f"out.{fmt}"
    args = [arg.format(meeting=meeting.pk) for arg in extra]
    call_command(
        "report", "--kind", kind, "--council", "testshire", *args, "--format", fmt, "-o", path
    )
    assert path.read_bytes().startswith(start)
    assert council.reports.count() == 0  # a command's report is built, never saved


def test_report_refuses_a_board_report_without_its_meeting(council, tmp_path):
    with pytest.raises(CommandError, match="needs --meeting"):
        call_command("report", "--kind", "board", "--council", "testshire", "-o", tmp_path / "x")
    with pytest.raises(CommandError, match="No council"):
        call_command("report", "--kind", "board", "--council", "nowhere", "-o", tmp_path / "x")
