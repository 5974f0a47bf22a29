"""A report's PDF and Word files are made by the worker and downloaded from storage
(improvement.documents.builds, tried through the reports that use it)."""

import datetime

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from improvement.core.actors import SystemActor
from improvement.core.tasks import worker_starting
from improvement.documents import builds
from improvement.documents.models import DocumentBuild
from improvement.documents.tests.helpers import content, fetch_built
from improvement.reports import services

# A builder of our own for the failures: the first try fails, the next ones work.
ATTEMPTS: list[int] = []


def _make(council, parameters, fmt):
    ATTEMPTS.append(1)
    if len(ATTEMPTS) == 1:
        raise ValueError("the figures for March are missing")
    return b"%PDF-1.7 made", "flaky"


builds.register(
    "flaky",
    builds.Builder(
        check=lambda actor, council, parameters: None,
        fingerprint=lambda council, parameters: "same",
        make=_make,
        title=lambda council, parameters: "a flaky report",
        back=lambda council, parameters: "/",
    ),
)


@pytest.fixture
def draft(council, board_manager):
    return services.create_report(
        board_manager, council, "self_assessment", as_at=datetime.date(2024, 2, 1)
    )


def ask(report, fmt="pdf"):
    return reverse("reports:report_download", args=["testshire", report.pk, fmt])


def page(build, name="build"):
    return reverse(f"documents:{name}", args=["testshire", build.pk])


def test_asking_queues_a_build_the_worker_makes(
    client_for, board_manager, draft, django_capture_on_commit_callbacks
):
    client = client_for(board_manager)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.get(ask(draft))
    build = DocumentBuild.objects.get()
    assert response.url == page(build)
    assert build.status == "queued" and build.requested_by == board_manager
    waiting = client.get(page(build)).content.decode()
    assert "Your PDF is being made" in waiting
    assert 'http-equiv="refresh"' not in waiting
    assert 'data-module="ib-check-again" data-seconds="3" data-check-state="queued"' in waiting
    for callback in callbacks:
        callback()
    build.refresh_from_db()
    assert build.status == "done" and build.file_name == f"report-{draft.pk}-draft.pdf"
    assert default_storage.open(build.file).read().startswith(b"%PDF")
    ready = client.get(page(build)).content.decode()
    assert "Your PDF is ready" in ready and "ib-check-again" not in ready
    assert page(build, "build_file") in ready
    download = client.get(page(build, "build_file"))
    assert download.status_code == 200 and content(download).startswith(b"%PDF")
    assert download["Content-Type"] == "application/pdf"


def test_word_is_saved_not_opened(
    client_for, board_manager, draft, django_capture_on_commit_callbacks
):
    response = fetch_built(
        client_for(board_manager), ask(draft, "docx"), django_capture_on_commit_callbacks
    )
    assert content(response).startswith(b"PK")
    assert response["Content-Disposition"].startswith("attachment")


def test_unchanged_data_reuses_the_stored_file_and_a_change_makes_a_new_one(
    client_for, board_manager, draft, django_capture_on_commit_callbacks
):
    client = client_for(board_manager)
    first = fetch_built(client, ask(draft), django_capture_on_commit_callbacks)
    assert DocumentBuild.objects.count() == 1
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again = client.get(ask(draft))
    build = DocumentBuild.objects.get()
    assert again.url == page(build, "build_file")
    assert callbacks == [] and DocumentBuild.objects.count() == 1
    assert content(client.get(again.url)) == content(first)

    services.update_draft(board_manager, draft, {"title": "Self-assessment, reworded"})
    fetch_built(client, ask(draft), django_capture_on_commit_callbacks)
    assert DocumentBuild.objects.count() == 2
    assert DocumentBuild.objects.filter(status="done").count() == 2


def test_a_failing_build_says_why_and_can_be_tried_again(
    client_for, board_manager, council, django_capture_on_commit_callbacks
):
    ATTEMPTS.clear()
    with django_capture_on_commit_callbacks(execute=True):
        build = builds.request_build(board_manager, council, "flaky", {}, "pdf")
    build.refresh_from_db()
    assert build.status == "failed"
    assert build.error == "The file could not be made: the figures for March are missing."
    client = client_for(board_manager)
    shown = client.get(page(build)).content.decode()
    assert "The PDF could not be made" in shown and "the figures for March are missing" in shown
    assert "Try again" in shown and "ib-check-again" not in shown
    assert client.get(page(build, "build_file")).url == page(build)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(page(build, "build_again")).url == page(build)
    build.refresh_from_db()
    assert build.status == "done" and build.error == ""
    assert content(client.get(page(build, "build_file"))) == b"%PDF-1.7 made"
    # A finished build is not made again.
    assert (
        "could not be made" in client.post(page(build, "build_again"), follow=True).content.decode()
    )


def test_a_stranger_finds_nothing_and_a_member_without_the_right_is_refused(
    cast, client_for, draft, django_capture_on_commit_callbacks
):
    fetch_built(client_for(cast["board_manager"]), ask(draft), django_capture_on_commit_callbacks)
    build = DocumentBuild.objects.get()
    # One test client, signed in as each person in turn.
    stranger = client_for(cast["other_officer"])
    for name in ("build", "build_file"):
        assert stranger.get(page(build, name)).status_code == 404
    assert stranger.post(page(build, "build_again")).status_code == 404
    # Under the stranger's own council's address, the build is not there either.
    elsewhere = reverse("documents:build_file", args=["otherton", build.pk])
    assert stranger.get(elsewhere).status_code == 404
    councillor = client_for(cast["councillor"])
    for name in ("build", "build_file"):
        assert councillor.get(page(build, name)).status_code == 403
    assert councillor.post(page(build, "build_again")).status_code == 403
    chair = client_for(cast["chair"])
    assert chair.get(page(build, "build_file")).status_code == 200


def test_a_build_a_dead_worker_left_running_is_failed_as_the_worker_starts(
    client_for, board_manager, council, django_capture_on_commit_callbacks
):
    ATTEMPTS[:] = [1]
    long_ago = timezone.now() - datetime.timedelta(seconds=settings.WORKER_STALE_SECONDS + 1)
    made = dict(council=council, kind="flaky", fmt="pdf", fingerprint="x", status="running")
    dead = DocumentBuild.objects.create(**made, started_at=long_ago)
    alive = DocumentBuild.objects.create(**made, started_at=timezone.now())
    worker_starting.send(sender=None, actor=SystemActor("run_worker"))
    dead.refresh_from_db()
    alive.refresh_from_db()
    assert dead.status == "failed" and dead.error == builds.ABANDONED
    assert alive.status == "running"
    client = client_for(board_manager)
    assert "The worker stopped while making the file" in client.get(page(dead)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(page(dead, "build_again"))
    dead.refresh_from_db()
    assert dead.status == "done"


def test_the_build_page_fails_a_build_whose_worker_died(client_for, board_manager, council):
    long_ago = timezone.now() - datetime.timedelta(seconds=settings.WORKER_STALE_SECONDS + 1)
    build = DocumentBuild.objects.create(
        council=council, kind="flaky", fmt="pdf", fingerprint="y", status="running",
        started_at=long_ago,
    )  # fmt: skip
    shown = client_for(board_manager).get(page(build)).content.decode()
    assert "Try again" in shown
    build.refresh_from_db()
    assert build.status == "failed"
