"""Pages for reading the forward plan; the forms that change it are in `form_views`."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from improvement.core.access import council_for
from improvement.core.listing import list_page
from improvement.forward_plan import lists, notice, outputs, queries
from improvement.forward_plan.editions import edition_notes
from improvement.forward_plan.presenters import edition_parts, urgency_statement


@login_required
def register(request: HttpRequest, slug: str) -> HttpResponse:
    """The register, filtered, sorted and paged, or as a CSV of what the filters keep."""
    council = council_for(request, slug)
    return list_page(
        request,
        lists.register_rows(council),
        lists.REGISTER,
        "forward_plan/register.html",
        {
            "council": council,
            "current": queries.current_edition(council),
            "draft": queries.draft_edition(council),
        },
        filename_prefix=f"{council.slug} forward plan",
    )


@login_required
def decision_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = council_for(request, slug)
    decision = queries.decision_or_none(council, pk)
    if decision is None:
        raise Http404("No such decision")
    settings = queries.settings_for(council)
    today = timezone.localdate()
    return render(
        request,
        "forward_plan/decision_detail.html",
        {
            "council": council,
            "decision": decision,
            "refusal": notice.refusal(decision, today, settings),
            "urgency": urgency_statement(decision),
            "entries": decision.entries.select_related("edition"),
        },
    )


@login_required
def edition_list(request: HttpRequest, slug: str) -> HttpResponse:
    council = council_for(request, slug)
    return render(
        request,
        "forward_plan/edition_list.html",
        {
            "council": council,
            "editions": queries.editions(council),
            "current": queries.current_edition(council),
        },
    )


@login_required
def edition_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    council = council_for(request, slug)
    edition = get_object_or_404(queries.editions(council), pk=pk)
    return render(
        request,
        "forward_plan/edition_detail.html",
        {
            "council": council,
            "edition": edition,
            "parts": edition_parts(edition, queries.entries_of(edition)),
            "notes": edition_notes(edition),
            "superseded_by": queries.superseded_by(edition),
        },
    )


@login_required
def edition_file(request: HttpRequest, slug: str, pk: int, fmt: str) -> HttpResponse:
    council = council_for(request, slug)
    edition = get_object_or_404(queries.editions(council), pk=pk)
    return outputs.edition_response(request, edition, fmt)


@login_required
def comment_list(request: HttpRequest, slug: str) -> HttpResponse:
    """Comments from the public, with their senders' details: the board manager only."""
    council = council_for(request, slug, "forward_plan.read_comments")
    return render(
        request,
        "forward_plan/comment_list.html",
        {"council": council, "comments": queries.comments_of(council)},
    )


@login_required
def executive_decisions(request: HttpRequest, slug: str) -> HttpResponse:
    """Executive decisions published for call-in, and whether each was called in."""
    council = council_for(request, slug)
    return list_page(
        request,
        lists.executive_rows(council),
        lists.executive_list_for(request.user, council),
        "forward_plan/executive_decisions.html",
        {"today": timezone.localdate()},
        filename_prefix=council.slug,
    )
