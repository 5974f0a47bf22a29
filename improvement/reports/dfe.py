"""For the DfE: the council's self-assessment before each review (Improvement Notice,
10) and the adviser's report of progress or concern (13), from the same data as the
board's reports, with the text drafted in the app.

The self-assessment is organised by the areas a review may cover (7), each with the
plan's progress on the objectives tagged for it, the measures and audits tagged for
it and what children and young people said; tags are set on the records, never
guessed from their words (docs/adr/028). Nothing printed is an internal identifier,
every count agrees with its noun, and a section with nothing to show says so."""

import datetime
from collections import defaultdict
from typing import Any

from improvement.board.picture import board_picture
from improvement.core.numbers import percentage
from improvement.core.templatetags.ib import pct, rating_entry, rating_label, ukdate
from improvement.documents.structure import Document, Section, Table, paragraphs, tag
from improvement.evidence import ports as evidence_ports
from improvement.evidence import ratings
from improvement.plans.ports import (
    Rating,
    ReviewArea,
    area_labels,
    diagnostics_until,
    tagged,
)
from improvement.reports import board, queries

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
MEASURE_HEAD = [
    "Measure",
    "Target",
    "Latest",
    "England",
    "Statistical neighbours",
    "Rating",
    "Direction of travel",
]
OBJECTIVE_HEAD = ["Objective", "Actions", "Complete", "Red or Amber", "Slow to progress"]


