"""The board progress report for one meeting, as at its date: every figure from
`board_picture`, the dashboard's own source, so the two never disagree."""

import datetime
from typing import Any

from improvement.board.picture import board_picture
from improvement.core.templatetags.ib import pct, rating_entry, rating_label, ukdate
from improvement.documents.structure import Document, Section, Table, lines, tag
from improvement.evidence.queries import measure_summaries
from improvement.meetings.queries import previous_meeting
from improvement.plans.picture import PlanPicture
from improvement.plans.progress import NOT_RATED
from improvement.reports import charts, evidence, exceptions
from improvement.reports.queries import action_log_until, exempt_actions_until, meeting_day

NO_RECOMMENDATIONS = "The report's author has not yet written recommendations to the board."
# A plan with more actions than this is summarised by objective, with per-action detail
# only for its exceptions; every action is then an appendix, on request (docs/adr/020).
FULL_TABLE_LIMIT = 150
EVERY_ACTION = (
    f"add every action as an appendix to the report of a plan of more than {FULL_TABLE_LIMIT} "
    "actions (a smaller plan's report always lists every action)"
)


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


def _summary(council: Any, picture: PlanPicture, previous: PlanPicture | None) -> Section:
    codes = rating_codes(council)
    now = [picture.rating_counts.get(code, 0) for code in codes]
    before = [previous.rating_counts.get(code, 0) for code in codes] if previous else None
    labels = [rating_label(council, code) for code in codes]
    text = [
        f"{picture.complete} of {len(picture.actions)} actions are complete "
        f"({pct(picture.complete_pct)}), as at {ukdate(picture.as_at)}. "
        f"{len(picture.slow)} actions and {len(picture.slow_objectives)} objectives are slow "
        "to progress."
    ]
    if previous:
        text.append(
            f"At the last meeting, on {ukdate(previous.as_at)}, {previous.complete} of "
            f"{len(previous.actions)} actions were complete ({pct(previous.complete_pct)})."
        )
    if picture.notice:
        text.append(f"The next DfE review is due by {ukdate(picture.notice.next_review_due)}.")
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


def rating_tag(council: Any, code: str) -> dict[str, str]:
    """A rating as a tag in a table: its label, in its colour."""
    entry = rating_entry(council, code)
    return tag(entry["label"], entry["colour"])


def _delta(now: int, before: int | None) -> str:
    if before is None:
        return ""
    return f"{now - before:+d}" if now != before else "0"


def _objective(council: Any, progress: Any, before: dict[int, str] | None) -> Section:
    head = ["Action", "Rating and reason", "Owner", "Due", "Since the last meeting"]
    rows = [
        [
            f"{item.action.ref} {item.action.title}".strip(),
            _rated(council, item),
            _owners(item),
            _due(item),
            _change(council, item, before),
        ]
        for item in progress.actions
    ]
    text = (
        f"{progress.complete} of {len(progress.actions)} actions complete "
        f"({pct(progress.complete_pct)})."
    )
    if progress.flagged:
        text += " This objective is slow to progress."
    return Section(
        str(progress.objective),
        paragraphs=[text],
        tables=[Table(f"Actions of {progress.objective}", head, rows, "No actions.")],
    )


def _rated(council: Any, item: Any) -> str:
    label = rating_label(council, item.rating)
    reason = item.latest_update.reason if item.latest_update else ""
    return f"{label}: {reason}" if reason else label


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
            rating_label(council, item.rating),
            "; ".join(item.reasons),
            (item.latest_update.support_needed if item.latest_update else "") or "None recorded",
        ]
        for item in picture.slow
    ]
    flagged = [
        f"{o.objective}: {reason}" for o in picture.measure_flagged for reason in o.measure_reasons
    ]
    text = [
        f"{len(picture.slow)} actions are slow to progress, with every reason and the support, "
        "capacity or partner contribution their owners asked for (Improvement Notice, 5d)."
    ]
    return Section(
        "Slow to progress",
        paragraphs=text,
        bullets=flagged,
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
            f"{withheld} action{'s' if withheld != 1 else ''} arising from exempt items "
            "(Schedule 12A) are not listed here; board members see them in the meeting records."
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
    rows = [[rating_tag(council, row["code"]), row["meaning"]] for row in council.rating_scale]
    rows.append([rating_tag(council, NOT_RATED), "No rated update yet"])
    return Section(
        "Key to the ratings",
        paragraphs=["Every rating is given with its reason."],
        tables=[Table("Key to the ratings", ["Rating", "Meaning"], rows)],
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
    return sections, [appendix]


def board_progress(
    meeting: Any, recommendations: str = "", title: str = "", full_table: bool | None = None
) -> Document:
    """The board's progress report. `full_table` adds every action as an appendix to
    the report of a plan of more than FULL_TABLE_LIMIT actions (a smaller plan's report
    always lists every action)."""
    council = meeting.council
    picture, previous = pictures(meeting)
    summaries = measure_summaries(council, picture.as_at)
    figures = summary_figures(picture)
    figures["previous"] = summary_figures(previous) if previous else None
    plan, appendices = _plan_sections(council, picture, previous, full_table)
    return Document(
        kind="board_progress",
        title=title or f"Progress report to the {meeting.body.name}",
        council=council.name,
        subtitle=(
            f"Meeting of {ukdate(meeting_day(meeting))}. Figures as at {ukdate(picture.as_at)}."
        ),
        sections=[
            _summary(council, picture, previous),
            *plan,
            evidence.measures_section(council, summaries, picture.as_at),
            evidence.impact_section(council, picture.as_at),
            recommendations_section(recommendations),
            _action_log(meeting, picture.as_at),
            key_section(council),
            *appendices,
        ],
        figures=figures,
        # A large plan's exception tables, a little smaller, keep a pack to a readable size.
        font_size=10 if len(picture.actions) <= FULL_TABLE_LIMIT else 9,
    )
