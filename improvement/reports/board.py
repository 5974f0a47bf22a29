"""The board progress report for one meeting, as at its date: every figure from
`board_picture`, the dashboard's own source, so the two never disagree.

It reads as a council's board papers do (docs/adr/026): a front sheet and the
recommendations first, then a summary, a one-page scorecard, the objectives flagged
by their measures, the plan's progress, the asks for capacity, partners' updates, the
DfE's review, the notice's deadline, the evidence of impact, the action log and the
key to the ratings; charts and long tables are appendices."""

import datetime
from typing import Any

from improvement.board.picture import board_picture
from improvement.core.templatetags.ib import pct, rating_entry, rating_label, ukdate
from improvement.documents.structure import Document, Section, Table, lines, tag
from improvement.evidence import ratings
from improvement.evidence.queries import measure_summaries
from improvement.meetings.queries import previous_meeting
from improvement.plans.picture import PlanPicture
from improvement.plans.progress import NOT_RATED
from improvement.reports import charts, evidence, exceptions, front_sheet, partners, review
from improvement.reports.queries import action_log_until, exempt_actions_until, meeting_day
from improvement.reports.review import rating_tag
from improvement.reports.wording import counted, verb

NO_RECOMMENDATIONS = "The report's author has not yet written recommendations to the board."
# A plan with more actions than this is summarised by objective, with per-action detail
# only for its exceptions; every action is then an appendix, on request (docs/adr/020).
FULL_TABLE_LIMIT = 150
EVERY_ACTION = (
    f"add every action as an appendix to the report of a plan of more than {FULL_TABLE_LIMIT} "
    "actions (a smaller plan's report always lists every action)"
)


MEASURE_MEANINGS = {
    ratings.ON_TARGET: "At its target or better",
    ratings.WITHIN_TOLERANCE: "Short of its target, within the tolerance the council set",
    ratings.OFF_TARGET: "Short of its target by more than the tolerance",
    None: "No value or no target yet",
}
NO_ASKS = (
    "No objective is slow to progress, and no action's owner has asked for capacity, "
    "finance or other support."
)


def colour_name(colour: str) -> str:
    """A tag colour in words, so the key says it as well as showing it."""
    return colour.replace("-", " ").capitalize()


def rating_codes(council: Any) -> list[str]:
    return [row["code"] for row in council.rating_scale] + [NOT_RATED]


def summary_figures(picture: PlanPicture) -> dict[str, Any]:
    """The dashboard's figures: what the tests compare with `board_picture`."""
    return {
        "as_at": picture.as_at.isoformat(),
        "actions": len(picture.actions),
        "complete": picture.complete,
        "complete_pct": _number(picture.complete_pct),
        "rating_counts": dict(picture.rating_counts),
        "slow": len(picture.slow),
        "objectives": [
            {
                "id": item.objective.pk,
                "title": str(item.objective),
                "actions": len(item.actions),
                "complete": item.complete,
                "complete_pct": _number(item.complete_pct),
                "rating_counts": dict(item.rating_counts),
                "flagged": item.flagged,
            }
            for item in picture.objectives
        ],
    }


def _number(value: Any) -> str | None:
    return None if value is None else str(value)


def _owners(item: Any) -> str:
    names = "; ".join(owner.name for owner in item.action.owners.all())
    return f"{names} ({item.action.organisation})" if names else str(item.action.organisation)


def _due(item: Any) -> str:
    return ukdate(item.due_on) or item.action.due_text or "Not set"


def _change(council: Any, item: Any, before: dict[int, str] | None) -> str:
    if before is None:
        return "First report"
    if item.action.pk not in before:
        return "New since the last meeting"
    old = before[item.action.pk]
    if old == item.rating:
        return "No change"
    return f"{rating_label(council, old)} to {rating_label(council, item.rating)}"


def _summary(
    council: Any, picture: PlanPicture, previous: PlanPicture | None, day: datetime.date
) -> Section:
    codes = rating_codes(council)
    now = [picture.rating_counts.get(code, 0) for code in codes]
    before = [previous.rating_counts.get(code, 0) for code in codes] if previous else None
    labels = [rating_label(council, code) for code in codes]
    slow, objectives = len(picture.slow), len(picture.slow_objectives)
    text = [
        f"{counted(picture.complete, 'action')} of {len(picture.actions)} "
        f"{verb(picture.complete)} complete ({pct(picture.complete_pct)}), as at "
        f"{ukdate(picture.as_at)}. {counted(slow, 'action')} and "
        f"{counted(objectives, 'objective')} {verb(slow + objectives)} slow to progress."
    ]
    if previous:
        text.append(
            f"At the last meeting, on {ukdate(previous.as_at)}, "
            f"{counted(previous.complete, 'action')} of {len(previous.actions)} "
            f"{verb(previous.complete, 'was', 'were')} complete ({pct(previous.complete_pct)})."
        )
    text += review.countdown(picture, day)
    rows = [
        [
            rating_tag(council, codes[i]),
            str(n),
            str(before[i]) if before else "",
            _delta(n, before[i] if before else None),
        ]
        for i, n in enumerate(now)
    ]
    table = Table("Actions by rating", ["Rating", "Now", "At the last meeting", "Change"], rows)
    names = (ukdate(picture.as_at), ukdate(previous.as_at) if previous else "")
    chart = charts.ratings_chart(labels, now, before, names)
    return Section("Summary", paragraphs=text, charts=[chart], tables=[table], anchor="summary")


