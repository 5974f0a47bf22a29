"""An edition of the plan as JSON, and as a page, PDF and Word document through the
one document pipeline (`improvement.documents`), in the columns and parts of the
published plan, all from the same rows (so a private decision shows nothing exempt)."""

import datetime
import json
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from improvement.core import access
from improvement.core.actors import SystemActor
from improvement.documents.builds import Builder, register
from improvement.documents.download import download
from improvement.documents.html import print_html
from improvement.documents.render import render
from improvement.documents.structure import Document, Section, Table
from improvement.documents.views import file_or_wait
from improvement.forward_plan import queries
from improvement.forward_plan.editions import edition_notes
from improvement.forward_plan.presenters import edition_parts
from improvement.forward_plan.statutory_notes import code_for

FORMATS = ("json", "pdf", "docx", "html")
# The PDF and Word files are made by the worker (improvement.documents.builds).
BUILT = ("pdf", "docx")
KIND = "forward_plan_edition"


def edition_on(council: Any, day: datetime.date | None) -> Any:
    """The edition published on `day`, or without one the current edition (or None)."""
    if day is None:
        return queries.current_edition(council)
    return queries.editions(council).filter(published_on=day).first()


def _section_json(section: Any) -> dict[str, Any]:
    keys = [key for key, _ in section.columns]
    return {
        "heading": section.heading,
        "columns": [{"key": key, "label": label} for key, label in section.columns],
        "decisions": [
            {
                key: row.get(key)
                for key in ["id", "reference", "title", *keys, "key", "private", "exempt_paragraph"]
            }
            | ({"urgency_route": row["urgency_route"]} if row.get("urgency_route") else {})
            for row in section.rows
        ],
    }


def edition_json(edition: Any) -> dict[str, Any]:
    successor = queries.superseded_by(edition)
    return {
        "council": {"slug": edition.council.slug, "name": edition.council.name},
        "published_on": edition.published_on.isoformat(),
        "decisions_from": edition.decisions_from.isoformat(),
        "status": edition.status,
        "superseded_by": successor.published_on.isoformat() if successor else None,
        "parts": [
            {
                "number": part.number,
                "title": part.title,
                "sections": [_section_json(section) for section in part.sections],
            }
            for part in edition_parts(edition, queries.entries_of(edition))
        ],
        "notes": edition_notes(edition),
    }


def _coded(section: Any, key: list[dict[str, str]]) -> list[list[str]]:
    """The section's numbered rows, each directorate written as the key codes it."""
    at = section.keys.index("directorate") if "directorate" in section.keys else None
    rows = []
    for number, cells, _ in section.numbered:
        if at is not None:
            cells = [*cells[:at], code_for(cells[at], key), *cells[at + 1 :]]
        rows.append([f"{number}.", *cells])
    return rows


def _part(part: Any, key: list[dict[str, str]]) -> Section:
    return Section(
        part.title,
        tables=[
            Table(section.heading or part.title, ["No.", *section.headers], _coded(section, key))
            for section in part.sections
        ],
    )


def _notes_sections(notes: dict[str, Any]) -> list[Section]:
    """The edition's statutory notes, its directorate key and the Cabinet's members."""
    sections = [
        Section(note["heading"], paragraphs=list(note["paragraphs"]))
        for note in notes.get("sections", [])
    ]
    key = notes.get("directorates") or []
    if key:
        sections.append(
            Section(
                "Directorate responsibilities",
                paragraphs=["Each decision is coded by its directorate, as listed below."],
                tables=[
                    Table(
                        "Key to the directorates",
                        ["Code", "Directorate", "Address", "Responsibilities"],
                        [[row["code"], row["name"], row["address"], row["responsibilities"]]
                         for row in key],
                    )
                ],
            )
        )  # fmt: skip
    members = notes.get("cabinet") or []
    if members:
        sections.append(
            Section(
                "The Cabinet's members",
                tables=[
                    Table(
                        "Members of the Cabinet and their responsibilities",
                        ["Member", "Responsibility"],
                        [[row["member"], row["responsibility"]] for row in members],
                    )
                ],
            )
        )
    return sections


def edition_document(edition: Any) -> Document:
    """The edition as the council prints it: landscape, its parts in order."""
    successor = queries.superseded_by(edition)
    notes = edition_notes(edition)
    key = notes.get("directorates") or []
    parts = edition_parts(edition, queries.entries_of(edition))
    return Document(
        kind="forward_plan_edition",
        title=f"{edition.council.name.upper()}'S FORWARD PLAN OF EXECUTIVE DECISIONS",
        council=edition.council.name,
        subtitle=f"PUBLISHED: {edition.published_on:%-d %B %Y}".upper(),
        banner=(
            [
                "This edition has been superseded by the edition published on "
                f"{successor.published_on:%-d %B %Y}."
            ]
            if successor
            else []
        ),
        sections=[*(_part(part, key) for part in parts), *_notes_sections(notes)],
        figures={"published_on": edition.published_on.isoformat()},
        landscape=True,
        font_size=8,
    )


def edition_html(edition: Any) -> str:
    """The printable document the PDF is made from."""
    return print_html(edition_document(edition))


def render_edition(edition: Any, fmt: str) -> bytes:
    """The edition as `json`, `pdf`, `docx` or `html` bytes."""
    if fmt == "json":
        return json.dumps(edition_json(edition), indent=2).encode()
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt}: use json, pdf, docx or html")
    return render(edition_document(edition), fmt)


def edition_response(request: HttpRequest, edition: Any, fmt: str) -> HttpResponse:
    """The download of an edition in `fmt` (404 for an unknown format)."""
    if fmt not in FORMATS:
        raise Http404("No such format")
    if fmt in BUILT:
        # The page asking has checked who may read the edition: the system asks for
        # its file, made once for its data and served from storage after.
        actor = SystemActor("forward_plan_file")
        return file_or_wait(request, actor, edition.council, KIND, {"edition": edition.pk}, fmt)
    content = render_edition(edition, fmt)
    name = f"forward-plan-{edition.published_on:%Y-%m-%d}"
    return download(content, fmt, name, inline=fmt != "docx")


def _edition(council: Any, parameters: dict) -> Any:
    return queries.editions(council).get(pk=parameters["edition"])


def _check(actor: Any, council: Any, parameters: dict) -> None:
    """The signed-in edition page's rule: anyone in the council reads every edition."""
    if not queries.editions(council).filter(pk=parameters.get("edition")).exists():
        raise Http404("No such edition")
    if not access.allowed(actor, access.MEMBER, council):
        raise PermissionDenied(access.refusal(access.MEMBER))


def _fingerprint(council: Any, parameters: dict) -> str:
    # The document it would print: a changed entry, or a successor, makes a new file.
    document = edition_document(_edition(council, parameters))
    return json.dumps(document.to_json(), sort_keys=True, default=str)


def _make(council: Any, parameters: dict, fmt: str) -> tuple[bytes, str]:
    edition = _edition(council, parameters)
    return render_edition(edition, fmt), f"forward-plan-{edition.published_on:%Y-%m-%d}"


def _title(council: Any, parameters: dict) -> str:
    edition = _edition(council, parameters)
    return f"the forward plan edition of {edition.published_on:%-d %B %Y}"


def _back(council: Any, parameters: dict) -> str:
    return reverse("forward_plan:edition_detail", args=[council.slug, parameters["edition"]])


register(KIND, Builder(_check, _fingerprint, _make, _title, _back))
