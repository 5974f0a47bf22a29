"""A report to Scrutiny, Cabinet or Council, in the layout the council chose in its
report settings (docs/adr/027):

- Peterborough's (seeds 000 and 003): a header table, RECOMMENDATIONS, then numbered
  sections from the origin of the report to its appendices.
- Shropshire's (seed 001): committee and date, the responsible officer and portfolio
  holder, then a synopsis, executive summary and recommendations before the report
  (risk assessment and opportunities appraisal, implications, background), and the
  background papers, local member and appendices.

A committee report belongs to its committee's meeting, whose date heads it, and binds
in an appendix (`reports.appendix`). Its text starts from defaults right for its
subject, kept on the report when it is started (`defaults`), so the officer edits
them and finalising checks what is stored (`missing`)."""

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from improvement.board.picture import board_picture
from improvement.core.templatetags.ib import pct, ukdate
from improvement.documents.structure import (
    Document,
    Section,
    Table,
    lines,
    numbered_paragraphs,
    paragraphs,
)
from improvement.evidence.queries import measure_summaries
from improvement.reports import appendix, evidence
from improvement.reports.committee_text import defaults
from improvement.reports.dfe_parts import progress_lines
from improvement.reports.queries import meeting_day, settings_for

PETERBOROUGH = "peterborough"
SHROPSHIRE = "shropshire"

HEADER_KEYS = ["agenda_item", "report_of", "cabinet_member", "contact_officer"]
HEADER_LABELS = {
    PETERBOROUGH: {
        "agenda_item": "Agenda item number",
        "report_of": "Report of",
        "cabinet_member": "Cabinet Member(s) responsible",
        "contact_officer": "Contact Officer(s)",
    },
    SHROPSHIRE: {
        "agenda_item": "Item",
        "report_of": "Responsible Officer",
        "cabinet_member": "Cabinet Member (Portfolio Holder)",
        "contact_officer": "Contact (email and telephone)",
    },
}
IMPLICATIONS = [
    ("financial", "Financial Implications"),
    ("legal", "Legal Implications"),
    ("equalities", "Equalities Implications"),
    ("other", "Other relevant implications"),
]
SECTIONS = {
    PETERBOROUGH: [
        ("origin", "ORIGIN OF REPORT"),
        ("purpose", "PURPOSE AND REASON FOR REPORT"),
        ("timescales", "TIMESCALES"),
        ("background", "BACKGROUND AND KEY ISSUES"),
        ("corporate_priorities", "CORPORATE PRIORITIES"),
        ("consultation", "CONSULTATION"),
        ("outcomes", "ANTICIPATED OUTCOMES OR IMPACT"),
        ("reason", "REASON FOR THE RECOMMENDATION"),
        ("alternatives", "ALTERNATIVE OPTIONS CONSIDERED"),
        ("implications", "IMPLICATIONS"),
        ("background_documents", "BACKGROUND DOCUMENTS"),
        ("appendices", "APPENDICES"),
    ],
    SHROPSHIRE: [
        ("synopsis", "Synopsis"),
        ("executive_summary", "Executive Summary"),
        ("recommendations", "Recommendations"),
        ("risk", "Risk Assessment and Opportunities Appraisal"),
        ("financial", "Financial Implications"),
        ("legal", "Legal Implications"),
        ("equalities", "Equalities Implications"),
        ("corporate_priorities", "Climate Change Appraisal and Corporate Priorities"),
        ("background", "Background"),
    ],
}
# What finalising and publishing need written, by layout (the author, contact officer,
# meeting and recommendations are needed in both).
REQUIRED = {
    PETERBOROUGH: ["purpose", "outcomes", "reason"],
    SHROPSHIRE: ["synopsis", "executive_summary", "risk"],
}
LABELS = {
    "agenda_item": "Agenda item number",
    "report_of": "Report of (the report's author)",
    "cabinet_member": "Cabinet member (portfolio holder)",
    "contact_officer": "Contact officer",
    "origin": "Origin of report",
    "purpose": "Purpose and reason for report",
    "timescales": "Timescales",
    "background": "Background and key issues (after the figures)",
    "corporate_priorities": "Corporate priorities and carbon impact",
    "consultation": "Consultation",
    "outcomes": "Anticipated outcomes or impact",
    "reason": "Reason for the recommendation",
    "alternatives": "Alternative options considered",
    "financial": "Financial implications",
    "legal": "Legal implications",
    "equalities": "Equalities implications",
    "other": "Other relevant implications",
    "background_documents": "Background documents, one a line",
    "appendices": "Further appendices, one a line",
    "synopsis": "Synopsis",
    "executive_summary": "Executive summary",
    "risk": "Risk assessment and opportunities appraisal",
    "local_member": "Local member",
}
SHORT_KEYS = {"agenda_item", "report_of", "cabinet_member", "contact_officer", "local_member"}
FORM_KEYS = {
    PETERBOROUGH: [
        *HEADER_KEYS,
        *(key for key, _ in SECTIONS[PETERBOROUGH] if key != "implications"),
        "financial",
        "legal",
        "equalities",
        "other",
    ],
    SHROPSHIRE: [
        *HEADER_KEYS,
        *(key for key, _ in SECTIONS[SHROPSHIRE] if key != "recommendations"),
        "background_documents",
        "local_member",
        "appendices",
    ],
}
ACCESS_TO_INFORMATION = (
    "Used to prepare this report, in accordance with the Local Government (Access to "
    "Information) Act 1985:"
)
TO_BE_WRITTEN = "To be written: the report cannot be finalised until it is."
NO_MEETING = "MEETING NOT YET CHOSEN"


