"""Reads of Annex A imports, each through the council."""

from typing import Any

from django.db.models import Q

from improvement.annex_a.models import AnnexAImport
from improvement.annex_a.output import kpi_document
from improvement.core.models import Council
from improvement.core.retention import retention_for


def imports_of(council: Council) -> Any:
    return council.annex_a_imports.select_related("uploaded_by")


def latest_import(council: Council) -> AnnexAImport | None:
    """The latest import in the board's measures: whose KPIs are the council's figures."""
    return imports_of(council).filter(status=AnnexAImport.Status.DONE).first()


def latest_upload(council: Council) -> AnnexAImport | None:
    """The latest import whatever its state (waiting, reading, read and awaiting the
    officer, imported, failed or undone): what the performance officer last did."""
    return imports_of(council).first()


def import_of(council: Council, pk: int) -> AnnexAImport | None:
    return imports_of(council).filter(pk=pk).first()


def retention_days(council: Council) -> int:
    """Days to keep child-level rows: the council administrator's retention setting."""
    return retention_for(council).annex_a_days


def latest_kpis(council: Council) -> dict[str, Any] | None:
    """The KPIs of the latest finished import, as `kpis --format json` prints them:
    figures only, never a child-level row. None before the first import."""
    found = latest_import(council)
    return None if found is None else kpi_document(found)


def applied_after(record: AnnexAImport) -> AnnexAImport | None:
    """An import put into the measures after this one, which an undo must wait for."""
    later = Q(applied_at__gt=record.applied_at) | Q(applied_at=record.applied_at, pk__gt=record.pk)
    return (
        record.council.annex_a_imports.filter(later, status=AnnexAImport.Status.DONE)
        .order_by("-applied_at", "-id")
        .first()
    )


def confirmed_after(record: AnnexAImport) -> AnnexAImport | None:
    """An import uploaded after this one that is already in the measures: confirming
    this one then would put older figures over newer (docs/adr/045)."""
    later = Q(created_at__gt=record.created_at) | Q(created_at=record.created_at, pk__gt=record.pk)
    return (
        record.council.annex_a_imports.filter(later, status=AnnexAImport.Status.DONE)
        .order_by("-created_at", "-id")
        .first()
    )


def undoable(council: Council) -> AnnexAImport | None:
    """The import an officer may undo: the latest one put into the measures."""
    return (
        council.annex_a_imports.filter(status=AnnexAImport.Status.DONE)
        .order_by("-applied_at", "-id")
        .first()
    )
