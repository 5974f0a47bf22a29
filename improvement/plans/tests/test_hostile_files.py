"""Hostile plan workbooks, through the reader in a memory-capped child, import_plan and the
web upload: each is refused with its place and the name it was given; nothing is written."""

import datetime
import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from improvement.core.models import AuditEntry
from improvement.core.tests import hostile
from improvement.plans.import_uploads import UPLOAD_MAX_AGE, purge_abandoned
from improvement.plans.models import Action, Objective, Update

NAME = "plan.xlsx"
HEADER = ["Ref", "Action", "Owner", "Due date", "RAG"]


def rows(title="Audit contacts", due="31/03/2024"):
    return [HEADER, ["1 FRONT DOOR"], ["1.1", title, "Jo Bloggs", due, "G"]]


@pytest.fixture(scope="module")
def bomb():
    return hostile.zip_bomb(rows(), "Plan")


def cases(bomb):
    return {
        "far cell": (
            NAME,
            hostile.far_cell(rows(), "Plan"),
            "Sheet 'Plan', row 1048576: has more rows than this import reads",
        ),
        "zip bomb": (NAME, bomb, "plan.xlsx unpacks to 466 MB, more than the 100 MB"),
        "wrong type": (NAME, hostile.not_a_zip(), "plan.xlsx could not be read as an Excel"),
        "truncated": (NAME, hostile.truncated(rows()), "plan.xlsx could not be read"),
        "over-long text": (
            NAME,
            hostile.xlsx(rows(title="t" * 5001), "Plan"),
            "Sheet 'Plan', row 3, column B: The action has 5,001 characters, more than the 5,000",
        ),
        "huge numbers": (
            NAME,
            hostile.xlsx(rows(due=1e30), "Plan"),
            "Sheet 'Plan', row 3, column D (Due date): 1e+30 is a number past any date.",
        ),
        "not UTF-8": ("plan.csv", hostile.not_utf8_csv(rows()), "plan.csv is not UTF-8 text"),
    }


CASES = ["far cell", "zip bomb", "wrong type", "truncated", "over-long text", "huge numbers",
         "not UTF-8"]  # fmt: skip


def counts():
    return (Objective.objects.count(), Action.objects.count(), Update.objects.count())


@pytest.mark.parametrize("case", CASES)
def test_each_hostile_file_is_refused_in_a_child_with_little_memory(case, bomb, tmp_path):
    name, data, message = cases(bomb)[case]
    path = tmp_path / "upload.tmp"
    path.write_bytes(data)
    outcome = hostile.run_bounded(
        f"""
        from improvement.plans.import_checks import length_problems
        from improvement.plans.workbook import read_workbook
        plan = read_workbook({str(path)!r}, {name!r})
        result = " | ".join(str(problem) for problem in plan.errors + length_problems(plan))
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
    before = counts()
    out = io.StringIO()
    with pytest.raises(CommandError) as refused:
        call_command("import_plan", str(path), "--council", "testshire", stdout=out)
    assert refused.value.returncode == 1
    assert message in out.getvalue()
    assert counts() == before and not AuditEntry.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES)
def test_the_web_upload_refuses_each_hostile_file_and_writes_nothing(
    case, bomb, council, board_manager, client_for
):
    name, data, message = cases(bomb)[case]
    client = client_for(board_manager)
    before = counts()
    response = client.post(
        reverse("plans:import_upload", args=[council.slug]),
        {"workbook": SimpleUploadedFile(name, data)},
        follow=True,
    )
    assert response.status_code == 200
    # The preview shows the sheet, row and column in their own cells.
    shown = message.split(": ", 1)[-1] if message.startswith("Sheet") else message
    assert shown.replace("'", "&#x27;") in response.content.decode()
    preview = response.redirect_chain[-1][0]
    applied = client.post(preview)
    assert applied.status_code == 400
    assert counts() == before and not AuditEntry.objects.exists()


@pytest.mark.django_db
def test_control_characters_are_removed_from_imported_text(council, tmp_path):
    path = tmp_path / "plan.csv"
    lines = rows(title=hostile.CONTROL.replace("\x0b", " "))
    path.write_text("\n".join(",".join(row) for row in lines), encoding="utf-8")
    call_command("import_plan", str(path), "--council", "testshire", stdout=io.StringIO())
    assert Action.objects.get().title == "Audit contacts weekly"


@pytest.mark.django_db
def test_abandoned_uploads_are_deleted_after_a_day(council, board_manager, client_for):
    client_for(board_manager).post(
        reverse("plans:import_upload", args=[council.slug]),
        {"workbook": SimpleUploadedFile(NAME, hostile.xlsx(rows(), "Plan"))},
    )
    [slug] = default_storage.listdir("imports")[0]
    [token] = default_storage.listdir(f"imports/{slug}")[0]
    assert purge_abandoned() == 0
    [name] = default_storage.listdir(f"imports/{slug}/{token}")[1]
    saved = default_storage.get_modified_time(f"imports/{slug}/{token}/{name}")
    later = saved + UPLOAD_MAX_AGE + datetime.timedelta(minutes=1)
    assert purge_abandoned(later) == 1
    assert default_storage.listdir(f"imports/{slug}/{token}")[1] == []
    out = io.StringIO()
    call_command("purge_plan_uploads", stdout=out)
    assert "Deleted 0 abandoned plan upload(s)" in out.getvalue()
