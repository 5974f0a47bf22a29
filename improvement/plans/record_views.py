"""Adding and correcting the records behind the plan: inspections, findings,
the notice, its requirements and the DfE's reviews. One view serves them all,
because each is a form, a permission check and an audited save."""

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from improvement.core.audit import council_records
from improvement.plans import forms, services
from improvement.plans.models import Finding, Inspection, Notice, Requirement, Review
from improvement.plans.views import _editor, _save


@dataclass(frozen=True)
class Kind:
    model: type
    form: type
    noun: str
    back: str


KINDS = {
    "inspection": Kind(Inspection, forms.InspectionForm, "inspection", "plans:inspection_list"),
    "finding": Kind(Finding, forms.FindingForm, "finding", "plans:inspection_list"),
    "notice": Kind(Notice, forms.NoticeForm, "notice", "plans:notice_detail"),
    "requirement": Kind(Requirement, forms.RequirementForm, "requirement", "plans:notice_detail"),
    "review": Kind(Review, forms.ReviewForm, "DfE review", "plans:notice_detail"),
}


def _form(kind: Kind, request: HttpRequest, council: Any, record: Any) -> Any:
    form = kind.form(request.POST or None, instance=record, initial={"version": record.version})
    for name in ("inspection",):
        if name in form.fields:
            form.fields[name].queryset = council.inspections.live()
    return form


@login_required
def record_edit(request: HttpRequest, slug: str, kind: str, pk: int | None = None) -> HttpResponse:
    council = _editor(request, slug)
    spec = KINDS.get(kind)
    if spec is None:
        raise Http404("No such kind of record")
    record = (
        get_object_or_404(council_records(spec.model, council), pk=pk)
        if pk
        else _new(spec, council)
    )
    form = _form(spec, request, council, record)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        version = form.cleaned_data.get("version")
        if _save(
            request,
            form,
            lambda: services.save_record(request.user, council, record, data, version),
        ):
            messages.success(request, f"The {spec.noun} has been saved")
            return redirect(spec.back, council.slug)
    title = f"{'Correct' if pk else 'Add'} {'the' if pk else 'a'} {spec.noun}"
    return render(request, "plans/form.html", {"form": form, "title": title})


def _new(spec: Kind, council: Any) -> Any:
    if spec.model in (Requirement, Review):
        notice = council.notices.live().first()
        if notice is None:
            raise Http404("Record the notice first")
        return spec.model(notice=notice)
    return spec.model(council=council)
