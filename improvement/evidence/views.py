"""Measures: the evidence overview, a measure's page, and changing measures and values."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from improvement.core import access
from improvement.core.forms import bound, form_page
from improvement.evidence import charts, queries, services
from improvement.evidence.forms import (
    ArchiveForm,
    BenchmarkForm,
    ImportForm,
    MeasureEditForm,
    MeasureForm,
    ValueForm,
)
from improvement.evidence.presenters import value_rows

FORM = "evidence/form.html"
VIEW, CHANGE = "evidence.view", "evidence.change"


def _measure_page(measure: object) -> str:
    return reverse("evidence:measure_detail", args=[measure.council.slug, measure.pk])


@login_required
def index(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, VIEW)
    today = timezone.localdate()
    return render(
        request,
        "evidence/index.html",
        {
            "as_at": today,
            "summaries": queries.measure_summaries(council, today),
            "audits": queries.audits_of(council)[:5],
            "voice": queries.voice_of(council)[:5],
            # Lazy: read only when the template shows them to an editor.
            "requests": queries.requests_of(council)[:5],
        },
    )


@login_required
def measure_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, VIEW)
    measure = get_object_or_404(queries.measures_for_pages(council), pk=pk)
    values = list(queries.measure_values(measure))
    benchmarks = list(measure.benchmarks.all())
    return render(
        request,
        "evidence/measure_detail.html",
        {
            "measure": measure,
            "summary": queries.summary_of(measure, values, benchmarks, timezone.localdate()),
            "rows": value_rows(measure, values),
            "benchmarks": benchmarks,
            "chart": charts.measure_chart(measure, values, benchmarks),
        },
    )


@login_required
def measure_create(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, CHANGE)
    return form_page(
        request,
        bound(request, MeasureForm, council=council),
        service=lambda data: services.create_measure(request.user, council, data),
        done=_measure_page,
        title="Add a measure",
        success="Measure added",
        template=FORM,
    )


@login_required
def measure_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, CHANGE)
    measure = get_object_or_404(council.measures.live(), pk=pk)
    form = bound(
        request,
        MeasureEditForm,
        instance=measure,
        council=council,
        initial={"version": measure.version},
    )
    return form_page(
        request,
        form,
        service=lambda data: services.change_measure(request.user, measure, data, data["version"]),
        done=_measure_page(measure),
        title=f"Edit {measure}",
        success="Measure saved",
        template=FORM,
    )


@login_required
def value_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, CHANGE)
    measure = get_object_or_404(council.measures.live(), pk=pk)
    return form_page(
        request,
        bound(request, ValueForm),
        service=lambda data: services.record_value(request.user, measure, **data),
        done=_measure_page(measure),
        title=f"Add a value for {measure.code}",
        lead=measure.name,
        success="Value saved",
        template=FORM,
    )


@login_required
def measure_import(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, CHANGE)
    measure = get_object_or_404(council.measures.live(), pk=pk)
    return form_page(
        request,
        bound(request, ImportForm),
        service=lambda data: services.import_values(request.user, measure, data["file"]),
        done=_measure_page(measure),
        title=f"Import values for {measure.name}",
        lead=ImportForm.lead,
        button="Import",
        multipart=True,
        success="Values imported",
        template=FORM,
    )


@login_required
def benchmark_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, CHANGE)
    measure = get_object_or_404(council.measures.live(), pk=pk)
    return form_page(
        request,
        bound(request, BenchmarkForm),
        service=lambda data: services.record_benchmark(request.user, measure, data),
        done=_measure_page(measure),
        title=f"Add a benchmark for {measure.code}",
        lead=measure.name,
        success="Benchmark saved",
        template=FORM,
    )


@login_required
def measure_archive(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, CHANGE)
    measure = get_object_or_404(council.measures.live(), pk=pk)
    return form_page(
        request,
        bound(request, ArchiveForm, initial={"version": measure.version}),
        service=lambda data: services.archive_measure(
            request.user, measure, data["reason"], data["version"]
        ),
        done=reverse("evidence:index", args=[council.slug]),
        title=f"Archive {measure.code}",
        lead="It will no longer be rated or flag its objectives; its values are kept.",
        button="Archive",
        success="Measure archived",
        template=FORM,
    )
