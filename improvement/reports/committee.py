"""A report to Scrutiny, Cabinet or Council after a board meeting, in the council's
committee report layout (seed 003): header table, RECOMMENDATIONS, then numbered
sections. The figures are generated; the rest is drafted in the app and kept."""

from typing import Any

from improvement.board.picture import board_picture
from improvement.core.templatetags.ib import pct, rating_label, ukdate
from improvement.documents.structure import Document, Section, Table, lines, numbered_paragraphs
from improvement.evidence.queries import measure_summaries
from improvement.reports import board, evidence
from improvement.reports.queries import meeting_day, next_meeting_of

HEADER_FIELDS = [
    ("committee_date", "Date of the meeting"),
    ("agenda_item", "Agenda item number"),
    ("report_of", "Report of"),
    ("cabinet_member", "Cabinet Member(s) responsible"),
    ("contact_officer", "Contact Officer(s)"),
]

# (key, heading, default text). Implications are one section with four parts.
SECTIONS = [
    ("origin", "ORIGIN OF REPORT", "This report follows the meeting of the {board} on {day}."),
    (
        "purpose",
        "PURPOSE AND REASON FOR REPORT",
        "This report updates the {committee} on progress against the improvement plan "
        "required by the Department for Education's Improvement Notice.",
    ),
    ("timescales", "TIMESCALES", "Is this a Major Policy Item/Statutory Plan? No."),
    ("background", "BACKGROUND AND KEY ISSUES", ""),
    ("corporate_priorities", "CORPORATE PRIORITIES", ""),
    ("consultation", "CONSULTATION", "The improvement board has considered the progress reported."),
    ("outcomes", "ANTICIPATED OUTCOMES OR IMPACT", ""),
    ("reason", "REASON FOR THE RECOMMENDATION", ""),
    ("alternatives", "ALTERNATIVE OPTIONS CONSIDERED", "There were no alternative options."),
    ("implications", "IMPLICATIONS", ""),
    ("background_documents", "BACKGROUND DOCUMENTS", "Improvement Notice, 2 August 2023."),
    ("appendices", "APPENDICES", "Appendix 1 – Progress report to the {board} of {day}."),
]
IMPLICATIONS = [
    ("financial", "Financial Implications", "There are no financial implications."),
    ("legal", "Legal Implications", ""),
    ("equalities", "Equalities Implications", "No equalities implications arise directly."),
    ("other", "Other relevant implications", ""),
]
DRAFTED_KEYS = [key for key, _, _ in SECTIONS if key != "implications"] + [
    key for key, _, _ in IMPLICATIONS
]


def _words(report: Any) -> dict[str, str]:
    meeting = report.meeting
    return {
        "board": meeting.body.name if meeting else "improvement board",
        "day": ukdate(meeting_day(meeting)) if meeting else ukdate(report.as_at),
        "committee": report.body.name if report.body else "committee",
    }


def drafted(report: Any, key: str, default: str = "") -> str:
    text = (report.sections or {}).get(key, "")
    return text or default.format(**_words(report))


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
    counts = ", ".join(
        f"{picture.rating_counts.get(code, 0)} {rating_label(report.council, code)}"
        for code in board.rating_codes(report.council)
    )
    text = [
        f"As at {ukdate(picture.as_at)}, {picture.complete} of {len(picture.actions)} actions "
        f"in the improvement plan are complete ({pct(picture.complete_pct)}). By rating: {counts}.",
        f"{len(picture.slow)} actions are slow to progress.",
    ]
    return text, Table("Progress by objective", head, rows), picture


def _background(number: str, report: Any) -> Section:
    text, table, picture = plan_figures(report)
    summaries = measure_summaries(report.council, picture.as_at)
    written = drafted(report, "background")
    paras = numbered_paragraphs(number, "\n\n".join(text + evidence.analysis(summaries)))
    paras += numbered_paragraphs(number, written, start=len(paras) + 1)
    return Section(
        "BACKGROUND AND KEY ISSUES",
        number=number,
        paragraphs=paras,
        bullets=evidence.off_target(summaries),
        tables=[table],
    )


def _implications(number: str, report: Any) -> Section:
    parts = []
    for n, (key, heading, default) in enumerate(IMPLICATIONS, start=1):
        text = drafted(report, key, default) or "None."
        parts.append(Section(heading, paragraphs=[f"{number}.{n} {text}"]))
    return Section("IMPLICATIONS", number=number, subsections=parts)


def _numbered(report: Any) -> list[Section]:
    result = []
    for n, (key, heading, default) in enumerate(SECTIONS, start=1):
        number = str(n)
        if key == "background":
            result.append(_background(number, report))
        elif key == "implications":
            result.append(_implications(number, report))
        else:
            text = drafted(report, key, default) or "Not applicable."
            result.append(
                Section(heading, number=number, paragraphs=numbered_paragraphs(number, text))
            )
    return result


def _header(report: Any) -> list[list[str]]:
    body = report.body
    default_day = ""
    if body is not None:
        upcoming = next_meeting_of(body, report.as_at)
        default_day = ukdate(meeting_day(upcoming)) if upcoming else ""
    status = (
        f"EXEMPT REPORT: paragraph {report.exempt_paragraph} of Schedule 12A"
        if report.is_exempt
        else "PUBLIC REPORT"
    )
    values = {key: drafted(report, key) for key, _ in HEADER_FIELDS}
    values["committee_date"] = values["committee_date"] or default_day
    rows = [["Committee", body.name if body else ""]]
    rows += [[label, values[key]] for key, label in HEADER_FIELDS]
    rows.insert(3, ["Public or exempt", status])
    return rows


def committee(report: Any) -> Document:
    header = _header(report)
    items = lines(report.recommendations) or [
        f"Note and comment on the progress of the improvement plan as at {ukdate(report.as_at)}."
    ]
    committee_name = report.body.name.upper() if report.body else "COMMITTEE"
    recommendations = Section(
        "RECOMMENDATIONS",
        paragraphs=[f"It is recommended that the {report.body.name if report.body else ''}:"],
        numbered=items,
    )
    return Document(
        kind="committee",
        title=report.title,
        council=report.council.name,
        banner=[
            f"{committee_name} – AGENDA ITEM No. {header[2][1] or '…'}",
            f"{(header[1][1] or ukdate(report.as_at)).upper()} – {header[3][1]}",
        ],
        header=header,
        sections=[recommendations, *_numbered(report)],
        figures={"as_at": report.as_at.isoformat()},
    )