def counted(number: int, singular: str, plural: str = "") -> str:
    """'1 action', '0 objectives': a count that agrees with its noun."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def written(report: Any, key: str) -> list[str]:
    return paragraphs((report.sections or {}).get(key, ""))


# Reviews: their timing, and what the previous one found.


def review_timing_lines(summary: Any) -> list[str]:
    """The last review and the next, in words, with what is later than the notice allows."""
    if summary is None:
        return ["No improvement notice is recorded, so no DfE review is due."]
    notice = summary.notice
    last = summary.held[-1] if summary.held else None
    lines = [
        f"The Improvement Notice of {ukdate(notice.issued_on)} provides for DfE reviews of "
        f"progress at least every {counted(notice.review_interval_months, 'month')}.",
        f"The last DfE review was held on {ukdate(last.review.held_on)}."
        if last
        else "No DfE review has been held yet.",
        summary.next_review_sentence,
    ]
    return lines


def review_flags(summary: Any) -> list[str]:
    return summary.flags if summary is not None else []


def previous_review_section(summary: Any, as_at: datetime.date) -> Section:
    """The previous review's findings and the council's response (Improvement Notice, 10)."""
    heading = "The previous DfE review: its findings and the council's response"
    if summary is None or not summary.held:
        return Section(heading, paragraphs=[f"No DfE review had been held by {ukdate(as_at)}."])
    held = summary.held[-1]
    review = held.review
    by = f" by {review.reviewer}" if review.reviewer else ""
    text = [f"The DfE review of {ukdate(review.held_on)}{by}."]
    if held.late:
        text.append(held.timing)
    findings = paragraphs(review.summary) or ["Its findings have not been recorded."]
    response = paragraphs(review.response) or [
        "The council has not yet recorded its response to this review."
    ]
    return Section(
        heading,
        paragraphs=text,
        subsections=[
            Section("What the review found", paragraphs=findings),
            Section("The council's response", paragraphs=response),
        ],
        anchor="previous-review",
    )


# The plan's progress, by objective.


def _red_or_amber(items: list[Any]) -> int:
    return sum(1 for item in items if item.rating in (Rating.RED, Rating.AMBER))


def objective_rows(objectives: list[Any]) -> list[list[str]]:
    return [
        [
            str(o.objective),
            str(len(o.actions)),
            f"{pct(o.complete_pct)} ({o.complete} of {len(o.actions)})"
            if o.actions
            else "No actions",
            str(_red_or_amber(o.actions)),
            str(len(o.slow)),
        ]
        for o in objectives
    ]


def progress_lines(council: Any, picture: Any) -> list[str]:
    actions = picture.actions
    counts = ", ".join(
        f"{picture.rating_counts.get(code, 0)} {rating_label(council, code)}"
        for code in board.rating_codes(council)
    )
    return [
        f"As at {ukdate(picture.as_at)}, the improvement plan holds "
        f"{counted(len(picture.objectives), 'objective')} and "
        f"{counted(len(actions), 'action')}, of which {picture.complete} "
        f"{'is' if picture.complete == 1 else 'are'} complete ({pct(picture.complete_pct)}).",
        f"By rating: {counts}." if actions else "No action has been rated yet.",
        f"{counted(len(picture.slow), 'action')} "
        f"{'is' if len(picture.slow) == 1 else 'are'} slow to progress.",
    ]


def progress_section(report: Any, picture: Any) -> Section:
    untagged = [str(o.objective) for o in picture.objectives if not o.objective.review_areas]
    rows = [
        row + ["; ".join(area_labels(o.objective.review_areas)) or "None"]
        for row, o in zip(objective_rows(picture.objectives), picture.objectives, strict=True)
    ]
    table = Table(
        "Progress by objective",
        [*OBJECTIVE_HEAD, "Review areas"],
        rows,
        "The plan has no objectives.",
    )
    note = (
        [f"{counted(len(untagged), 'objective')} not yet tagged with a review area:"]
        if untagged
        else []
    )
    return Section(
        "Progress against the improvement plan objectives",
        paragraphs=progress_lines(report.council, picture) + written(report, "progress") + note,
        bullets=untagged,
        tables=[table],
        anchor="progress",
    )


# Performance data.


def measure_rows(summaries: list[Any]) -> list[list[Any]]:
    """Each measure by its name (never its code), with target, latest and benchmarks."""
    return [
        [
            s.measure.name,
            s.target_display,
            f"{s.latest_display} {s.latest_fraction}".strip(),
            evidence_ports.benchmark_display(s, "england"),
            evidence_ports.benchmark_display(s, "neighbours"),
            tag(s.rating_label, s.rating_colour),
            s.direction_label,
        ]
        for s in summaries
    ]


def measure_table(summaries: list[Any], caption: str, empty: str) -> Table:
    return Table(caption, MEASURE_HEAD, measure_rows(summaries), empty)


def measure_analysis(summaries: list[Any]) -> list[str]:
    if not summaries:
        return ["No measure is held."]

    def count(attr: str, value: Any) -> int:
        return sum(1 for s in summaries if getattr(s, attr) == value)

    return [
        f"Of {counted(len(summaries), 'measure')}, {count('rating', ratings.ON_TARGET)} on "
        f"target, {count('rating', ratings.WITHIN_TOLERANCE)} within tolerance and "
        f"{count('rating', ratings.OFF_TARGET)} off target.",
        f"Over their last three values, {count('direction', ratings.IMPROVING)} improving, "
        f"{count('direction', ratings.WORSENING)} worsening and "
        f"{count('direction', ratings.NO_CHANGE)} unchanged.",
    ]


def off_target(summaries: list[Any]) -> list[str]:
    return [
        f"{s.measure.name}: {s.latest_display} against a target of {s.target_display}; "
        f"{s.direction_label.lower()}"
        for s in summaries
        if s.rating == ratings.OFF_TARGET
    ]


# The evidence of each review area.


def _audit_table(audits: list[Any], empty: str) -> Table:
    rows = [
        [
            ukdate(audit.held_on),
            f"{audit.theme} ({audit.service_area})",
            str(audit.cases),
            f"{pct(percentage(audit.outstanding + audit.good, audit.graded))} "
            f"({audit.outstanding + audit.good} of {audit.graded})",
            audit.learning or "None recorded",
        ]
        for audit in audits
    ]
    head = ["Held", "Theme", "Cases", "Good or better", "Learning"]
    return Table("Case file audits", head, rows, empty)


def children_themes(events: list[Any], objective_ids: set[int]) -> list[str]:
    """What children and young people said that bears on these objectives."""
    return [
        f"{event.title} ({ukdate(event.held_on)}): {theme.title}"
        + (f". {theme.summary}" if theme.summary else "")
        for event in events
        for theme in event.themes.all()
        if objective_ids & {o.pk for o in theme.objectives.all()}
    ]


def area_section(context: dict[str, Any], code: str, label: str) -> Section:
    """One review area: the council's text, and the objectives, measures, audits,
    children's views and diagnostic reviews tagged for it."""
    report, picture = context["report"], context["picture"]
    name = label[0].lower() + label[1:]
    objectives = [o for o in picture.objectives if code in (o.objective.review_areas or [])]
    actions = [item for o in objectives for item in o.actions]
    summaries = tagged_summaries(context["summaries"], code)
    audits = tagged(context["audits"], code)
    voices = children_themes(context["children"], {o.objective.pk for o in objectives})
    diagnostics = [str(d) for d in tagged(context["diagnostics"], code)]
    done = sum(item.complete for item in actions)
    progress = (
        [
            f"{counted(len(objectives), 'objective')} with {counted(len(actions), 'action')}: "
            f"{done} complete ({pct(percentage(done, len(actions)))})."
        ]
        if objectives
        else []
    )
    subsections = [
        Section(
            "Progress on the objectives",
            paragraphs=progress,
            tables=[
                Table(
                    f"Objectives for {name}",
                    OBJECTIVE_HEAD,
                    objective_rows(objectives),
                    f"No objective of the plan is tagged for {name}.",
                )
            ],
        ),
        Section(
            "Performance data",
            paragraphs=measure_analysis(summaries) if summaries else [],
            tables=[
                measure_table(
                    summaries, f"Measures for {name}", f"No measure is tagged for {name}."
                )
            ],
        ),
        Section(
            "The views of children and young people",
            paragraphs=[] if voices else [f"No views of children recorded for {name}."],
            bullets=voices,
        ),
        Section(
            "Case file audits",
            tables=[_audit_table(audits, f"No case file audit is tagged for {name}.")],
        ),
    ]
    if diagnostics:
        subsections.append(Section("Diagnostic reviews of this area", bullets=diagnostics))
    if code == ReviewArea.WORKFORCE:
        subsections += workforce_extras(report, context["staff"])
    return Section(
        label,
        paragraphs=written(report, code)
        or [f"The council has not yet written its assessment of {name}."],
        subsections=subsections,
        anchor=f"area-{code}",
    )


