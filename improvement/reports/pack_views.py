"""Pages of a meeting's agenda pack: the pack's page, its PDFs (made by the worker and
waited on: improvement.documents.views), publishing it to members, and the public's
copy of a published agenda's pack (docs/adr/030)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from improvement.core import access
from improvement.core.actors import SystemActor
from improvement.documents.views import file_or_wait, start
from improvement.meetings import ports
from improvement.reports import pack, pack_notify
from improvement.reports.public_views import council_or_404

PACKS = {"public": False, "restricted": True}


def _meeting(request: HttpRequest, slug: str, pk: int) -> tuple:
    council = access.council_for(request, slug)
    meeting = ports.meeting_for_pack(council, pk)
    if meeting is None:
        raise Http404("No such meeting")
    return council, meeting


def _sees_restricted(request: HttpRequest, meeting: object) -> bool:
    return pack.has_restricted(meeting) and access.allowed(
        request.user, ports.SEE_EXEMPT, meeting.body
    )


@login_required
def pack_page(request: HttpRequest, slug: str, meeting: int) -> HttpResponse:
    council, found = _meeting(request, slug, meeting)
    context = {
        "council": council,
        "meeting": found,
        "restricted": _sees_restricted(request, found),
        "can_publish": access.allowed(request.user, ports.MANAGE, found),
        "told": pack_notify.announcement(found).told_before,
    }
    return render(request, "reports/pack.html", context)


@login_required
def pack_file(request: HttpRequest, slug: str, meeting: int, which: str) -> HttpResponse:
    """The pack's PDF, or its build's page while the worker makes it."""
    council, found = _meeting(request, slug, meeting)
    if which not in PACKS:
        raise Http404("No such pack")
    return start(request, council, pack.KIND, pack.parameters(found, PACKS[which]), "pdf")


@login_required
def pack_publish(request: HttpRequest, slug: str, meeting: int) -> HttpResponse:
    """Confirm, then email the members that the pack is published."""
    council, found = _meeting(request, slug, meeting)
    access.check(request, ports.MANAGE, found)
    if request.method == "POST":
        try:
            result = pack_notify.publish_pack(request.user, found)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, f"Agenda pack published: {len(result.emailed)} emailed")
        return redirect("reports:pack", slug, found.pk)
    context = {"council": council, "meeting": found, "plan": pack_notify.announcement(found)}
    context["refusal"] = "" if found.agenda_published_on else pack_notify.NOT_PUBLISHED
    return render(request, "reports/pack_publish.html", context)


def public_pack(request: HttpRequest, slug: str, meeting: int) -> HttpResponse:
    """The public pack of a published agenda (exempt items named by paragraph only)."""
    place = council_or_404(slug)
    found = ports.public_meeting_for_pack(place, meeting)
    if found is None:
        raise Http404("No such meeting")
    context = {"place": place, "meeting": found}
    actor = SystemActor("public_agenda_pack")
    parameters = pack.parameters(found, False)
    return file_or_wait(
        request, actor, place, pack.KIND, parameters, "pdf", "reports/pack_waiting.html", context
    )
