"""Building a report's PDF or Word file in the worker, and keeping it in storage.

Each app registers a `Builder` for each kind of file in its AppConfig.ready(); this
module knows no app. A view asks `request_build`, which reuses a build showing the
same data or queues a new one for `run_build` (after commit); the person waits on the
build's page and downloads the stored file. A build a dead worker left "running" is
failed as the next worker starts, and can be tried again.
"""

import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from django_tasks import task

from improvement.core.actors import person_or_none, require_actor
from improvement.core.tasks import enqueue_after_commit, stale_before, worker_starting
from improvement.documents.models import DocumentBuild

ABANDONED = "The worker stopped while making the file: try again."


@dataclass(frozen=True)
class Builder:
    """How an app makes one kind of file.

    `check(actor, council, parameters)` raises Http404 or PermissionDenied for someone
    who may not read the report (the same rule as its page); `fingerprint(council,
    parameters)` names the data the file would show; `make(council, parameters, fmt)`
    returns the file's bytes and its name without the extension; `title` and `back`
    say, on the build's page, what is being made and where the report is."""

    check: Callable[[Any, Any, dict], None]
    fingerprint: Callable[[Any, dict], str]
    make: Callable[[Any, dict, str], tuple[bytes, str]]
    title: Callable[[Any, dict], str]
    back: Callable[[Any, dict], str]


_BUILDERS: dict[str, Builder] = {}


def register(kind: str, builder: Builder) -> None:
    _BUILDERS[kind] = builder


def builder_for(kind: str) -> Builder:
    if kind not in _BUILDERS:
        raise LookupError(f"No document builder is registered as {kind!r}")
    return _BUILDERS[kind]


def _fingerprint(kind: str, parameters: dict, fmt: str, data: str) -> str:
    text = json.dumps([kind, parameters, fmt, data], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def current_fingerprint(council: Any, kind: str, parameters: dict, fmt: str) -> str:
    """The fingerprint a build of these parameters would have now: whether a finished
    build still shows the data as it stands."""
    data = builder_for(kind).fingerprint(council, parameters)
    return _fingerprint(kind, parameters, fmt, data)


def build_of(council: Any, pk: int) -> DocumentBuild | None:
    """The council's build with this number, or None: never another council's."""
    return DocumentBuild.objects.filter(council=council, pk=pk).first()


def check(actor: Any, build: DocumentBuild) -> DocumentBuild:
    """The build, if the actor may read the report it is a file of (else 404 or 403)."""
    require_actor(actor)
    builder_for(build.kind).check(actor, build.council, build.parameters)
    return build


@transaction.atomic
def request_build(
    actor: Any, council: Any, kind: str, parameters: dict, fmt: str, again: bool = True
) -> DocumentBuild:
    """A file of the report as its data stands: a finished (or waiting) build showing
    the same data if there is one, otherwise a new build queued for the worker. With
    `again` False, a build of the same data that failed is returned, not made again:
    a page that refreshes itself must not queue a failing build every few seconds."""
    require_actor(actor)
    builder_for(kind).check(actor, council, parameters)
    if fmt not in DocumentBuild.Format.values:
        raise ValidationError(f"No such format: {fmt}")
    fingerprint = current_fingerprint(council, kind, parameters, fmt)
    found = DocumentBuild.objects.filter(
        council=council, kind=kind, fmt=fmt, fingerprint=fingerprint
    ).order_by("-id")
    if again:
        found = found.exclude(status=DocumentBuild.Status.FAILED)
    if (build := found.first()) is not None:
        return build
    build = DocumentBuild.objects.create(
        council=council,
        kind=kind,
        parameters=parameters,
        fmt=fmt,
        fingerprint=fingerprint,
        requested_by=person_or_none(actor),
    )
    enqueue_after_commit(run_build, build.pk)
    return build


def latest_done(council: Any, kind: str, parameters: dict, fmt: str) -> DocumentBuild | None:
    """The newest finished build of these parameters, whatever data it showed: what a
    page shows while a build of the data as it now stands is being made."""
    return (
        DocumentBuild.objects.filter(
            council=council,
            kind=kind,
            fmt=fmt,
            parameters=parameters,
            status=DocumentBuild.Status.DONE,
        )
        .order_by("-id")
        .first()
    )


def stored_text(build: DocumentBuild) -> str:
    """A finished build's stored file as text (an HTML page's body)."""
    with default_storage.open(build.file, "rb") as file:
        return file.read().decode()


@task()
def run_build(pk: int) -> str:
    """The worker's job: make the file and store it, or record why it could not be made."""
    now = timezone.now()
    builds = DocumentBuild.objects.filter(pk=pk)
    if not builds.filter(status=DocumentBuild.Status.QUEUED).update(
        status=DocumentBuild.Status.RUNNING, started_at=now, error=""
    ):
        return builds.values_list("status", flat=True).first() or "missing"
    build = DocumentBuild.objects.select_related("council").get(pk=pk)
    try:
        content, name = builder_for(build.kind).make(build.council, build.parameters, build.fmt)
        stored = default_storage.save(
            f"documents/builds/{uuid.uuid4().hex}.{build.fmt}", ContentFile(content)
        )
    except Exception as error:  # noqa: BLE001 - the person waiting must be told, not left waiting
        builds.update(
            status=DocumentBuild.Status.FAILED, error=_failure(error), finished_at=timezone.now()
        )
        return DocumentBuild.Status.FAILED
    builds.update(
        status=DocumentBuild.Status.DONE,
        file=stored,
        file_name=f"{name}.{build.fmt}",
        finished_at=timezone.now(),
    )
    return DocumentBuild.Status.DONE


def _failure(error: BaseException) -> str:
    if isinstance(error, MemoryError):
        return "The file needed more memory than the worker may use. Try again or ask for help."
    return f"The file could not be made: {error or type(error).__name__}."


def _abandon(builds: Any) -> int:
    return builds.filter(status=DocumentBuild.Status.RUNNING, started_at__lt=stale_before()).update(
        status=DocumentBuild.Status.FAILED, error=ABANDONED, finished_at=timezone.now()
    )


def fail_abandoned(actor: Any) -> int:
    """Mark every build a dead worker left running as failed (the worker does this as it
    starts); each can then be tried again from its page."""
    require_actor(actor)
    return _abandon(DocumentBuild.objects.all())


def fail_if_abandoned(actor: Any, build: DocumentBuild) -> DocumentBuild:
    """The build page's check: a build whose worker died is failed, not "being made"."""
    check(actor, build)
    if _abandon(DocumentBuild.objects.filter(pk=build.pk)):
        build.refresh_from_db()
    return build


@transaction.atomic
def try_again(actor: Any, build: DocumentBuild) -> DocumentBuild:
    """Queue a failed build again."""
    check(actor, build)
    if not build.is_failed:
        raise ValidationError("Only a file that could not be made can be tried again.")
    DocumentBuild.objects.filter(pk=build.pk).update(
        status=DocumentBuild.Status.QUEUED, error="", started_at=None, finished_at=None
    )
    build.refresh_from_db()
    enqueue_after_commit(run_build, build.pk)
    return build


@receiver(worker_starting, dispatch_uid="documents.fail_abandoned")
def _on_worker_start(sender: Any, actor: Any, **kwargs: Any) -> None:
    fail_abandoned(actor)