def _delta(now: int, before: int | None) -> str:
    if before is None:
        return ""
    return f"{now - before:+d}" if now != before else "0"


def _objective(council: Any, progress: Any, before: dict[int, str] | None) -> Section:
    head = ["Action", "Rating", "Reason", "Owner", "Due", "Since the last meeting"]
    rows = [
        [
            f"{item.action.ref} {item.action.title}".strip(),
            rating_tag(council, item.rating),
            _reason(item),
            _owners(item),
            _due(item),
            _change(council, item, before),
        ]
        for item in progress.actions
    ]
    text = (
        f"{progress.complete} of {counted(len(progress.actions), 'action')} complete "
        f"({pct(progress.complete_pct)})."
    )
    if progress.flagged:
        text += " This objective is slow to progress."
    return Section(
        str(progress.objective),
        paragraphs=[text],
        tables=[Table(f"Actions of {progress.objective}", head, rows, "No actions.")],
    )


def _reason(item: Any) -> str:
    reason = item.latest_update.reason if item.latest_update else ""
    return reason or "None given"


def _by_objective(council: Any, picture: PlanPicture, previous: PlanPicture | None) -> Section:
    before = {item.action.pk: item.rating for item in previous.actions} if previous else None
    return Section(
        "Progress by objective",
        paragraphs=["Each action's latest rating with its reason, its owner and due date."],
        subsections=[_objective(council, o, before) for o in picture.objectives],
        anchor="objectives",
    )


def _slow(council: Any, picture: PlanPicture) -> Section:
    head = ["Action", "Rating", "Why it is flagged", "Support or capacity needed"]
    rows = [
        [
            f"{item.action.ref} {item.action.title}".strip(),
            rating_tag(council, item.rating),
            "; ".join(item.reasons),
            (item.latest_update.support_needed if item.latest_update else "") or "None recorded",
        ]
        for item in picture.slow
    ]
    slow = len(picture.slow)
    text = [
        f"{counted(slow, 'action')} {verb(slow)} slow to progress, with every reason and the "
        "support, capacity or partner contribution their owners asked for (Improvement "
        "Notice, 5d). Objectives flagged by their measures have a section of their own."
    ]
    return Section(
        "Slow to progress",
        paragraphs=text,
        tables=[Table("Actions slow to progress", head, rows, "No action is slow to progress.")],
        anchor="slow",
    )


def _action_log(meeting: Any, as_at: datetime.date) -> Section:
    head = ["Raised", "Action", "Owner", "Due", "Status", "Outcome"]
    rows = []
    for entry in action_log_until(meeting, as_at):
        done = entry.closed_on is not None and entry.closed_on <= as_at
        rows.append(
            [
                ukdate(meeting_day(entry.meeting)),
                entry.text,
                entry.owner.name if entry.owner else "",
                ukdate(entry.due_on),
                f"Done {ukdate(entry.closed_on)}" if done else "Open",
                entry.outcome if done else "",
            ]
        )
    withheld = exempt_actions_until(meeting)
    notes = (
        [
            f"{counted(withheld, 'action')} arising from exempt items (Schedule 12A) "
            f"{verb(withheld)} not listed here; board members see them in the meeting records."
        ]
        if withheld
        else []
    )
    return Section(
        "The board's action log",
        paragraphs=notes,
        tables=[Table("Action log", head, rows, "No actions logged.")],
        anchor="action-log",
    )


def key_section(council: Any) -> Section:
    """Each rating of the council's scale with its colour and meaning, and the ratings
    of measures the scorecard uses."""
    rows = [
        [rating_tag(council, row["code"]), colour_name(row["colour"]),
         row["meaning"]]
        for row in council.rating_scale
    ]  # fmt: skip
    entry = rating_entry(council, NOT_RATED)
    rows.append([rating_tag(council, NOT_RATED), colour_name(entry["colour"]),
                 "No rated update yet"])  # fmt: skip
    measures = [
        [tag(ratings.RATING_LABELS[code], colour), colour_name(colour), MEASURE_MEANINGS[code]]
        for code, colour in ratings.RATING_COLOURS.items()
    ]
    return Section(
        "Key to the ratings",
        paragraphs=["Every rating is given with its reason."],
        tables=[
            Table("Ratings of actions", ["Rating", "Colour", "Meaning"], rows),
            Table(
                "Ratings of measures in the scorecard", ["Rating", "Colour", "Meaning"], measures
            ),
        ],  # fmt: skip
        anchor="key",
    )


def recommendations_section(text: str) -> Section:
    items = lines(text)
    return Section(
        "Recommendations to the board",
        numbered=items,
        paragraphs=[] if items else [NO_RECOMMENDATIONS],
        anchor="recommendations",
    )


