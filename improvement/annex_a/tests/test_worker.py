"""The web upload only queues; the worker reads, under a memory cap; an import left
running by a worker that died is failed with its reason and can be run again."""

import datetime
import io
import subprocess
import sys

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from improvement.annex_a.models import AnnexAImport
from improvement.annex_a.services import ABANDONED, queue_import
from improvement.annex_a.tests.handbuilt import R, hand_built

DATE = {"reference_date_day": "28", "reference_date_month": "6", "reference_date_year": "2024"}
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def url(name, *args):
    return reverse(f"annex_a:{name}", args=("testshire", *args))


def _worker():
    call_command("run_worker", "--batch", "--memory-limit-mb=0", stdout=io.StringIO())


# The worker closes its database connections between tasks, as a real one must; on
# PostgreSQL that would end a test's wrapping transaction, so these tests commit.
@pytest.mark.django_db(transaction=True)
def test_the_web_upload_only_queues_and_the_worker_imports(
    client_for, board_manager, council, tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    upload = SimpleUploadedFile("annex-a.xlsx", hand_built(tmp_path / "a.xlsx").read_bytes())
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(board_manager).post(url("upload"), {"workbook": upload, **DATE})
    record = council.annex_a_imports.get()
    assert response["Location"] == url("import_status", record.pk)
    assert record.status == "queued" and record.rows_read == 0 and record.upload
    assert DBTaskResult.objects.count() == 1
    assert not council.measures.exists()
    _worker()
    record.refresh_from_db()
    assert record.status == "ready" and record.rows_read == 54
    assert not council.measures.exists()  # not until the officer confirms the preview
    assert record.upload == ""  # the child-level file is not kept once read


def _killed_mid_import(board_manager, council, tmp_path):
    """What a worker killed while reading leaves: a running record, a stale heartbeat."""
    upload = SimpleUploadedFile("annex-a.xlsx", hand_built(tmp_path / "a.xlsx").read_bytes())
    record = queue_import(board_manager, council, upload, R)  # not committed: never run
    stale = timezone.now() - datetime.timedelta(minutes=10)
    AnnexAImport.objects.filter(pk=record.pk).update(
        status="running", started_at=stale, heartbeat_at=stale, rows_read=30
    )
    return record


def test_an_import_a_dead_worker_left_is_failed_and_can_run_again(
    client_for, board_manager, council, tmp_path, django_capture_on_commit_callbacks
):
    record = _killed_mid_import(board_manager, council, tmp_path)
    client = client_for(board_manager)
    page = client.get(url("import_status", record.pk)).content.decode()
    record.refresh_from_db()
    assert record.status == "failed" and record.error == ABANDONED
    assert ABANDONED in page and "Run the import again" in page
    assert "ib-check-again" not in page
    # Nothing half-written: the import writes in one transaction, after the read.
    assert not council.measures.exists() and not hasattr(record, "child_rows")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("import_status", record.pk))
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.status == "ready" and record.rows_read == 54 and record.error == ""


def test_a_live_import_is_left_running(client_for, board_manager, council, tmp_path):
    record = _killed_mid_import(board_manager, council, tmp_path)
    AnnexAImport.objects.filter(pk=record.pk).update(heartbeat_at=timezone.now())
    client_for(board_manager).get(url("import_status", record.pk))
    record.refresh_from_db()
    assert record.status == "running"


# The worker closes its database connections between tasks, as a real one must; on
# PostgreSQL that would end a test's wrapping transaction, so these tests commit.
@pytest.mark.django_db(transaction=True)
def test_the_worker_fails_abandoned_imports_as_it_starts(
    board_manager, council, tmp_path, settings
):
    settings.TASKS = DATABASE_TASKS
    record = _killed_mid_import(board_manager, council, tmp_path)
    _worker()
    record.refresh_from_db()
    assert record.status == "failed" and record.error == ABANDONED and record.can_run_again


def test_a_councillor_cannot_run_an_import_again(client_for, councillor, board_manager,
                                                  council, tmp_path):  # fmt: skip
    record = _killed_mid_import(board_manager, council, tmp_path)
    assert client_for(councillor).post(url("import_status", record.pk)).status_code == 403


def test_the_memory_limit_fails_the_job_not_the_process():
    script = (
        "from improvement.core.tasks import limit_memory\n"
        "limit_memory(256)\n"
        "try:\n    bytearray(512 * 1024 * 1024)\nexcept MemoryError:\n    print('refused')\n"
    )
    # Our own fixed script, in a child, so the cap never reaches the test process.
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)  # noqa: S603
    assert done.stdout.strip() == "refused", done.stderr


@pytest.mark.parametrize("path", ["improvement/annex_a/views.py", "improvement/annex_a/urls.py"])
def test_the_web_path_starts_no_thread_and_keeps_the_collector_on(path):
    source = open(path).read()
    assert "threading" not in source and "gc." not in source
