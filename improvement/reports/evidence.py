"""Report sections from the evidence: measures with charts, targets and benchmarks,
and the evidence of impact on practice and on children and families."""

import datetime
from typing import Any

from improvement.complaints.ports import experience_lines
from improvement.core.numbers import percentage
from improvement.core.templatetags.ib import pct, ukdate
from improvement.documents.structure import Section, Table
from improvement.evidence import ratings
from improvement.reports import charts
from improvement.reports.queries import audits_until, measure_histories, voice_until

MEASURE_HEAD = ["Measure", "Latest", "Target", "England", "Rating", "Direction of travel"]


def england(summary: Any) -> str:
    """The England figure with its period: the summary holds only benchmarks published by
    the report's date, so a report never quotes a figure that came out after it."""
    found = summary.england
    return f"{summary.england_display} ({found.year})" if found else summary.england_display


def measure_rows(summaries: list[Any]) -> list[list[str]]:
    return [
        [
            f"{s.measure.name} ({s.measure.code})",
            f"{s.latest_display} {s.latest_fraction}".strip(),
            s.target_display,
            england(s),
            s.rating_label,
            s.direction_label,
        ]
        for s in summaries
    ]


def analysis(summaries: list[Any]) -> list[str]:
    def count(attr: str, value: Any) -> int:
        return sum(1 for s in summaries if getattr(s, attr) == value)

    return [
        f"Of {len(summaries)} measures, {count('rating', ratings.ON_TARGET)} are on target, "
        f"{count('rating', ratings.WITHIN_TOLERANCE)} within tolerance and "
        f"{count('rating', ratings.OFF_TARGET)} off target.",
        f"Over their last three values {count('direction', ratings.IMPROVING)} are improving, "
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


def measures_section(council: Any, summaries: list[Any], as_at: datetime.date) -> Section:
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
    off = off_target(summaries)
    return Section(
        "Key performance measures",
        paragraphs=analysis(summaries)
        + ([f"{len(off)} measures are off target:"] if off else ["No measure is off target."]),
        bullets=off,
        tables=[Table("Measures, targets and benchmarks", MEASURE_HEAD, measure_rows(summaries))],
        subsections=subsections,
        anchor="measures",
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
