"""For the DfE: the council's self-assessment before each review (Improvement Notice,
10) and the adviser's report of progress or concern (13), from the same data as the
board's reports, with the text drafted in the app.

The self-assessment is organised by the areas a review may cover (7), each with the
plan's progress on the objectives tagged for it, the measures and audits tagged for
it and what children and young people said; tags are set on the records, never
guessed from their words (docs/adr/028). Nothing printed is an internal identifier,
every count agrees with its noun, and a section with nothing to show says so."""

from collections import defaultdict
from typing import Any

from improvement.board.picture import board_picture
from improvement.core.numbers import percentage
from improvement.core.templatetags.ib import pct, rating_entry, rating_label, ukdate
from improvement.documents.structure import Document, Section, Table, tag
from improvement.evidence import ports as evidence_ports
from improvement.plans.ports import (
    ReviewArea,
    diagnostics_until,
)
from improvement.reports import board, queries
from improvement.reports.dfe_areas import area_section, children_section
from improvement.reports.dfe_parts import (
    OBJECTIVE_HEAD,
    counted,
    diagnostics_section,
    measure_analysis,
    measure_table,
    objective_rows,
    off_target,
    previous_review_section,
    progress_lines,
    progress_section,
    red_or_amber,
    review_flags,
    review_timing_lines,
    written,
)
from improvement.reports.wording import verb

SELF_ASSESSMENT_KEYS = [
    ("summary", "Summary of the council's assessment"),
    ("progress", "Progress against the improvement plan objectives"),
    *[(code, label) for code, label in ReviewArea.choices],
    ("partners", "Involvement of safeguarding partners and the improvement board"),
    ("surveys", "Staff surveys"),
    ("supervision", "Staff supervision and the quality of feedback"),
]
ADVISER_KEYS = [
    ("judgement", "Progress or concern"),
    ("summary", "Summary"),
    ("progress", "Progress against the improvement plan"),
    ("concerns", "Areas slow to progress"),
    ("performance", "Performance"),
    ("ofsted", "Improvement against the Ofsted requirements"),
]

# Partners and the board.


def attendance_table(council: Any, since: Any, until: Any) -> Table:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in queries.board_attendance(council, since, until):
        org = row.person.organisation.name if row.person.organisation else "No organisation"
        counts[org][row.status] += 1
    rows = []
    for org, by_status in sorted(counts.items()):
        there = by_status["present"] + by_status["substitute"]
        total = there + by_status["apologies"] + by_status["absent"]
        rows.append(
            [org, str(there), str(by_status["apologies"]), str(by_status["absent"]),
             f"{pct(percentage(there, total))} ({there} of {total})"]
        )  # fmt: skip
    head = ["Organisation", "Present", "Apologies", "Absent", "Attendance"]
    return Table(
        "Board attendance by organisation", head, rows, "No board meeting held in this period."
    )


def partner_table(council: Any, picture: Any) -> Table:
    groups: dict[str, list[Any]] = defaultdict(list)
    for item in picture.actions:
        # A partner's action is led by its owners, whatever organisation holds it.
        orgs = {str(o.organisation) for o in item.action.owners.all() if o.organisation_id}
        for org in orgs or {str(item.action.organisation)}:
            groups[org].append(item)
    rows = [
        [
            org,
            str(len(items)),
            f"{pct(percentage(sum(i.complete for i in items), len(items)))}",
            str(red_or_amber(items)),
            str(sum(1 for i in items if i.slow)),
        ]
        for org, items in sorted(groups.items())
    ]
    head = ["Organisation", "Actions", "Complete", "Red or Amber", "Slow to progress"]
    return Table(
        "Actions by the organisations of their owners", head, rows, "The plan has no actions."
    )


# The documents.


def _evidence(report: Any, picture: Any) -> dict[str, Any]:
    council, as_at = report.council, picture.as_at
    voice = list(queries.voice_until(council, as_at).prefetch_related("themes__objectives"))
    return {
        "report": report,
        "picture": picture,
        "summaries": evidence_ports.measure_summaries(council, as_at),
        "audits": list(queries.audits_until(council, as_at)),
        "children": [e for e in voice if e.kind in evidence_ports.CHILDREN_VOICE],
        "staff": [e for e in voice if e.kind == "staff_survey"],
        "diagnostics": diagnostics_until(council, as_at),
    }