def tagged_summaries(summaries: list[Any], code: str) -> list[Any]:
    return [s for s in summaries if code in (s.measure.review_areas or [])]


def workforce_extras(report: Any, staff: list[Any]) -> list[Section]:
    """Staff surveys and supervision (Improvement Notice, 10c and 10d): the council's
    text, and staff surveys; the measures and audits of supervision are those tagged
    for workforce and management oversight, shown above."""
    rows = [
        [
            ukdate(event.held_on),
            event.title,
            event.participants
            + (f" ({event.participant_count})" if event.participant_count else ""),
            event.headlines,
        ]
        for event in staff
    ]
    return [
        Section(
            "Staff surveys",
            paragraphs=written(report, "surveys"),
            tables=[
                Table(
                    "Staff surveys",
                    ["Held", "Survey", "Who took part", "Headlines"],
                    rows,
                    "No staff survey recorded.",
                )
            ],
        ),
        Section(
            "Staff supervision and the quality of feedback",
            paragraphs=written(report, "supervision")
            or ["The council has not yet written about supervision and feedback."],
        ),
    ]


def children_section(events: list[Any], as_at: datetime.date) -> Section:
    rows = [
        [
            ukdate(event.held_on),
            f"{event.title} ({event.get_kind_display()})",
            event.participants
            + (f" ({event.participant_count})" if event.participant_count else ""),
            event.headlines,
        ]
        for event in events
    ]
    return Section(
        "The views of children and young people",
        paragraphs=[
            "Forums and surveys of children and young people, and what they said "
            "(Improvement Notice, 5e)."
        ],
        tables=[
            Table(
                "Forums and surveys of children and young people",
                ["Held", "What", "Who took part", "Headlines"],
                rows,
                f"No views of children recorded by {ukdate(as_at)}.",
            )
        ],
        anchor="children",
    )


# Diagnostic reviews (Improvement Notice, 8).


def diagnostics_section(diagnostics: list[Any], as_at: datetime.date) -> Section:
    subsections = []
    for review in diagnostics:
        dates = f"Started {ukdate(review.started_on)}; " + (
            f"reported {ukdate(review.reported_on)}." if review.reported_on else "not yet reported."
        )
        areas = "; ".join(area_labels(review.review_areas))
        rows = [
            [
                finding.text,
                "; ".join(str(o) for o in finding.objectives.all())
                or "No objective answers this yet",
            ]
            for finding in review.live_findings
        ]
        subsections.append(
            Section(
                review.title,
                paragraphs=[
                    f"Commissioned by: {review.commissioned_by}. Carried out by: "
                    f"{review.carried_out_by}. {dates}"
                    + (f" Review areas: {areas}." if areas else ""),
                    *paragraphs(review.summary),
                ],
                tables=[
                    Table(
                        "Findings",
                        ["Finding", "Objectives that answer it"],
                        rows,
                        "No finding recorded yet.",
                    )
                ],
            )
        )
    count = len(diagnostics)
    lead = (
        f"{counted(count, 'diagnostic review')} commissioned by {ukdate(as_at)} "
        "(Improvement Notice, 8), with the objectives that answer each finding."
        if count
        else f"No diagnostic review had been commissioned by {ukdate(as_at)}."
    )
    return Section(
        "Diagnostic reviews", paragraphs=[lead], subsections=subsections, anchor="diagnostics"
    )


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
            str(_red_or_amber(items)),
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
            f"{counted(count, 'action')} {'is' if count == 1 else 'are'} slow to progress "
            "(Improvement Notice, 5d)."
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
