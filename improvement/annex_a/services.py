"""Importing Annex A data, feeding its KPIs to the evidence, and purging child-level rows.

Reading and computing happen before any write; the writes (the import, its rows,
the measures) then happen in one transaction, so an import is whole or absent.
"""

import datetime
import gc
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from improvement.annex_a import measures, queries
from improvement.annex_a.dates import check_reference
from improvement.annex_a.kpi_definitions import compute_all, icpc_before_s47_start
from improvement.annex_a.models import AnnexAImport, AnnexARows
from improvement.annex_a.parse import Table, build_table, empty_quality, rejected_words
from improvement.annex_a.reader import AnnexAError, Progress, read_lists
from improvement.annex_a.schema import LISTS
from improvement.annex_a.storage import pack
from improvement.core import access, audit
from improvement.core.actors import SystemActor, person_or_none, require_actor
from improvement.core.models import Council
from improvement.core.tasks import enqueue_after_commit, stale_before
from improvement.core.tracking import create_tracked, save_tracked

__all__ = [
    "AnnexAError",
    "analyse",
    "confirm_import",
    "import_annex_a",
    "purge_expired",
    "undo_import",
]


@dataclass
class Analysis:
    tables: dict[int, Table]
    report: dict[str, Any]
    kpis: dict[str, dict]
    rows_read: int


def _report(tables: dict[int, Table]) -> dict[str, Any]:
    quality: dict[str, Any] = {}
    rejected_rows = {}
    for number, spec in LISTS.items():
        table = tables.get(number)
        entry = dict(table.quality) if table is not None else empty_quality()
        rejected_rows[spec.key] = entry.pop("rejected_rows", [])
        quality[spec.key] = entry
    quality["icpc_before_s47_start"] = icpc_before_s47_start(tables)
    warnings = []
    referrals = tables.get(3)
    if referrals is not None and len(referrals) and (referrals["previous_12m"] >= 1).all():
        warnings.append(
            "Every referral has 1 or more in 'Number of Referrals in Last 12 Months': the "
            "case system probably counts the current referral, which overstates re-referrals."
        )
    warnings += _missing_lists(tables)
    return {"data_quality": quality, "rejected_rows": rejected_rows, "warnings": warnings}


def _missing_lists(tables: dict[int, Table]) -> list[str]:
    """A warning for each list the file lacks (or whose every row was rejected): the
    KPIs that come from it keep their measures' earlier values."""
    warnings = []
    for number, spec in LISTS.items():
        table = tables.get(number)
        if table is None or not len(table):
            state = "is not in the file" if table is None else "has no usable rows"
            warnings.append(
                f"List {number} ({spec.name}) {state}: the KPIs that come from it keep "
                "their measures' values as they are."
            )
    return warnings


def _refuse_unusable(tables: dict[int, Table], file_name: str) -> None:
    if any(len(table) for table in tables.values()):
        return
    rejected: dict[str, int] = {}
    for table in tables.values():
        for reason, count in table.quality["rejected"].items():
            rejected[reason] = rejected.get(reason, 0) + count
    reasons = ", ".join(rejected_words(rejected))
    raise AnnexAError(
        f"No row of {file_name} could be used ({reasons or 'every list is empty'}), so "
        "nothing was imported. Check the reference date and the Child Unique ID and date "
        "columns, then import it again."
    )


