"""Reads of Annex A imports, each through the council."""

from typing import Any

from improvement.annex_a.models import AnnexAImport
from improvement.core.models import Council


def imports_of(council: Council) -> Any:
    return council.annex_a_imports.select_related("uploaded_by")


def latest_import(council: Council) -> AnnexAImport | None:
    return imports_of(council).filter(status=AnnexAImport.Status.DONE).first()


def import_of(council: Council, pk: int) -> AnnexAImport | None:
    return imports_of(council).filter(pk=pk).first()


def retention_days(council: Council, default: int = 90) -> int:
    settings = getattr(council, "annex_a_settings", None)
    return settings.retention_days if settings is not None else default
