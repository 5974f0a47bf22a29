"""The self-assessment's sections by review area (Improvement Notice, 7): for each,
the objectives, measures and audits tagged for it and what children said about its
objectives; tags are set on the records, never guessed from their words."""

import datetime
from typing import Any

from improvement.core.numbers import percentage
from improvement.core.templatetags.ib import pct, ukdate
from improvement.documents.structure import Section, Table
from improvement.plans.ports import (
    ReviewArea,
    tagged,
)
from improvement.reports.dfe_parts import (
    OBJECTIVE_HEAD,
    counted,
    measure_analysis,
    measure_table,
    objective_rows,
    written,
)

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
