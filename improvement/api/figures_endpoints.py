"""Figures: the councils a token reaches, complaints (aggregates; cases only for those
who may see them) and the Annex A KPIs (never a child-level row)."""

from typing import Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Query, Router

from improvement.annex_a import queries as annex_a_queries
from improvement.api.params import ListParams, changed
from improvement.api.permissions import council_for, councils_for
from improvement.api.schemas import CaseOut, ComplaintFigures, CouncilOut, Kpis, Page
from improvement.complaints import ports as complaints
from improvement.complaints.years import financial_year_of
from improvement.core.paging import cursor_page

router = Router(tags=["Figures"])
councils_router = Router(tags=["Councils"])


@councils_router.get("/councils", response=list[CouncilOut])
def councils(request: HttpRequest) -> list[Any]:
    """The councils this token may read: its owner's, or the one it is limited to."""
    return councils_for(request)


@router.get("/councils/{slug}/complaints/figures", response=ComplaintFigures)
def complaint_figures(request: HttpRequest, slug: str, year: int | None = None) -> dict[str, Any]:
    """The annual report's figures for the financial year from 1 April `year` (this
    financial year if none is given): counts and percentages, no case details."""
    council = council_for(request, slug, "complaints.view_figures")
    year = financial_year_of(timezone.localdate()) if year is None else year
    if not 2000 <= year <= 2100:
        raise Http404("No such year")
    figures = complaints.figures_for_year(council, year)
    return {"council": council.slug, "year": figures["year"], "figures": figures}


@router.get("/councils/{slug}/complaints/cases", response=Page[CaseOut])
def complaint_cases(request: HttpRequest, slug: str, params: Query[ListParams]) -> dict[str, Any]:
    """Case by case, for the complaints manager and those given case access: 403 for
    anyone else, who reads the figures instead."""
    council = council_for(request, slug, "complaints.view_cases")
    rows = changed(complaints.case_register(council), params.updated_since, live=False)
    return cursor_page(rows, params.cursor, params.limit)


@router.get("/councils/{slug}/annex-a/kpis", response=Kpis)
def annex_a_kpis(request: HttpRequest, slug: str) -> dict[str, Any]:
    """The front-door KPIs of the latest Annex A import, as `kpis --format json`."""
    council = council_for(request, slug, "annex_a.view")
    document = annex_a_queries.latest_kpis(council)
    if document is None:
        raise Http404("No Annex A import has finished yet")
    return document
