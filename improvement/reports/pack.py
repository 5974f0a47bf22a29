"""A meeting's agenda pack: one PDF of the cover, the agenda, the contents and each
item's reports and papers in agenda order, every page numbered (docs/adr/030).

The pack is a document build (improvement.documents.builds) of kind "agenda_pack":
made once by the worker, stored, and made again only when its fingerprint moves (the
meeting, its items and papers, or a report it binds). Exempt items go in a separate
restricted pack for those who see the body's exempt items; the public pack names each
exempt item by its paragraph only.

Reports are bound as the reports app makes their PDF: the restricted pack binds a
report's latest finalised version, the public pack only a version the council has
published; until then a page says the report is to follow. Uploaded papers are bound
in by `pack_pdf`; anything that is not bound in gets a page saying what it is and where
to get it.
"""

import json
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import Http404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from improvement.core import access
from improvement.documents.builds import Builder, current_fingerprint, register
from improvement.documents.models import DocumentBuild
from improvement.documents.pdf import pdf_from_html
from improvement.meetings import ports
from improvement.reports import files, front_sheet, pack_pdf
from improvement.reports.build import report_file

KIND = "agenda_pack"
# Part of every pack's fingerprint: raise it when a change to the code changes a pack.
BUILD = 1
# Pages the front (cover, agenda, contents) is laid out again for, until its own
# length settles: the contents' page numbers depend on it.
FRONT_PASSES = 3


@dataclass(frozen=True)
class Part:
    """One thing bound into the pack: a report, a paper, or a page saying why not."""

    title: str
    report: Any = None
    version: Any = None
    paper: Any = None
    heading: str = ""
    lines: tuple[str, ...] = ()


@dataclass
class Entry:
    """An agenda item's place in the pack: its number (blank for reports the agenda
    does not name) and its parts in order."""

    number: str
    caption: str
    parts: list[Part] = field(default_factory=list)


def parameters(meeting: Any, restricted: bool) -> dict[str, Any]:
    return {"meeting": meeting.pk, "restricted": restricted}


def _reports(meeting: Any) -> list[Any]:
    return list(meeting.reports.order_by("id"))


def has_restricted(meeting: Any) -> bool:
    """Whether the meeting has anything only a restricted pack may hold."""
    return any(item.is_exempt for item in meeting.items.all()) or any(
        report.is_exempt for report in _reports(meeting)
    )


def _version(report: Any, restricted: bool) -> Any:
    """What a pack may bind: the restricted pack, for members, the latest finalised
    version; the public pack only the latest the council has published. None while
    there is none: the report is then to follow."""
    if restricted:
        return report.versions.latest_version()
    return report.versions.latest_published()


def _item_for(report: Any, items: list[Any]) -> Any:
    """The agenda item a report is a paper of: the item named as the report is, else
    for a board progress report the item its front sheet names (one rule,
    `front_sheet.agenda_item`); None puts it after the agenda's items, under "Further
    reports"."""
    named = [item for item in items if item.title.strip().casefold() == report.title.casefold()]
    if named:
        return named[0]
    if report.kind == "board_progress" and report.meeting_id is not None:
        found = front_sheet.agenda_item(report.meeting)
        return next((item for item in items if found and item.pk == found.pk), None)
    return None


def _paper_link(meeting: Any, paper: Any, restricted: bool) -> str:
    if meeting.is_public and not restricted and meeting.agenda_published_on:
        path = reverse("public:paper", args=[meeting.council.slug, paper.pk])
    else:
        path = reverse("meetings:paper_download", args=[meeting.council.slug, paper.pk])
    return settings.SITE_URL.rstrip("/") + path


def _exempt_page(number: str, paragraph: int, what: str) -> Part:
    return Part(
        title=f"Exempt: paragraph {paragraph} of Schedule 12A",
        heading=f"Item {number}: exempt",
        lines=(
            f"{what} exempt from publication under paragraph {paragraph} of Schedule 12A "
            "to the Local Government Act 1972.",
            "It is in the restricted agenda pack, for members of the body only.",
        ),
    )


def _report_part(report: Any, restricted: bool) -> Part:
    """A report as the pack may bind it (`_version`), or a page saying it is to follow:
    a draft is the author's, not yet the council's, and is never published."""
    version = _version(report, restricted)
    if version is None:
        state = "finalised" if restricted else "published"
        return Part(
            title=f"{report.title} (to follow)",
            heading=report.title,
            lines=(
                f"This report is to follow: it has not yet been {state}.",
                "The agenda pack is made again when it is.",
            ),
        )
    return Part(title=f"{report.title} (version {version.number})", report=report, version=version)


