"""Report sections from the evidence: measures with charts, targets and benchmarks,
and the evidence of impact on practice and on children and families."""

import datetime
from collections import Counter
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
NOT_HELD = "Not held"
# The benchmarks a scorecard shows, each in a column of its own when any measure holds one.
BENCHMARKS = {"england": "England", "neighbours": "Statistical neighbours"}


def england(summary: Any) -> str:
    """The England figure with its period: the summary holds only benchmarks published by
    the report's date, so a report never quotes a figure that came out after it."""
    found = summary.england
    return f"{summary.england_display} ({found.year})" if found else NOT_HELD


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


def _commonest(values: list[str]) -> str:
    """The value most rows share: said once in the heading, not in every row."""
    return Counter(values).most_common(1)[0][0] if values else ""


def _held(summary: Any, kind: str) -> Any:
    found = [b for b in summary.benchmarks if b.kind == kind]
    return found[-1] if found else None


def _benchmark_cell(summary: Any, kind: str, year: str) -> str:
    found = _held(summary, kind)
    if found is None:
        return NOT_HELD
    value = format_value(found.value, summary.measure.unit)
    return value if found.year == year else f"{value} ({found.year})"


def _latest_cell(summary: Any, month: str) -> str:
    if summary.latest is None:
        return "No value yet"
    period = f"{summary.latest.period:%b %Y}"
    return summary.latest_display if period == month else f"{summary.latest_display} ({period})"


def scorecard_table(summaries: list[Any]) -> Table:
    """One row a measure, each cell one short line, so the scorecard fits one A4 page:
    the month of the latest values and the year of the benchmarks most rows share are
    said once in the heading, and only a row that differs names its own."""
    month = _commonest([f"{s.latest.period:%b %Y}" for s in summaries if s.latest])
    years = {
        kind: _commonest([b.year for s in summaries if (b := _held(s, kind))])
        for kind in BENCHMARKS
    }

    def head(label: str, when: str) -> str:
        return f"{label} ({when})" if when else label

    held = [kind for kind in BENCHMARKS if any(_held(s, kind) for s in summaries)]
    rows = [
        [
            s.measure.name,
            _latest_cell(s, month),
            s.target_display if s.measure.target is not None else "Not set",
            *[_benchmark_cell(s, kind, years[kind]) for kind in held],
            s.direction_label,
            tag(s.rating_label, s.rating_colour),
        ]
        for s in summaries
    ]
    columns = [
        "Measure",
        head("Latest", month),
        "Target",
        *[head(BENCHMARKS[kind], years[kind]) for kind in held],
        "Direction",
        "Rating",
    ]
    caption = "Measures against target and benchmarks"
    return Table(caption, columns, rows, "No measures are recorded yet.")


def _unheld(summaries: list[Any]) -> list[str]:
    """A sentence for each kind of benchmark no measure holds, in place of its column."""
    return [
        f"No {BENCHMARKS[kind].lower()} benchmark is held for any measure."
        for kind in BENCHMARKS
        if not any(_held(s, kind) for s in summaries)
    ]


def scorecard_section(summaries: list[Any], as_at: datetime.date) -> Section:
    """Every measure on one page: the board's scorecard (its charts are an appendix)."""
    text = analysis(summaries)
    if summaries:
        text[-1] += (
            " Direction is judged by whether higher or lower is better for each measure; "
            f"benchmarks are those published by {ukdate(as_at)}. Each measure is charted "
            "in the appendix."
        )
        text += _unheld(summaries)
    # A page of its own, so it is one page whatever comes before it.
    return Section(
        "Scorecard",
        paragraphs=text,
        tables=[scorecard_table(summaries)],
        anchor="scorecard",
        new_page=True,
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
        f"{counted(count, 'objective')} {verb(count)} flagged as slow to progress: a measure "
        "linked to each is off target and has not improved over its last three values."
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
        new_page=True,
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
