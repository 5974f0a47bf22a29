"""Adding and correcting the records behind the plan: inspections, findings,
the notice, its requirements and the DfE's reviews. One view serves them all,
because each is a form, a permission check and an audited save."""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from improvement.core import access
from improvement.core.audit import council_records
from improvement.core.forms import bound, form_page
from improvement.plans import forms, services
from improvement.plans.models import Finding, Inspection, Notice, Requirement, Review


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


@login_required
def record_edit(request: HttpRequest, slug: str, kind: str, pk: int | None = None) -> HttpResponse:
    council = access.council_for(request, slug, "plans.edit_plan")
    spec = KINDS.get(kind)
    if spec is None:
        raise Http404("No such kind of record")
    record = (
        get_object_or_404(council_records(spec.model, council), pk=pk)
        if pk
        else _new(spec, council)
    )
    form = bound(request, spec.form, instance=record)
    if "inspection" in form.fields:
        form.fields["inspection"].queryset = council.inspections.live()
    return form_page(
        request,
        form,
        service=lambda data: services.save_record(
            request.user,
            council,
            record,
            forms.without_version(data),
            data.get("version"),
        ),
        done=reverse(spec.back, args=[council.slug]),
        title=f"{'Correct' if pk else 'Add'} {'the' if pk else 'a'} {spec.noun}",
        success=f"The {spec.noun} has been saved",
        template="plans/form.html",
    )


def _new(spec: Kind, council: Any) -> Any:
    if spec.model in (Requirement, Review):
        notice = council.notices.live().first()
        if notice is None:
            raise Http404("Record the notice first")
        return spec.model(notice=notice)
    return spec.model(council=council)
