"""The pages of diagnostic reviews (Improvement Notice, 8): the list, one review with
its findings, and the forms that add, correct and archive them. Reading needs a role
in the council; changing needs the board manager's right to change the plan."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from improvement.core import access
from improvement.core.forms import bound, form_page
from improvement.plans import diagnostic_services as services
from improvement.plans.diagnostic_forms import DiagnosticFindingForm, DiagnosticReviewForm
from improvement.plans.diagnostic_queries import diagnostics_of, finding_of
from improvement.plans.forms import ArchiveForm, without_version

FORM = "plans/form.html"
VIEW, EDIT = "plans.view_plan", "plans.edit_plan"


def _review_url(review: object) -> str:
    return reverse("plans:diagnostic_detail", args=[review.council.slug, review.pk])


@login_required
def diagnostic_list(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, VIEW)
    return render(request, "plans/diagnostic_list.html", {"reviews": list(diagnostics_of(council))})


@login_required
def diagnostic_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, VIEW)
    review = get_object_or_404(diagnostics_of(council), pk=pk)
    return render(request, "plans/diagnostic_detail.html", {"review": review})


@login_required
def diagnostic_add(request: HttpRequest, slug: str) -> HttpResponse:
    council = access.council_for(request, slug, EDIT)
    return form_page(
        request,
        bound(request, DiagnosticReviewForm),
        service=lambda data: services.create_diagnostic(request.user, council, data),
        done=_review_url,
        title="Add a diagnostic review",
        success="Diagnostic review added",
        template=FORM,
    )


@login_required
def diagnostic_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, EDIT)
    review = get_object_or_404(council.diagnostic_reviews.live(), pk=pk)
    return form_page(
        request,
        bound(request, DiagnosticReviewForm, instance=review),
        service=lambda data: services.change_diagnostic(
            request.user, review, without_version(data), data["version"]
        ),
        done=_review_url(review),
        title="Correct the diagnostic review",
        success="Diagnostic review saved",
        template=FORM,
    )


@login_required
def diagnostic_archive(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, EDIT)
    review = get_object_or_404(council.diagnostic_reviews.live(), pk=pk)
    return form_page(
        request,
        bound(request, ArchiveForm, initial={"version": review.version}),
        service=lambda data: services.archive_diagnostic(
            request.user, review, data["reason"], data["version"]
        ),
        done=reverse("plans:diagnostic_list", args=[council.slug]),
        title=f"Archive {review}",
        success="Diagnostic review archived",
        template=FORM,
        button="Archive diagnostic review",
    )


@login_required
def finding_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, EDIT)
    review = get_object_or_404(council.diagnostic_reviews.live(), pk=pk)
    return form_page(
        request,
        bound(request, DiagnosticFindingForm, council=council),
        service=lambda data: services.add_diagnostic_finding(
            request.user, review, without_version(data)
        ),
        done=_review_url(review),
        title=f"Add a finding of {review}",
        success="Finding added",
        template=FORM,
    )


@login_required
def finding_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, EDIT)
    finding = finding_of(council, pk)
    if finding is None:
        raise Http404("No such finding")
    return form_page(
        request,
        bound(request, DiagnosticFindingForm, instance=finding, council=council),
        service=lambda data: services.change_diagnostic_finding(
            request.user, finding, without_version(data), data["version"]
        ),
        done=_review_url(finding.review),
        title=f"Correct a finding of {finding.review}",
        success="Finding saved",
        template=FORM,
    )


@login_required
def finding_archive(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = access.council_for(request, slug, EDIT)
    finding = finding_of(council, pk)
    if finding is None:
        raise Http404("No such finding")
    return form_page(
        request,
        bound(request, ArchiveForm, initial={"version": finding.version}),
        service=lambda data: services.archive_diagnostic_finding(
            request.user, finding, data["reason"], data["version"]
        ),
        done=_review_url(finding.review),
        title=f"Archive a finding of {finding.review}",
        success="Finding archived",
        template=FORM,
        button="Archive finding",
        lead=finding.text,
    )