def self_assessment(report: Any) -> Document:
    council = report.council
    picture = board_picture(council, report.as_at)
    summary = picture.notice
    since = (summary.last_review_on or summary.notice.issued_on) if summary else None
    context = _evidence(report, picture)
    sections = [
        Section(
            "Summary of the council's assessment",
            paragraphs=(
                written(report, "summary") or ["The council has not yet written its summary."]
            )
            + review_timing_lines(summary),
            bullets=review_flags(summary),
            anchor="summary",
        ),
        previous_review_section(summary, picture.as_at),
        progress_section(report, picture),
        *[area_section(context, code, label) for code, label in ReviewArea.choices],
        children_section(context["children"], picture.as_at),
        diagnostics_section(context["diagnostics"], picture.as_at),
        Section(
            "Involvement of safeguarding partners and the improvement board",
            paragraphs=written(report, "partners"),
            tables=[
                attendance_table(council, since, picture.as_at),
                partner_table(council, picture),
            ],
            anchor="partners",
        ),
        board.key_section(council),
    ]
    subtitle = f"Figures as at {ukdate(picture.as_at)}."
    if summary is not None:
        subtitle += f" {summary.next_review_sentence}"
    return Document(
        kind="self_assessment",
        title=report.title,
        council=council.name,
        subtitle=subtitle,
        sections=sections,
        figures=board.summary_figures(picture),
    )


def findings_table(report: Any, picture: Any) -> Table:
    by_objective = {o.objective.pk: o for o in picture.objectives}
    rows = []
    for finding in report.council.findings.live().prefetch_related("objectives"):
        progress = [by_objective[o.pk] for o in finding.objectives.all() if o.pk in by_objective]
        done = sum(p.complete for p in progress)
        total = sum(len(p.actions) for p in progress)
        rows.append(
            [
                f"{finding.get_kind_display()} {finding.ref}: {finding.text}".strip(),
                "; ".join(str(p.objective) for p in progress) or "No objective answers this yet",
                f"{pct(percentage(done, total))} ({done} of {total})" if total else "No actions",
            ]
        )
    head = ["Ofsted finding", "Objectives", "Actions complete"]
    return Table(
        "Improvement against the Ofsted findings", head, rows, "No Ofsted finding recorded."
    )


def slow_section(report: Any, picture: Any, summaries: list[Any]) -> Section:
    """Actions slow to progress with their reasons, and objectives whose measures are
    off target and not improving, each measure by name."""
    council = report.council
    rows = [
        [
            f"{item.action.ref} {item.action.title}".strip(),
            tag(rating_label(council, item.rating), rating_entry(council, item.rating)["colour"]),
            "; ".join(item.reasons),
            (item.latest_update.support_needed if item.latest_update else "") or "None recorded",
        ]
        for item in picture.slow
    ]
    flagged = [
        f"{objective}: {s.measure.name} is off target ({s.latest_display} against "
        f"{s.target_display}) and not improving"
        for s in summaries
        if s.slow
        for objective in s.measure.objectives.all()
    ]
    count = len(picture.slow)
    return Section(
        "Areas slow to progress",
        paragraphs=[
            f"{counted(count, 'action')} {verb(count)} slow to progress (Improvement Notice, 5d)."
        ]
        + written(report, "concerns"),
        bullets=flagged,
        tables=[
            Table(
                "Actions slow to progress",
                ["Action", "Rating", "Why it is flagged", "Support or capacity needed"],
                rows,
                "No action is slow to progress.",
            )
        ],
        anchor="slow",
    )


def adviser(report: Any) -> Document:
    council = report.council
    picture = board_picture(council, report.as_at)
    summary = picture.notice
    summaries = evidence_ports.measure_summaries(council, picture.as_at)
    diagnostics = diagnostics_until(council, picture.as_at)
    judgement = written(report, "judgement") or ["The adviser has not yet given a judgement."]
    table = Table(
        "Progress by objective", OBJECTIVE_HEAD, objective_rows(picture.objectives),
        "The plan has no objectives.",
    )  # fmt: skip
    sections = [
        Section("Progress or concern", paragraphs=judgement + written(report, "summary")),
        Section(
            "DfE reviews",
            paragraphs=review_timing_lines(summary),
            bullets=review_flags(summary),
            subsections=[previous_review_section(summary, picture.as_at)],
            anchor="reviews",
        ),
        Section(
            "Progress against the improvement plan",
            paragraphs=progress_lines(council, picture) + written(report, "progress"),
            tables=[table],
        ),
        slow_section(report, picture, summaries),
        Section(
            "Performance",
            paragraphs=measure_analysis(summaries) + written(report, "performance"),
            bullets=off_target(summaries),
            tables=[measure_table(summaries, "Measures", "No measure is held.")],
        ),
        Section(
            "Improvement against the Ofsted requirements",
            paragraphs=written(report, "ofsted"),
            tables=[findings_table(report, picture)],
        ),
        diagnostics_section(diagnostics, picture.as_at),
        board.key_section(council),
    ]
    return Document(
        kind="adviser",
        title=report.title,
        council=council.name,
        subtitle=f"To the Department for Education. As at {ukdate(picture.as_at)}.",
        sections=sections,
        figures=board.summary_figures(picture),
    )


__all__ = ["adviser", "counted", "rating_label", "self_assessment"]