def layout_of(council: Any) -> str:
    return settings_for(council).committee_layout


def form_keys(council: Any) -> list[tuple[str, str, bool]]:
    """The written parts a committee report's form asks for, in the order of the
    council's layout: (key, label, whether it is long text)."""
    layout = layout_of(council)
    labels = {**LABELS, **HEADER_LABELS[layout]}
    labels["report_of"] = f"{labels['report_of']} (the report's author)"
    return [(key, labels[key], key not in SHORT_KEYS) for key in FORM_KEYS[layout]]


def meeting_date(report: Any) -> str:
    """The banner's date: the committee meeting's, never one made up."""
    return ukdate(meeting_day(report.meeting)) if report.meeting else ""


@dataclass
class Draft:
    """A committee report being built: its stored text, read with the council's
    settings and its defaults once for the whole document."""

    report: Any

    @cached_property
    def layout(self) -> str:
        return layout_of(self.report.council)

    @cached_property
    def required(self) -> list[str]:
        return ["report_of", "contact_officer", *REQUIRED[self.layout]]

    @cached_property
    def appendix(self) -> dict[str, Any]:
        return appendix.spec(self.report)

    @cached_property
    def defaults(self) -> dict[str, str]:
        return defaults(self.report)

    def drafted(self, key: str) -> str:
        """A written part as stored; an optional part never written starts from its
        default (a report started before the defaults were kept with it)."""
        text = (self.report.sections or {}).get(key, "")
        if text or key in self.required:
            return text
        return self.defaults.get(key, "")

    def text(self, key: str) -> str:
        """A part as printed: a required part not yet written says so (finalising is
        refused until it is); an optional one left empty says None."""
        return self.drafted(key) or (TO_BE_WRITTEN if key in self.required else "None.")


def missing(report: Any) -> list[tuple[str, str]]:
    """What must be written before a committee report is finalised or published:
    (form field, message naming it), from the report's stored fields."""
    layout = layout_of(report.council)
    headings = dict(SECTIONS[layout])
    stored = report.sections or {}
    gaps = []
    for key in ["report_of", "contact_officer", *REQUIRED[layout]]:
        if (stored.get(key) or "").strip():
            continue
        if key in headings:
            gaps.append((f"section_{key}", f"Write the section {headings[key].capitalize()}"))
        else:
            name = "report's author" if key == "report_of" else "contact officer"
            gaps.append((f"section_{key}", f"Enter the {name}"))
    if report.meeting_id is None:
        gaps.append(("meeting", "Choose the committee meeting, whose date heads the report"))
    return gaps + _appendix_gaps(report)


