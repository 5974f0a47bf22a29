"""The KPI page, the upload with its progress, the preview and undo of an import, and
the drill-down to child-level rows.

The upload only stores the file and queues it: the worker reads it, and the status
page checks again by itself (templates/includes/check_again.html, with JavaScript; a
link without) and shows the rows read so far. The measures change only once the
officer confirms the preview, and an import can be undone (docs/adr/032)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from improvement.annex_a import measures, presenters, queries
from improvement.annex_a.forms import UploadForm
from improvement.annex_a.kpi_definitions import BY_KEY, drill_down
from improvement.annex_a.models import AnnexAImport
from improvement.annex_a.services import (
    confirm_import,
    fail_if_abandoned,
    note_rows_viewed,
    queue_import,
    run_again,
    undo_import,
)
from improvement.annex_a.storage import unpack
from improvement.core import access
from improvement.core.forms import VersionedForm, bound, run_service

SHOWN_ROWS = 500
# Seconds between the status page's looks at the import while it runs.
REFRESH_SECONDS = 2


@login_required
def kpi_page(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, "annex_a.view")
    record = queries.latest_import(council)
    context = {
        "council": council,
        "record": record,
        "kpis": presenters.kpi_rows(record.kpis, record.reference_date) if record else [],
        "imports": queries.imports_of(council)[:10],
    }
    return render(request, "annex_a/kpis.html", context)


@login_required
def upload(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, "annex_a.import")
    form = bound(request, UploadForm)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        record = queue_import(request.user, council, data["workbook"], data["reference_date"])
        return redirect("annex_a:import_status", council.slug, record.pk)
    return render(request, "annex_a/upload.html", {"council": council, "form": form})


def _import(request: HttpRequest, slug: str, pk: int) -> tuple[Any, AnnexAImport]:
    council = access.council_for(request, slug, "annex_a.import")
    record = queries.import_of(council, pk)
    if record is None:
        raise Http404("No such import")
    return council, record


@login_required
def import_status(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council, record = _import(request, slug, pk)
    if request.method == "POST" and record.can_run_again:
        run_again(request.user, record)
        return redirect("annex_a:import_status", council.slug, record.pk)
    record = fail_if_abandoned(request.user, record)
    context = {
        "council": council,
        "record": record,
        "working": record.status in {record.Status.QUEUED, record.Status.RUNNING},
        "refresh": REFRESH_SECONDS,
        # Changes as the worker reads, so the waiting page shows the rows read so far.
        "check_state": f"{record.status} {record.rows_read}",
        "quality": presenters.quality_rows(record.report),
        "undoable": queries.undoable(council) == record,
        "changes": record.measure_changes.count(),
    }
    return render(request, "annex_a/import_status.html", context)


@login_required
def import_preview(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Check your answers: each measure's values before and after, then confirm."""
    council, record = _import(request, slug, pk)
    if record.status != AnnexAImport.Status.READY:
        return redirect("annex_a:import_status", council.slug, record.pk)
    form = bound(request, VersionedForm, initial={"version": record.version})
    if request.method == "POST" and form.is_valid():
        version = form.cleaned_data["version"]
        if run_service(form, lambda: confirm_import(request.user, record, version)):
            messages.success(request, "The board's measures have been updated")
            return redirect("annex_a:import_status", council.slug, record.pk)
    context = {
        "council": council,
        "record": record,
        "form": form,
        "measures": presenters.preview(measures.planned(record)),
    }
    return render(request, "annex_a/import_preview.html", context)


@login_required
def import_undo(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Ask before putting the measures back as they were before the import."""
    council, record = _import(request, slug, pk)
    form = bound(request, VersionedForm, initial={"version": record.version})
    if request.method == "POST" and form.is_valid():
        version = form.cleaned_data["version"]
        if run_service(form, lambda: undo_import(request.user, record, version)):
            messages.success(request, "The import has been undone: the measures are as they were")
            return redirect("annex_a:import_status", council.slug, record.pk)
    context = {"council": council, "record": record, "form": form,
               "changes": record.measure_changes.count()}  # fmt: skip
    return render(request, "annex_a/import_undo.html", context)


@login_required
def kpi_rows(request: HttpRequest, slug: str, pk: int, key: str) -> HttpResponse:
    council = access.council_for(request, slug, "annex_a.see_rows")
    record = queries.import_of(council, pk)
    if record is None or key not in BY_KEY:
        raise Http404("No such import or KPI")
    rows = None
    if record.has_child_rows:
        rows = drill_down(key, unpack(record.child_rows.data), record.reference_date)
        note_rows_viewed(request.user, record, key)
    context = {
        "council": council,
        "record": record,
        "kpi": BY_KEY[key],
        "figures": record.kpis[key],
        "headings": presenters.column_headings(key),
        "rows": rows[:SHOWN_ROWS] if rows is not None else None,
        "total": len(rows) if rows is not None else 0,
        "limit": SHOWN_ROWS,
    }
    return render(request, "annex_a/kpi_rows.html", context)
