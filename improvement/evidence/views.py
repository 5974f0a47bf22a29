"""Measures: the evidence overview, a measure's page, and changing measures and values."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from improvement.evidence import access, charts, queries, services
from improvement.evidence.forms import (
    ArchiveForm,
    BenchmarkForm,
    ImportForm,
    MeasureForm,
    ValueForm,
)
from improvement.evidence.importer import ImportRefused, parse_values
from improvement.evidence.presenters import value_rows
from improvement.evidence.web import run, today, without

FORM = "evidence/form.html"


@login_required
def index(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug)
    can_edit = access.can_edit_evidence(request.user, council)
    return render(
        request,
        "evidence/index.html",
        {
            "as_at": today(),
            "summaries": queries.measure_summaries(council, today()),
            "audits": queries.audits_of(council)[:5],
            "voice": queries.voice_of(council)[:5],
            "requests": queries.requests_of(council)[:5] if can_edit else [],
            "can_edit": can_edit,
        },
    )


@login_required
def exceptions(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug)
    rows = queries.exception_list(council, today())
    return render(request, "evidence/exceptions.html", {"rows": rows, "as_at": today()})


@login_required
def measure_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug)
    measure = get_object_or_404(queries.measures_for_pages(council), pk=pk)
    values = list(queries.measure_values(measure))
    benchmarks = list(measure.benchmarks.all())
    summary = queries.summary_of(measure, values, benchmarks, today())
    return render(
        request,
        "evidence/measure_detail.html",
        {
            "measure": measure,
            "summary": summary,
            "rows": value_rows(measure, values),
            "benchmarks": benchmarks,
            "chart": charts.measure_chart(measure, values, benchmarks),
            "can_edit": access.can_edit_evidence(request.user, council),
        },
    )


@login_required
def measure_create(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.editor_council(request, slug)
    form = MeasureForm(request.POST or None, council=council)
    if form.is_valid():
        data = without(form.cleaned_data, "version")
        measure = run(form, lambda: services.create_measure(request.user, council, data))
        if measure:
            messages.success(request, f"Measure {measure.code} added")
            return redirect("evidence:measure_detail", council.slug, measure.pk)
    return render(request, FORM, {"form": form, "title": "Add a measure"})


@login_required
def measure_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.editor_council(request, slug)
    measure = get_object_or_404(council.measures.live(), pk=pk)
    form = MeasureForm(
        request.POST or None,
        instance=measure,
        council=council,
        initial={"version": measure.version},
    )
    if request.method == "POST" and form.is_valid():
        data = without(form.cleaned_data, "version")
        version = form.cleaned_data["version"]
        if run(form, lambda: services.change_measure(request.user, measure, data, version)):
            messages.success(request, "Measure saved")
            return redirect("evidence:measure_detail", council.slug, measure.pk)
    return render(request, FORM, {"form": form, "title": f"Edit {measure}"})


@login_required
def value_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.editor_council(request, slug)
    measure = get_object_or_404(council.measures.live(), pk=pk)
    form = ValueForm(request.POST or None)
    if form.is_valid():
        data = dict(form.cleaned_data)
        if run(form, lambda: services.record_value(request.user, measure, **data)):
            messages.success(request, f"Value for {data['period']:%B %Y} saved")
            return redirect("evidence:measure_detail", council.slug, measure.pk)
    title = f"Add a value for {measure.code}"
    return render(request, FORM, {"form": form, "title": title, "lead": measure.name})


@login_required
def measure_import(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.editor_council(request, slug)
    measure = get_object_or_404(council.measures.live(), pk=pk)
    form = ImportForm(request.POST or None, request.FILES or None)
    problems = []
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            rows = parse_values(measure, upload.name, upload.read())
            count = services.record_values(request.user, measure, rows)
        except ImportRefused as exc:
            problems = exc.problems
        else:
            messages.success(request, f"{count} values imported for {measure.code}")
            return redirect("evidence:measure_detail", council.slug, measure.pk)
    return render(
        request, "evidence/import.html", {"form": form, "measure": measure, "problems": problems}
    )


@login_required
def benchmark_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.editor_council(request, slug)
    measure = get_object_or_404(council.measures.live(), pk=pk)
    form = BenchmarkForm(request.POST or None)
    if form.is_valid():
        data = dict(form.cleaned_data)
        if run(form, lambda: services.record_benchmark(request.user, measure, data)):
            messages.success(request, "Benchmark saved")
            return redirect("evidence:measure_detail", council.slug, measure.pk)
    title = f"Add a benchmark for {measure.code}"
    return render(request, FORM, {"form": form, "title": title, "lead": measure.name})


@login_required
def measure_archive(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.editor_council(request, slug)
    measure = get_object_or_404(council.measures.live(), pk=pk)
    form = ArchiveForm(request.POST or None, initial={"version": measure.version})
    if form.is_valid():
        reason, version = form.cleaned_data["reason"], form.cleaned_data["version"]
        if run(form, lambda: services.archive_measure(request.user, measure, reason, version)):
            messages.success(request, f"Measure {measure.code} archived")
            return redirect("evidence:index", council.slug)
    title = f"Archive {measure.code}"
    lead = "It will no longer be rated or flag its objectives; its values are kept."
    return render(request, FORM, {"form": form, "title": title, "lead": lead, "button": "Archive"})