def _appendix_gaps(report: Any) -> list[tuple[str, str]]:
    """A committee report binds the final version of the board report it summarises,
    and never binds an exempt one into a public report."""
    found = appendix.spec(report)
    if found.get("kind") != appendix.BOARD_REPORT:
        return []
    name = f"the {found['body']}'s progress report of {ukdate(date.fromisoformat(found['day']))}"
    if not found.get("version"):
        return [("appendix", f"Finalise {name} first: a committee report binds its final version")]
    board = report.council.reports.filter(pk=found["report"]).first()
    if board is not None and board.is_exempt and not report.is_exempt:
        return [("appendix", f"Choose another appendix: {name} is exempt, this report is public")]
    return []


def plan_figures(report: Any) -> tuple[list[str], Table, Any]:
    picture = board_picture(report.council, report.as_at)
    head = ["Objective", "Actions", "Complete", "Slow to progress"]
    rows = [
        [
            str(o.objective),
            str(len(o.actions)),
            f"{pct(o.complete_pct)} ({o.complete} of {len(o.actions)})",
            "Yes" if o.flagged else "No",
        ]
        for o in picture.objectives
    ]
    text = progress_lines(report.council, picture)
    return text, Table("Progress by objective", head, rows), picture


def _background(number: str, heading: str, draft: Draft) -> Section:
    report = draft.report
    written = draft.drafted("background")
    if report.appendix == appendix.COMPLAINTS_ANNUAL:
        return Section(heading, number=number, paragraphs=numbered_paragraphs(number, written))
    text, table, picture = plan_figures(report)
    summaries = measure_summaries(report.council, picture.as_at)
    paras = numbered_paragraphs(number, "\n\n".join(text + evidence.analysis(summaries)))
    paras += numbered_paragraphs(number, written, start=len(paras) + 1)
    return Section(
        heading,
        number=number,
        paragraphs=paras,
        bullets=evidence.off_target(summaries),
        tables=[table],
    )


def _implications(number: str, draft: Draft) -> Section:
    parts = [
        Section(heading, paragraphs=[f"{number}.{n} {draft.text(key)}"])
        for n, (key, heading) in enumerate(IMPLICATIONS, start=1)
    ]
    return Section("IMPLICATIONS", number=number, subsections=parts)


def _appendix_lines(draft: Draft) -> list[str]:
    """The appendices the report lists: the one bound in first, then any others named."""
    listed = appendix.title(draft.appendix)
    named = ([listed] if listed else []) + lines(draft.drafted("appendices"))
    return [f"Appendix {n} – {text}" for n, text in enumerate(named, start=1)]


def _background_documents(number: str, heading: str, draft: Draft) -> Section:
    documents = lines(draft.drafted("background_documents")) or ["None."]
    if number:
        documents = [f"{number}.{n} {text}" for n, text in enumerate(documents, start=1)]
    return Section(heading, number=number, paragraphs=[ACCESS_TO_INFORMATION, *documents])


def _peterborough_section(number: str, key: str, heading: str, draft: Draft) -> Section:
    if key == "background":
        return _background(number, heading, draft)
    if key == "implications":
        return _implications(number, draft)
    if key == "background_documents":
        return _background_documents(number, heading, draft)
    if key == "appendices":
        items = _appendix_lines(draft) or ["None."]
        paras = [f"{number}.{i} {text}" for i, text in enumerate(items, start=1)]
        return Section(heading, number=number, paragraphs=paras)
    return Section(heading, number=number, paragraphs=numbered_paragraphs(number, draft.text(key)))


