"""Report sections from the evidence: measures with charts, targets and benchmarks,
and the evidence of impact on practice and on children and families."""

import datetime
from typing import Any

from improvement.complaints.ports import experience_lines
from improvement.core.numbers import percentage
from improvement.core.templatetags.ib import pct, ukdate
from improvement.documents.structure import Section, Table, tag
from improvement.evidence import ratings
from improvement.evidence.presenters import format_value
from improvement.reports import charts
from improvement.reports.queries import audits_until, measure_histories, voice_until
from improvement.reports.wording import counted, verb

MEASURE_HEAD = ["Measure", "Latest", "Target", "England", "Rating", "Direction of travel"]
SCORECARD_HEAD = [
    "Measure",
    "Latest",
    "Target",
    "England",
    "Statistical neighbours",
    "Direction",
    "Rating",
]
NOT_HELD = "Not held"
NEIGHBOURS = "neighbours"


def england(summary: Any) -> str:
    """The England figure with its period: the summary holds only benchmarks published by
    the report's date, so a report never quotes a figure that came out after it."""
    found = summary.england
    return f"{summary.england_display} ({found.year})" if found else NOT_HELD


def benchmark(summary: Any, kind: str) -> str:
    """The latest benchmark of a kind published by the report's date, with its period,
    or "Not held": never a figure the council does not have."""
    found = [b for b in summary.benchmarks if b.kind == kind]
    if not found:
        return NOT_HELD
    return f"{format_value(found[-1].value, summary.measure.unit)} ({found[-1].year})"


def measure_rows(summaries: list[Any]) -> list[list[str]]:
    # The measure's name only: its code is the service's identifier, not the board's.
    return [
        [
            s.measure.name,
            f"{s.latest_display} {s.latest_fraction}".strip(),
            s.target_display,
            england(s),
            s.rating_label,
            s.direction_label,
        ]
        for s in summaries
    ]