def _open_parts(entry: Entry, reports: list[Any], papers: list[Any], restricted: bool) -> None:
    """An item's reports then its papers, each in the pack it belongs to."""
    for report in reports:
        if report.is_exempt and not restricted:
            entry.parts.append(_exempt_page(entry.number, report.exempt_paragraph, "A report"))
        elif report.is_exempt or not restricted:
            entry.parts.append(_report_part(report, restricted))
    if not restricted:
        entry.parts.extend(Part(title=f"Appendix: {paper.name}", paper=paper) for paper in papers)


def _exempt_parts(entry: Entry, item: Any, reports: list[Any], restricted: bool) -> None:
    if not restricted:
        entry.parts.append(_exempt_page(entry.number, item.exempt_paragraph, "This item is"))
        return
    entry.parts.extend(_report_part(report, restricted) for report in reports)
    entry.parts.extend(
        Part(title=f"Appendix: {paper.name}", paper=paper) for paper in item.papers.all()
    )
    if not entry.parts:
        entry.parts.append(
            Part(title=item.title, heading=item.title, lines=("No papers for this item.",))
        )


def plan(meeting: Any, restricted: bool) -> list[Entry]:
    """What the pack holds, in agenda order: the public pack every open paper and a page
    for each exempt one; the restricted pack the exempt items and reports only."""
    items = list(meeting.items.all())
    by_item: dict[Any, list[Any]] = {}
    for report in _reports(meeting):
        item = _item_for(report, items)
        by_item.setdefault(item.pk if item else None, []).append(report)
    entries = []
    for item in items:
        shown = item.title if restricted or not item.is_exempt else item.exempt_notice
        entry = Entry(str(item.number), f"Item {item.number}: {shown}")
        reports = by_item.get(item.pk, [])
        if item.is_exempt:
            _exempt_parts(entry, item, reports, restricted)
        else:
            _open_parts(entry, reports, list(item.papers.all()), restricted)
        if entry.parts:
            entries.append(entry)
    further = Entry("", "Further reports")
    _open_parts(further, by_item.get(None, []), [], restricted)
    return entries + ([further] if further.parts else [])


def _separator(caption: str, heading: str, lines: tuple[str, ...]) -> bytes:
    html = render_to_string(
        "reports/pack_separator.html",
        {"caption": caption[:300], "heading": heading[:300], "lines": lines},
    )
    return pdf_from_html(html)


def _stored_report_pdf(council: Any, report: Any, version: Any) -> bytes | None:
    """The report's PDF as the reports app last made it for the same data, if kept."""
    found = files.parameters(report, version)
    fingerprint = current_fingerprint(council, files.KIND, found, "pdf")
    build = (
        DocumentBuild.objects.filter(council=council, kind=files.KIND, fmt="pdf")
        .filter(fingerprint=fingerprint, status=DocumentBuild.Status.DONE)
        .order_by("-id")
        .first()
    )
    if build is None:
        return None
    with default_storage.open(build.file, "rb") as file:
        return file.read()


def _paper_pdf(meeting: Any, entry: Entry, part: Part, restricted: bool) -> bytes:
    paper = part.paper
    try:
        with paper.file.open("rb") as file:
            data = pack_pdf.read_bounded(file, pack_pdf.max_paper_bytes())
        return pack_pdf.checked_pdf(data)
    except (pack_pdf.PaperRefused, OSError) as refused:
        reason = str(refused) if isinstance(refused, pack_pdf.PaperRefused) else "it is missing"
    where = _paper_link(meeting, paper, restricted)
    lines = (
        f"This paper is not bound into the pack: {reason}.",
        f"Download it from the meeting's page: {where}",
    )
    return _separator(entry.caption, f"Appendix: {paper.name}", lines)


def part_pdf(meeting: Any, entry: Entry, part: Part, restricted: bool) -> bytes:
    """The part's pages as a PDF."""
    if part.report is not None:
        council = meeting.council
        stored = _stored_report_pdf(council, part.report, part.version)
        return stored or report_file(part.report, "pdf", part.version)
    if part.paper is not None:
        return _paper_pdf(meeting, entry, part, restricted)
    return _separator(entry.caption, part.heading, part.lines)


def _when(meeting: Any) -> Any:
    return timezone.localtime(meeting.starts_at)


def _contacts(meeting: Any) -> list[str]:
    contacts = []
    for seat in ports.secretariat(meeting):
        person = seat.person
        email = person.email or (person.user.email if person.user_id else "")
        contacts.append(", ".join(part for part in (person.name, seat.role_title, email) if part))
    return contacts


def _agenda(meeting: Any, restricted: bool) -> list[dict[str, Any]]:
    rows = []
    for item in meeting.items.all():
        withheld = item.is_exempt and not restricted
        rows.append(
            {
                "number": item.number,
                "title": item.exempt_notice if withheld else item.title,
                "notice": "" if withheld else (item.exempt_notice if item.is_exempt else ""),
                "description": "" if withheld else item.description,
                "author": "" if withheld else item.report_author,
            }
        )
    return rows