def _status(report: Any) -> str:
    if report.is_exempt:
        return f"EXEMPT REPORT: paragraph {report.exempt_paragraph} of Schedule 12A"
    return "PUBLIC REPORT"


def _recommendation_items(report: Any) -> list[str]:
    return lines(report.recommendations) or [TO_BE_WRITTEN]


def _peterborough(draft: Draft, base: dict[str, Any]) -> Document:
    report = draft.report
    labels = HEADER_LABELS[PETERBOROUGH]
    values = {key: draft.drafted(key) for key in HEADER_KEYS}
    committee_name = report.body.name if report.body else ""
    day = meeting_date(report) or NO_MEETING.capitalize()
    rows = [
        ["Committee", committee_name],
        ["Date of the meeting", day],
        [labels["agenda_item"], values["agenda_item"]],
        ["Public or exempt", _status(report)],
    ] + [[labels[key], values[key]] for key in ("report_of", "cabinet_member", "contact_officer")]
    recommendations = Section(
        "RECOMMENDATIONS",
        paragraphs=[f"It is recommended that the {committee_name}:"],
        numbered=_recommendation_items(report),
    )
    numbered = [
        _peterborough_section(str(n), key, heading, draft)
        for n, (key, heading) in enumerate(SECTIONS[PETERBOROUGH], start=1)
    ]
    banner = [
        f"{(committee_name or 'COMMITTEE').upper()} – AGENDA ITEM No. "
        f"{values['agenda_item'] or '…'}",
        f"{day.upper()} – {_status(report)}",
    ]
    return Document(**base, banner=banner, header=rows, sections=[recommendations, *numbered])


def _shropshire_section(number: str, key: str, heading: str, draft: Draft) -> Section:
    if key == "background":
        return _background(number, heading, draft)
    if key == "recommendations":
        return Section(heading, number=number, numbered=_recommendation_items(draft.report))
    if key == "synopsis":
        return Section(heading, number=number, paragraphs=paragraphs(draft.text(key)))
    return Section(heading, number=number, paragraphs=numbered_paragraphs(number, draft.text(key)))


def _shropshire(draft: Draft, base: dict[str, Any]) -> Document:
    report = draft.report
    labels = HEADER_LABELS[SHROPSHIRE]
    values = {key: draft.drafted(key) for key in HEADER_KEYS}
    committee_name = report.body.name if report.body else ""
    day = meeting_date(report) or NO_MEETING.capitalize()
    rows = [
        ["Committee and Date", f"{committee_name}, {day}"],
        [labels["agenda_item"], values["agenda_item"]],
        ["Public or exempt", _status(report)],
    ] + [[labels[key], values[key]] for key in ("report_of", "contact_officer", "cabinet_member")]
    sections = [
        _shropshire_section(str(n), key, heading, draft)
        for n, (key, heading) in enumerate(SECTIONS[SHROPSHIRE], start=1)
    ]
    sections += [
        _background_documents("", "List of Background Papers", draft),
        Section("Local Member", paragraphs=[draft.text("local_member")]),
        Section("Appendices", paragraphs=_appendix_lines(draft) or ["None."]),
    ]
    status = "Exempt" if report.is_exempt else "Public"
    banner = [
        f"Committee and Date: {committee_name}, {day}",
        f"Item {values['agenda_item'] or '…'} – {status}",
    ]
    return Document(**base, banner=banner, header=rows, sections=sections)


def committee(report: Any) -> Document:
    draft = Draft(report)
    base = {
        "kind": "committee",
        "title": report.title,
        "council": report.council.name,
        "figures": {
            "as_at": report.as_at.isoformat(),
            "meeting_date": meeting_day(report.meeting).isoformat() if report.meeting else "",
            "appendix": draft.appendix,
        },
    }
    if draft.layout == SHROPSHIRE:
        return _shropshire(draft, base)
    return _peterborough(draft, base)