def analysis(summaries: list[Any]) -> list[str]:
    if not summaries:
        return ["No measures are recorded yet."]

    def count(attr: str, value: Any) -> int:
        return sum(1 for s in summaries if getattr(s, attr) == value)

    on_target, improving = count("rating", ratings.ON_TARGET), count("direction", ratings.IMPROVING)
    return [
        f"Of {counted(len(summaries), 'measure')}, {on_target} {verb(on_target)} on target, "
        f"{count('rating', ratings.WITHIN_TOLERANCE)} within tolerance and "
        f"{count('rating', ratings.OFF_TARGET)} off target.",
        f"Over their last three values {improving} {verb(improving)} improving, "
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


def scorecard_rows(summaries: list[Any]) -> list[list[Any]]:
    """One row a measure, short enough for the scorecard to fit one A4 page: the latest
    value with its month, the benchmarks held, the direction by the measure's polarity
    and its rating in colour."""
    return [
        [
            s.measure.name,
            f"{s.latest_display} ({s.latest.period:%b %Y})" if s.latest else "No value yet",
            s.target_display if s.measure.target is not None else "Not set",
            benchmark(s, "england"),
            benchmark(s, NEIGHBOURS),
            s.direction_label,
            tag(s.rating_label, s.rating_colour),
        ]
        for s in summaries
    ]


def scorecard_section(summaries: list[Any], as_at: datetime.date) -> Section:
    """Every measure on one page: the board's scorecard (its charts are an appendix)."""
    off = sum(1 for s in summaries if s.rating == ratings.OFF_TARGET)
    text = analysis(summaries)
    if summaries:
        text.append(
            f"{counted(off, 'measure')} {verb(off)} off target. Directions are judged by "
            "whether higher or lower is better for each measure; benchmarks are those "
            f"published by {ukdate(as_at)}. Each measure's trend is charted in the appendix."
        )
    return Section(
        "Scorecard",
        paragraphs=text,
        tables=[
            Table(
                "Measures against target and benchmarks",
                SCORECARD_HEAD,
                scorecard_rows(summaries),
                "No measures are recorded yet.",
            )
        ],
        anchor="scorecard",
    )


def flagged_section(picture: Any, summaries: list[Any]) -> Section:
    """The objectives the plan's figures flag because a linked measure is off target and
    not improving: the same flags as the dashboard's, worded without the measures' codes."""
    flagged = {progress.objective.pk: progress.objective for progress in picture.measure_flagged}
    rows = [
        [
            str(flagged[objective.pk]),
            s.measure.name,
            f"{s.latest_display} against a target of {s.target_display}",
            s.direction_label,
        ]
        for s in summaries
        if s.slow
        for objective in s.measure.objectives.all()
        if objective.pk in flagged
    ]
    count = len(flagged)
    text = (
        f"{counted(count, 'objective')} {verb(count)} flagged as slow to progress because a "
        "measure linked to it is off target and has not improved over its last three values."
        if count
        else "No objective is flagged by its measures: no linked measure is off target and "
        "not improving."
    )
    head = ["Objective", "Measure", "Latest", "Direction"]
    return Section(
        "Objectives flagged by their measures",
        paragraphs=[text],
        tables=[Table("Objectives flagged by their measures", head, rows)] if rows else [],
        anchor="flagged",
    )


def measures_appendix(council: Any, summaries: list[Any], as_at: datetime.date) -> Section:
    """Each measure's trend against its target and benchmarks, one chart a measure."""
    histories = measure_histories(council, as_at)
    subsections = []
    for summary in summaries:
        values = histories.get(summary.measure.pk, [])
        if not values:
            continue
        subsections.append(
            Section(
                summary.measure.name,
                paragraphs=[
                    f"Latest {summary.latest_display} ({ukdate(summary.latest.period)}); "
                    f"target {summary.target_display}; England {england(summary)}. "
                    f"{summary.rating_label}, {summary.direction_label.lower()}."
                ],
                charts=[charts.measure_chart(summary.measure, values, summary.benchmarks)],
            )
        )
    return Section(
        "Appendix: measures over time",
        paragraphs=[] if subsections else ["No measure has a value yet."],
        subsections=subsections,
        anchor="measure-charts",
    )


def audit_table(audits: list[Any]) -> Table:
    head = ["Held", "Theme", "Cases", "Good or better", "Learning"]
    rows = [
        [
            ukdate(audit.held_on),
            f"{audit.theme} ({audit.service_area})",
            str(audit.cases),
            _good(audit),
            audit.learning,
        ]
        for audit in audits
    ]
    return Table("Case file audits", head, rows, "No audits held yet.")


def _good(audit: Any) -> str:
    good = audit.outstanding + audit.good
    return f"{pct(percentage(good, audit.graded))} ({good} of {audit.graded})"


def voice_table(events: list[Any], caption: str = "The voice of staff, children and families"):
    head = ["Held", "What", "Who took part", "Headlines", "Themes"]
    rows = [
        [
            ukdate(event.held_on),
            f"{event.title} ({event.get_kind_display()})",
            event.participants
            + (f" ({event.participant_count})" if event.participant_count else ""),
            event.headlines,
            "; ".join(f"{t.title}: {t.summary}".rstrip(": ") for t in event.themes.all()),
        ]
        for event in events
    ]
    return Table(caption, head, rows, "None recorded yet.")


def impact_section(council: Any, as_at: datetime.date) -> Section:
    return Section(
        "Evidence of impact on practice and on children and families",
        paragraphs=[
            "What case file audits, the voice of staff, children and families, and "
            "complaints and compliments say, up to the report's date (Improvement Notice, 5c)."
        ],
        subsections=[
            Section(
                "Quality of practice", tables=[audit_table(list(audits_until(council, as_at)))]
            ),
            Section("Voice", tables=[voice_table(list(voice_until(council, as_at)))]),
            Section(
                "Experience of children and families: complaints and compliments",
                paragraphs=["Figures only; no case is described."],
                bullets=experience_lines(council, as_at),
            ),
        ],
        anchor="impact",
    )
