"""The board report of a large plan: its progress by objective, and per action only
the exceptions a board must act on (docs/adr/020). A council with 2,000 actions
cannot read 2,000 rows at every meeting; it can read 80 objectives and the actions
that are slow, waiting for the board's acceptance or planned past the notice's
deadline."""

import datetime
from typing import Any

from improvement.core.templatetags.ib import pct, rating_label, ukdate
from improvement.documents.structure import Section, Table
from improvement.plans.picture import PlanPicture
from improvement.plans.queries import updates_of
from improvement.reports.review import rating_tag
from improvement.reports.wording import counted

# The support asked for goes with the reasons, not in a column of its own: most
# exceptions ask for none, and a column of "None recorded" doubles every row's height.
EXCEPTION_HEAD = ["Action", "Rating", "Why it is listed, and any support asked for"]


def awaiting_completion(council: Any, as_at: datetime.date) -> dict[int, Any]:
    """Completions proposed by the report's date that still await the board, by action."""
    proposed = updates_of(council).awaiting_acceptance().filter(created_at__date__lte=as_at)
    return {update.action_id: update for update in proposed}


def objectives_section(council: Any, picture: PlanPicture, codes: list[str]) -> Section:
    """Each objective's actions counted by rating, with its share complete."""
    listed = _listed(council, picture)
    head = ["Objective", "Actions", "Complete", *[rating_label(council, c) for c in codes]]
    rows = [
        [
            str(progress.objective) + (" (slow to progress)" if progress.flagged else ""),
            str(len(progress.actions)),
            f"{progress.complete} ({pct(progress.complete_pct)})",
            *[str(progress.rating_counts.get(code, 0)) for code in codes],
            str(sum(1 for item in progress.actions if item.action.pk in listed)),
        ]
        for progress in picture.objectives
    ]
    text = (
        f"{counted(len(picture.objectives), 'objective')} and "
        f"{counted(len(picture.actions), 'action')}: each "
        "objective's actions by their latest rating, how many are complete, and how many "
        "are listed as exceptions in the next section."
    )
    return Section(
        "Progress by objective",
        paragraphs=[text],
        tables=[Table("Actions of each objective by rating", [*head, "Exceptions"], rows)],
        anchor="objectives",
    )


def _listed(council: Any, picture: PlanPicture) -> dict[int, list[str]]:
    """The exceptions, by action id: why each is listed (empty for an action listed only
    because it is due after the notice's deadline)."""
    awaiting = awaiting_completion(council, picture.as_at)
    late = {item.action.pk for item in picture.due_after_deadline}
    found: dict[int, list[str]] = {}
    for item in picture.actions:
        why = list(item.reasons)
        if item.action.pk in awaiting:
            day = ukdate(awaiting[item.action.pk].as_of)
            why.append(f"Completion proposed on {day}, awaiting the board")
        if why and item.action.pk in late:
            why.append(f"Due {ukdate(item.due_on)}, after the notice's deadline")
        if why or item.action.pk in late:
            found[item.action.pk] = why
    return found


def _rows(council: Any, progress: Any, listed: dict[int, list[str]]) -> list[list[str]]:
    return [
        [
            f"{item.action.ref} {item.action.title}".strip(),
            rating_tag(council, item.rating),
            "; ".join(listed[item.action.pk] + _support(item)),
        ]
        for item in progress.actions
        if listed.get(item.action.pk)
    ]


def _late_only(progress: Any, listed: dict[int, list[str]], deadline: Any) -> list[str]:
    """One sentence naming the actions listed only for being due after the deadline:
    on track, but planned to finish too late; a row each would double the report."""
    late = [
        f"{item.action.ref} {item.action.title} ({ukdate(item.due_on)})".strip()
        for item in progress.actions
        if item.action.pk in listed and not listed[item.action.pk]
    ]
    if not late:
        return []
    return [f"Due after the notice's deadline of {ukdate(deadline)}: " + "; ".join(late) + "."]


def _support(item: Any) -> list[str]:
    support = item.latest_update.support_needed if item.latest_update else ""
    return [f"Support needed: {support}"] if support else []


def exceptions_section(council: Any, picture: PlanPicture, appendix: bool) -> Section:
    """The actions the board must see, objective by objective, each with every reason."""
    listed = _listed(council, picture)
    deadline = picture.notice.notice.deadline if picture.notice else None
    subsections = []
    for progress in picture.objectives:
        rows = _rows(council, progress, listed)
        late = _late_only(progress, listed, deadline)
        if rows or late:
            caption = f"Exceptions in {progress.objective}"
            tables = [Table(caption, EXCEPTION_HEAD, rows)] if rows else []
            subsections.append(Section(str(progress.objective), paragraphs=late, tables=tables))
    where = (
        "Every action is listed in the appendix."
        if appendix
        else "Every action is on the plan's pages of the service, or in this report's "
        "appendix when it is built with every action."
    )
    text = [
        f"This plan has {counted(len(picture.actions), 'action')}, so this report lists only "
        f"the {len(listed)} the board must see: those slow to progress ({len(picture.slow)}), "
        "those whose completion awaits the board's acceptance, and those due after the "
        f"Improvement Notice's deadline ({len(picture.due_after_deadline)}). {where} "
        "Objectives flagged by their measures have a section of their own."
    ]
    return Section(
        "Exceptions",
        paragraphs=text if listed else [*text, "No action is an exception."],
        subsections=subsections,
        anchor="exceptions",
    )