def _asks(progress: Any) -> list[str]:
    return [
        f"{item.action.ref} {item.latest_update.support_needed}".strip()
        for item in progress.actions
        if item.latest_update is not None and item.latest_update.support_needed
    ]


def capacity_section(picture: PlanPicture) -> Section:
    """The objectives slow to progress and the capacity, finance or other support their
    actions' owners asked for (Improvement Notice, 5d), objective by objective."""
    rows = []
    for progress in picture.objectives:
        asks = _asks(progress)
        if not (progress.flagged or asks):
            continue
        why = []
        if progress.slow:
            why.append(f"{counted(len(progress.slow), 'action')} slow to progress")
        if progress.measure_reasons:
            why.append(f"{counted(len(progress.measure_reasons), 'measure')} off target")
        rows.append(
            [
                str(progress.objective),
                "; ".join(why) or "Not slow to progress",
                "\n".join(asks) or "None asked for",
            ]
        )
    if not rows:
        return Section("Capacity and finance asks", paragraphs=[NO_ASKS], anchor="capacity")
    head = ["Objective", "Why it is slow", "Capacity, finance or support asked for"]
    return Section(
        "Capacity and finance asks",
        paragraphs=[
            "Where objectives are slow to progress, and where contributions need to be "
            "strengthened or more capacity is needed, as the owners of their actions said "
            "in their latest updates (Improvement Notice, 5d)."
        ],
        tables=[Table("Capacity and finance asks", head, rows)],
        anchor="capacity",
    )


def pictures(meeting: Any) -> tuple[PlanPicture, PlanPicture | None]:
    """The plan as at this meeting, and as at the last one (None for the first)."""
    picture = board_picture(meeting.council, meeting_day(meeting))
    earlier = previous_meeting(meeting)
    previous = board_picture(meeting.council, meeting_day(earlier)) if earlier else None
    return picture, previous


def _plan_sections(
    council: Any, picture: PlanPicture, previous: PlanPicture | None, full_table: bool | None
) -> tuple[list[Section], list[Section]]:
    """The sections on the plan's progress, and the appendices: every action for a plan
    a board can read action by action, else a summary by objective and the exceptions,
    with every action as an appendix only if asked for."""
    if len(picture.actions) <= FULL_TABLE_LIMIT:
        return [_by_objective(council, picture, previous), _slow(council, picture)], []
    sections = [
        exceptions.objectives_section(council, picture, rating_codes(council)),
        exceptions.exceptions_section(council, picture, bool(full_table)),
    ]
    if not full_table:
        return sections, []
    appendix = _by_objective(council, picture, previous)
    appendix.heading = "Appendix: every action"
    appendix.anchor = "every-action"
    appendix.new_page = True
    return sections, [appendix]


def board_progress(
    meeting: Any,
    recommendations: str = "",
    title: str = "",
    full_table: bool | None = None,
    front: dict[str, str] | None = None,
) -> Document:
    """The board's progress report. `front` is the front sheet as written (blank fields
    take their defaults: `front_sheet.values`). `full_table` adds every action as an
    appendix to the report of a plan of more than FULL_TABLE_LIMIT actions (a smaller
    plan's report always lists every action)."""
    council = meeting.council
    picture, previous = pictures(meeting)
    since = previous.as_at if previous else None
    summaries = measure_summaries(council, picture.as_at)
    figures = summary_figures(picture)
    figures["previous"] = summary_figures(previous) if previous else None
    plan, appendices = _plan_sections(council, picture, previous, full_table)
    small = len(picture.actions) <= FULL_TABLE_LIMIT
    return Document(
        kind="board_progress",
        title=title or f"Progress report to the {meeting.body.name}",
        council=council.name,
        subtitle=(
            f"Meeting of {ukdate(meeting_day(meeting))}. Figures as at {ukdate(picture.as_at)}."
        ),
        header=front_sheet.rows(front or front_sheet.values(meeting)),
        sections=[
            recommendations_section(recommendations),
            _summary(council, picture, previous, meeting_day(meeting)),
            evidence.scorecard_section(summaries, picture.as_at),
            evidence.flagged_section(picture, summaries),
            *plan,
            capacity_section(picture),
            partners.partner_section(meeting, picture, since),
            review.review_section(council, picture),
            review.deadline_section(council, picture, meeting_day(meeting), listed=small),
            evidence.impact_section(council, picture.as_at),
            _action_log(meeting, picture.as_at),
            key_section(council),
            evidence.measures_appendix(council, summaries, picture.as_at),
            *appendices,
        ],
        figures=figures,
        # A large plan's exception tables, a little smaller, keep a pack to a readable size.
        font_size=10 if small else 9,
    )


def board_report(report: Any) -> Document:
    """A saved board report as its draft stands: the front sheet and recommendations
    its officer wrote, with the plan's figures as at its meeting."""
    front = front_sheet.values(report.meeting, report.author, report.sections)
    return board_progress(
        report.meeting, report.recommendations, report.title, report.every_action, front
    )