def _front_context(meeting: Any, restricted: bool) -> dict[str, Any]:
    when = _when(meeting)
    published = meeting.agenda_published_on
    return {
        "council": meeting.council.name,
        "body": meeting.body.name,
        "date": f"{when:%A %-d %B %Y}",
        "time": f"{when:%-I:%M%p}".lower().replace(":00", ""),
        "place": meeting.location or "To be confirmed",
        "in_public": "Yes" if meeting.held_in_public else "No: held in private",
        "published": f"{published:%-d %B %Y}" if published else "Not yet published",
        "restricted": restricted,
        "contacts": _contacts(meeting),
        "agenda": _agenda(meeting, restricted),
    }


def _contents(entries: list[Entry], counts: list[list[int]], first: int) -> list[dict]:
    rows, page = [], first
    for entry, sizes in zip(entries, counts, strict=True):
        for index, (part, size) in enumerate(zip(entry.parts, sizes, strict=True)):
            label = (f"Item {entry.number}" if entry.number else entry.caption) if not index else ""
            rows.append({"item": label, "title": part.title, "page": page})
            page += size
    return rows


def _front(meeting: Any, restricted: bool, entries: list[Entry], counts: list[list[int]]) -> bytes:
    """The cover, agenda and contents, laid out until the contents' page numbers hold."""
    context = _front_context(meeting, restricted)
    front_pages = 3
    for _ in range(FRONT_PASSES):
        context["contents"] = _contents(entries, counts, front_pages + 1)
        front = pdf_from_html(render_to_string("reports/pack_front.html", {"front": context}))
        pages = pack_pdf.page_count(front)
        if pages == front_pages:
            return front
        front_pages = pages
    raise ValueError("The pack's contents did not settle on a length")


def compile_pack(meeting: Any, restricted: bool) -> bytes:
    """The pack as one PDF."""
    entries = plan(meeting, restricted)
    bodies = [
        [part_pdf(meeting, entry, part, restricted) for part in entry.parts] for entry in entries
    ]
    counts = [[pack_pdf.page_count(data) for data in parts] for parts in bodies]
    front = _front(meeting, restricted, entries, counts)
    return pack_pdf.bind([front] + [data for parts in bodies for data in parts])


def _meeting(council: Any, parameters: dict) -> Any:
    meeting = ports.meeting_for_pack(council, parameters.get("meeting"))
    if meeting is None:
        raise Http404("No such meeting")
    return meeting


def _check(actor: Any, council: Any, parameters: dict) -> None:
    """The meeting page's rule: anyone with a role in the council reads the public pack;
    the restricted one is there only for those who see the body's exempt items."""
    meeting = _meeting(council, parameters)
    if not access.allowed(actor, access.MEMBER, council):
        raise Http404("No such meeting")
    if parameters.get("restricted") and not (
        has_restricted(meeting) and access.allowed(actor, ports.SEE_EXEMPT, meeting.body)
    ):
        raise Http404("No such pack")


def _report_fingerprint(council: Any, report: Any, restricted: bool) -> tuple:
    """What a bound report adds to the pack's fingerprint: its version's own PDF, or
    for a report to follow only its title (a draft's fingerprint moves with every change
    in the council, and nothing of the draft is bound)."""
    version = _version(report, restricted)
    if version is None:
        return (report.pk, "to follow", report.title)
    parameters = files.parameters(report, version)
    return (report.pk, version.number, current_fingerprint(council, files.KIND, parameters, "pdf"))


def _fingerprint(council: Any, parameters: dict) -> str:
    meeting = _meeting(council, parameters)
    items = [(i.pk, i.version, i.modified_at) for i in meeting.items.all()]
    papers = [
        (p.pk, p.version, p.size, p.file.name) for i in meeting.items.all() for p in i.papers.all()
    ]
    restricted = bool(parameters.get("restricted"))
    reports = [_report_fingerprint(council, r, restricted) for r in _reports(meeting)]
    contacts = _contacts(meeting)
    stamp = [
        BUILD,
        council.name,
        meeting.version,
        meeting.modified_at,
        items,
        papers,
        reports,
        contacts,
    ]
    return json.dumps(stamp, default=str)


def _make(council: Any, parameters: dict, fmt: str) -> tuple[bytes, str]:
    if fmt != "pdf":
        raise ValueError("An agenda pack is a PDF")
    meeting = _meeting(council, parameters)
    restricted = bool(parameters.get("restricted"))
    name = f"agenda-pack-{meeting.pk}{'-restricted' if restricted else ''}"
    return compile_pack(meeting, restricted), name


def _title(council: Any, parameters: dict) -> str:
    meeting = _meeting(council, parameters)
    which = "restricted agenda pack" if parameters.get("restricted") else "agenda pack"
    return f"The {which} of the {meeting}"


def _back(council: Any, parameters: dict) -> str:
    return reverse("reports:pack", args=[council.slug, parameters["meeting"]])


register(KIND, Builder(_check, _fingerprint, _make, _title, _back))
