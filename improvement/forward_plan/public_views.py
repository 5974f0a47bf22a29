"""The forward plan on the public site: published editions only, nothing exempt, and
the form to comment on a decision. No sign-in."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from improvement.core.clients import client_address
from improvement.core.models import Council
from improvement.forward_plan import comments, outputs, queries
from improvement.forward_plan.editions import edition_notes
from improvement.forward_plan.forms import HONEYPOT, CommentForm
from improvement.forward_plan.presenters import edition_parts


def council_or_404(slug: str) -> Council:
    """The council in the address, for pages anyone may read without signing in."""
    council = queries.public_council(slug)
    if council is None:
        raise Http404("No such council")
    return council


def _edition(council, pk: int):
    edition = queries.published_editions(council).filter(pk=pk).first()
    if edition is None:
        raise Http404("No such edition")
    return edition


def edition_list(request: HttpRequest, slug: str) -> HttpResponse:
    place = council_or_404(slug)
    return render(
        request,
        "forward_plan/public_edition_list.html",
        {"place": place, "editions": queries.published_editions(place)},
    )


def edition_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    place = council_or_404(slug)
    edition = _edition(place, pk)
    return render(
        request,
        "forward_plan/public_edition_detail.html",
        {
            "place": place,
            "edition": edition,
            "parts": edition_parts(edition, queries.entries_of(edition)),
            "notes": edition_notes(edition),
            "superseded_by": queries.superseded_by(edition),
        },
    )


def edition_file(request: HttpRequest, slug: str, pk: int, fmt: str) -> HttpResponse:
    place = council_or_404(slug)
    return outputs.edition_response(request, _edition(place, pk), fmt)


def comment(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    place = council_or_404(slug)
    decision = queries.publicly_listed(place, pk)
    if decision is None:
        raise Http404("No such decision")
    form = CommentForm(request.POST or None, initial={"stamp": comments.form_stamp()})
    if form.is_valid():
        if not comments.within_rate_limit(client_address(request)):
            form.add_error(None, "Too many comments from here: please try again in an hour")
        else:
            comments.submit_comment(decision, form.cleaned_data)
            return redirect("public_forward_plan:comment_sent", place.slug, decision.pk)
    if form.is_bound:
        form.data = form.data.copy()
        form.data["stamp"] = comments.form_stamp()
    return render(
        request,
        "forward_plan/public_comment.html",
        {"place": place, "decision": decision, "form": form, "honeypot": HONEYPOT},
    )


def comment_sent(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    place = council_or_404(slug)
    decision = queries.publicly_listed(place, pk)
    if decision is None:
        raise Http404("No such decision")
    return render(
        request, "forward_plan/public_comment_sent.html", {"place": place, "decision": decision}
    )
