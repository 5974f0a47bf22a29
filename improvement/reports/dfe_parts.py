"""The pieces both DfE documents print: counts that agree with their nouns, the
reviews' timing and the previous review, the plan's progress by objective, measures
by name with their benchmarks, and the diagnostic reviews (docs/adr/028)."""

import datetime
from typing import Any

from improvement.core.templatetags.ib import pct, rating_label, ukdate
from improvement.core.text import plural as counted
from improvement.documents.structure import Section, Table, paragraphs, tag
from improvement.evidence import ports as evidence_ports
from improvement.evidence import ratings
from improvement.plans.ports import (
    Rating,
    area_labels,
)
from improvement.reports import board
from improvement.reports.wording import verb

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
    review = summary.held[-1].review
    by = f" by {review.reviewer}" if review.reviewer else ""
    # Its lateness, if any, is among the flags of the review timing, said once.
    text = [f"The DfE review of {ukdate(review.held_on)}{by}."]
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


def red_or_amber(items: list[Any]) -> int:
    return sum(1 for item in items if item.rating in (Rating.RED, Rating.AMBER))


def objective_rows(objectives: list[Any]) -> list[list[str]]:
    return [
        [
            str(o.objective),
            str(len(o.actions)),
            f"{pct(o.complete_pct)} ({o.complete} of {len(o.actions)})"
            if o.actions
            else "No actions",
            str(red_or_amber(o.actions)),
            str(len(o.slow)),
        ]
        for o in objectives
    ]


def progress_lines(council: Any, picture: Any) -> list[str]:
    """The plan's progress in three sentences, counts agreeing with their nouns: what the
    DfE's documents and a committee report say of it."""
    actions = picture.actions
    counts = ", ".join(
        f"{picture.rating_counts.get(code, 0)} {rating_label(council, code)}"
        for code in board.rating_codes(council)
    )
    return [
        f"As at {ukdate(picture.as_at)}, the improvement plan holds "
        f"{counted(len(picture.objectives), 'objective')} and "
        f"{counted(len(actions), 'action')}, of which {picture.complete} "
        f"{verb(picture.complete)} complete ({pct(picture.complete_pct)}).",
        f"By rating: {counts}." if actions else "No action has been rated yet.",
        f"{counted(len(picture.slow), 'action')} {verb(len(picture.slow))} slow to progress.",
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