@contextmanager
def _bulk_load() -> Iterator[None]:
    """Pause the cyclic garbage collector while the millions of cell objects are made.

    None of them forms a cycle, and collections triggered by their sheer number cost
    about a fifth of the read. Only the worker and the import command read workbooks:
    the web process never does, so never turns the collector off (docs/adr/012)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def analyse(
    path: str | Path,
    reference: datetime.date,
    on_progress: Progress = None,
    file_name: str = "",
) -> Analysis:
    """Read, check and compute, writing nothing. Raises AnnexAError for an unusable file,
    or one with no row that can be used."""
    with _bulk_load():
        raw = read_lists(path, on_progress, file_name)
        tables = {number: build_table(lst, reference) for number, lst in raw.items()}
        del raw
    date_warnings = check_reference(tables, reference)
    _refuse_unusable(tables, file_name or Path(path).name)
    rows_read = sum(table.quality["rows"] for table in tables.values())
    report = _report(tables)
    report["warnings"] += date_warnings
    return Analysis(tables, report, compute_all(tables, reference), rows_read)


def _keep_rows(record: AnnexAImport, tables: dict[int, Table]) -> None:
    days = queries.retention_days(record.council)
    if days <= 0:
        return
    AnnexARows.objects.create(annex_import=record, data=pack(tables))
    record.retained_until = timezone.localdate() + datetime.timedelta(days=days)
    AnnexAImport.objects.filter(pk=record.pk).update(retained_until=record.retained_until)


def _fill(record: AnnexAImport, analysis: Analysis, apply: bool) -> None:
    record.status = AnnexAImport.Status.DONE if apply else AnnexAImport.Status.READY
    record.applied_at = timezone.now() if apply else None
    record.rows_read = analysis.rows_read
    record.report = analysis.report
    record.kpis = analysis.kpis
    record.error = ""


@transaction.atomic
def _save(actor: Any, record: AnnexAImport, analysis: Analysis, apply: bool) -> AnnexAImport:
    """Keep what was read; with `apply`, put its KPIs into the board's measures at once
    (the command, run by someone who has chosen), else leave that to `confirm_import`
    after the officer has seen the preview."""
    verb = "imported Annex A" if apply else "read Annex A"
    if apply:
        _lock_council(record.council_id)
    if record.pk is None:
        _fill(record, analysis, apply)
        create_tracked(record, actor, verb=verb)
    else:
        save_tracked(record, actor, verb=verb, apply=lambda: _fill(record, analysis, apply))
    _keep_rows(record, analysis.tables)
    if apply:
        measures.feed(actor, record)
    return record


def import_annex_a(
    actor: Any,
    council: Council,
    path: str | Path,
    reference_date: datetime.date,
    *,
    file_name: str = "",
    on_progress: Progress = None,
) -> AnnexAImport:
    """Import a workbook (or CSVs) for a reference date: its report, KPIs, rows and
    measures, at once (the command's way: the web upload previews first). It can be
    undone like any other."""
    access.require(actor, "annex_a.import", council)
    file_name = file_name or Path(path).name
    analysis = analyse(path, reference_date, on_progress, file_name)
    record = AnnexAImport(
        council=council,
        reference_date=reference_date,
        file_name=file_name,
        uploaded_by=person_or_none(actor),
    )
    return _save(actor, record, analysis, apply=True)


ABANDONED = "The worker stopped while importing: run it again."


def queue_import(
    actor: Any, council: Council, upload: Any, reference_date: datetime.date
) -> AnnexAImport:
    """Store an uploaded workbook and queue it for the worker: the web upload's only
    step, so a large or hostile file is never read in the web process."""
    access.require(actor, "annex_a.import", council)
    file_name = Path(upload.name).name
    record = AnnexAImport(
        council=council,
        reference_date=reference_date,
        file_name=file_name,
        uploaded_by=person_or_none(actor),
    )
    # A stored name of our own: the person's file name is shown, never used as a path.
    name = f"annex_a/uploads/{uuid.uuid4().hex}{Path(file_name).suffix.lower()}"
    record.upload = default_storage.save(name, upload)
    create_tracked(record, actor, verb="uploaded Annex A")
    enqueue_after_commit(run_import, record.pk)
    return record


@task()
def run_import(pk: int) -> str:
    """The worker's job: read a queued upload as the person who uploaded it."""
    record = AnnexAImport.objects.select_related("council", "uploaded_by").get(pk=pk)
    actor = record.uploaded_by or SystemActor("run_worker")
    try:
        return run_queued(actor, record).status
    except PermissionDenied:
        _discard_upload(record)
        AnnexAImport.objects.filter(pk=pk).update(
            status=AnnexAImport.Status.FAILED,
            error="The person who uploaded this file may no longer import Annex A data.",
        )
        return AnnexAImport.Status.FAILED


def _claim(record: AnnexAImport) -> bool:
    """Mark the import running, unless another worker has it or it is not queued."""
    now = timezone.now()
    claimed = AnnexAImport.objects.filter(pk=record.pk, status=AnnexAImport.Status.QUEUED)
    return bool(
        claimed.update(
            status=AnnexAImport.Status.RUNNING, started_at=now, heartbeat_at=now, rows_read=0
        )
    )


def _failure(error: BaseException) -> str:
    if isinstance(error, AnnexAError):
        return str(error)
    if isinstance(error, MemoryError):
        return (
            "The file needed more memory than an import may use, so nothing was imported. "
            "Check that it is an Annex A return, not a larger export."
        )
    return f"The import stopped: {error}. Nothing was saved; try again or ask for help."


def run_queued(actor: Any, record: AnnexAImport) -> AnnexAImport:
    """Read a queued upload, with a heartbeat as it goes; a bad file marks it failed.
    The measures are left alone: the officer sees the preview and confirms first.

    The writes happen in one transaction after the read, so a worker that dies
    mid-import leaves nothing half-written, only a record still "running"."""
    require_actor(actor)
    access.require(actor, "annex_a.import", record.council)
    if not _claim(record):
        record.refresh_from_db()
        return record
    imports = AnnexAImport.objects.filter(pk=record.pk)

    def progress(rows: int) -> None:
        imports.update(rows_read=rows, heartbeat_at=timezone.now())

    try:
        path = default_storage.path(record.upload)
        analysis = analyse(path, record.reference_date, progress, record.file_name)
        record.refresh_from_db()
        _save(actor, record, analysis, apply=False)
    except Exception as error:  # noqa: BLE001 - the person waiting must be told, not left "running"
        imports.update(status=AnnexAImport.Status.FAILED, error=_failure(error))
    _discard_upload(record)
    record.refresh_from_db()
    return record


def _discard_upload(record: AnnexAImport) -> None:
    """Read, or refused for good: the child-level data in the file is not kept."""
    if record.upload:
        default_storage.delete(record.upload)
    AnnexAImport.objects.filter(pk=record.pk).update(upload="")


def _abandon(actor: Any, imports: Any) -> int:
    count = 0
    for record in imports.filter(
        status=AnnexAImport.Status.RUNNING, heartbeat_at__lt=stale_before()
    ):
        before = {"status": record.status}
        AnnexAImport.objects.filter(pk=record.pk).update(
            status=AnnexAImport.Status.FAILED, error=ABANDONED
        )
        audit.record(actor, "marked an abandoned Annex A import failed", record, before,
                     {"status": AnnexAImport.Status.FAILED})  # fmt: skip
        count += 1
    return count


@transaction.atomic
def fail_abandoned(actor: Any) -> int:
    """Mark every import that a dead worker left running as failed (the worker does this
    as it starts); each can then be run again from its page."""
    require_actor(actor)
    return _abandon(actor, AnnexAImport.objects.all())


@transaction.atomic
def fail_if_abandoned(actor: Any, record: AnnexAImport) -> AnnexAImport:
    """The import page's check: an import whose worker died is failed, not "running"."""
    require_actor(actor)
    access.require(actor, "annex_a.import", record.council)
    if _abandon(actor, AnnexAImport.objects.filter(pk=record.pk)):
        record.refresh_from_db()
    return record


@transaction.atomic
def run_again(actor: Any, record: AnnexAImport) -> AnnexAImport:
    """Queue a failed import again, from the file it kept."""
    require_actor(actor)
    access.require(actor, "annex_a.import", record.council)
    if not record.can_run_again:
        raise ValidationError("This import cannot be run again: upload the workbook again.")
    before = {"status": record.status, "error": record.error}
    AnnexAImport.objects.filter(pk=record.pk).update(
        status=AnnexAImport.Status.QUEUED, error="", rows_read=0, heartbeat_at=None
    )
    record.refresh_from_db()
    audit.record(actor, "ran an Annex A import again", record, before, {"status": record.status})
    enqueue_after_commit(run_import, record.pk)
    return record


@transaction.atomic
def purge_expired(
    actor: Any, today: datetime.date | None = None, council: Council | None = None
) -> int:
    """Delete the child-level rows of every import (of one council, if given) kept
    longer than its council's retention setting now allows: a shorter period set since
    the import takes effect at the next purge, a longer one keeps the rows longer."""
    require_actor(actor)
    today = today or timezone.localdate()
    kept = AnnexARows.objects.select_related("annex_import__council").defer("data")
    if council is not None:
        kept = kept.filter(annex_import__council=council)
    count, days_for = 0, {}
    for rows in kept:
        record = rows.annex_import
        if record.council_id not in days_for:
            days_for[record.council_id] = queries.retention_days(record.council)
        days = days_for[record.council_id]
        until = timezone.localdate(record.created_at) + datetime.timedelta(days=days)
        if until >= today:
            if record.retained_until != until:
                AnnexAImport.objects.filter(pk=record.pk).update(retained_until=until)
            continue
        rows.delete()
        before = {"child_rows": "kept"}
        AnnexAImport.objects.filter(pk=record.pk).update(rows_purged_at=timezone.now())
        audit.record(actor, "purged child-level rows", record, before, {"child_rows": "deleted"})
        count += 1
    return count


def note_rows_viewed(actor: Any, record: AnnexAImport, key: str) -> None:
    """Child-level rows are personal data: every look at them is on the audit log."""
    require_actor(actor)
    access.require(actor, "annex_a.see_rows", record.council)
    audit.record(actor, "viewed child-level rows", record, None, {"kpi": key})


def _require_importer(actor: Any, record: AnnexAImport) -> None:
    require_actor(actor)
    access.require(actor, "annex_a.import", record.council)


def _lock_council(council_id: int) -> None:
    """Serialise confirming and undoing imports within one council: each takes the
    council's row lock (SELECT ... FOR UPDATE on PostgreSQL) before it reads which
    imports are in the measures, so two officers confirming (or one confirming while
    another undoes) run one after the other and the second sees what the first did.
    SQLite ignores FOR UPDATE, and needs nothing more: its writers queue for the one
    database lock when their transaction starts (settings: IMMEDIATE)."""
    list(Council.objects.select_for_update().filter(pk=council_id).values_list("pk", flat=True))


def _refuse_confirm(record: AnnexAImport) -> None:
    if record.status != AnnexAImport.Status.READY:
        raise ValidationError(
            f"Import {record.pk} is {record.get_status_display().lower()}: only an import "
            "waiting for confirmation can be confirmed."
        )
    later = queries.confirmed_after(record)
    if later is not None:
        raise ValidationError(
            f"Import {later.pk} ({later.file_name}) was uploaded after this one and is "
            "already in the board's measures: confirming this older one would put its "
            f"figures over the newer ones. Undo import {later.pk} first if this one "
            "should be in the measures."
        )


@transaction.atomic
def confirm_import(actor: Any, record: AnnexAImport, expected_version: int | None) -> AnnexAImport:
    """Put a read import's KPIs into the board's measures, once the officer has seen
    the preview of each measure's values before and after. Refused once an import
    uploaded after it is in the measures (docs/adr/045)."""
    _require_importer(actor, record)
    _lock_council(record.council_id)
    record = AnnexAImport.objects.select_related("council").get(pk=record.pk)
    _refuse_confirm(record)

    def apply() -> None:
        record.status = AnnexAImport.Status.DONE
        record.applied_at = timezone.now()

    save_tracked(
        record, actor, expected_version=expected_version, verb="confirmed Annex A", apply=apply
    )
    measures.feed(actor, record)
    return record


def _refuse_undo(record: AnnexAImport) -> None:
    if record.status != AnnexAImport.Status.DONE:
        raise ValidationError(
            f"Import {record.pk} is {record.get_status_display().lower()}: only an import "
            "in the board's measures can be undone."
        )
    later = queries.applied_after(record)
    if later is not None:
        raise ValidationError(
            f"Import {later.pk} ({later.file_name}) went into the measures after this one "
            "and changed the same measures: undo it first, then this one."
        )
    changed = measures.changed_since_import(record)
    if changed:
        raise ValidationError(
            f"{changed[0]} has been changed since the import, by hand or by another "
            "import: correct it there, as undoing would overwrite that change."
        )


@transaction.atomic
def undo_import(actor: Any, record: AnnexAImport, expected_version: int | None) -> AnnexAImport:
    """Put the board's measures back exactly as they were before the import: values
    it added removed, values it changed restored, measures it made archived. Only the
    latest import in the measures can be undone (docs/adr/032)."""
    _require_importer(actor, record)
    _lock_council(record.council_id)
    record = AnnexAImport.objects.select_for_update().select_related("council").get(pk=record.pk)
    _refuse_undo(record)
    measures.restore(actor, record)

    def apply() -> None:
        record.status = AnnexAImport.Status.UNDONE
        record.undone_at = timezone.now()

    return save_tracked(
        record, actor, expected_version=expected_version, verb="undid Annex A", apply=apply
    )
