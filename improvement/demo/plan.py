"""Loading a plan (objectives, actions, re-profiled dates and updates) from the
scenario's specs. Shared by both councils."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from improvement.demo.people import Cast
from improvement.demo.records import at, ensure, ensure_links, sync_sequence
from improvement.demo.timeline import Author, Story, story_updates
from improvement.plans.models import Action, DueDateChange, Objective, Update

PLAN_AGREED = datetime.date(2023, 8, 21)


@dataclass
class ObjectiveSpec:
    ref: str
    theme: str
    title: str
    description: str
    findings: list[str]
    requirements: list[str] = field(default_factory=list)


@dataclass
class Reprofile:
    changed_on: datetime.date
    old_due: datetime.date
    reason: str


@dataclass
class ActionSpec:
    ref: str
    title: str
    org: str
    owners: list[str]
    start: datetime.date
    due: datetime.date
    measure: str
    evidence: str
    findings: list[str] = field(default_factory=list)
    story: Story | None = None
    reprofiles: list[Reprofile] = field(default_factory=list)
    live: list[dict[str, Any]] = field(default_factory=list)

    def due_as_at(self, today: datetime.date) -> datetime.date:
        due = self.due
        for change in reversed(self.reprofiles):
            if change.changed_on > today:
                due = change.old_due
        return due


def load_objectives(cast: Cast, specs: list[ObjectiveSpec], chain: dict) -> dict[str, Objective]:
    objectives = {}
    for position, spec in enumerate(specs, start=1):
        objective = ensure(
            Objective,
            {"council": cast.council, "ref": spec.ref},
            {
                "title": spec.title,
                "theme": spec.theme,
                "description": spec.description,
                "position": position,
            },
            created_at=at(chain.get("agreed", PLAN_AGREED)),
        )
        _link(objective, "findings", chain.get("findings", {}), spec.findings)
        _link(objective, "requirements", chain.get("requirements", {}), spec.requirements)
        objectives[spec.ref] = objective
    return objectives


def _link(obj: Any, relation: str, known: dict, refs: list[str]) -> None:
    ensure_links(obj, relation, [known[ref] for ref in refs if ref in known])


def load_action(
    cast: Cast,
    objective: Objective,
    spec: ActionSpec,
    position: int,
    chain: dict,
    today: datetime.date,
) -> Action | None:
    created = max(chain.get("agreed", PLAN_AGREED), spec.start - datetime.timedelta(days=14))
    if created > today:
        return None  # not yet added to the plan on the day the demo is loaded
    action = ensure(
        Action,
        {"council": cast.council, "ref": spec.ref},
        {
            "objective": objective,
            "title": spec.title,
            "organisation": cast.organisations[spec.org],
            "start_on": spec.start,
            "due_on": spec.due_as_at(today),
            "success_measure": spec.measure,
            "evidence_planned": spec.evidence,
            "position": position,
        },
        created_at=at(created),
    )
    ensure_links(action, "owners", [cast.people[key] for key in spec.owners])
    _link(action, "findings", chain.get("findings", {}), spec.findings)
    _load_reprofiles(action, spec, cast.users["manager"], today)
    _load_updates(cast, action, spec, today)
    return action


def _load_reprofiles(action: Action, spec: ActionSpec, manager: Any, today: datetime.date) -> None:
    # The story has the board manager reprofile each action; the system records it.
    news = [change.old_due for change in spec.reprofiles[1:]] + [spec.due]
    for change, new_due in zip(spec.reprofiles, news, strict=False):
        if change.changed_on <= today:
            ensure(
                DueDateChange,
                {"action": action, "reason": change.reason},
                {
                    "old_due_on": change.old_due,
                    "new_due_on": new_due,
                    "changed_on": change.changed_on,
                    "changed_by": manager,
                },
            )


def _author(cast: Cast, action_spec: ActionSpec) -> Author:
    person = cast.people[action_spec.owners[0]]
    return Author(person.user or cast.users["manager"], cast.users["chair"])


def _load_updates(cast: Cast, action: Action, spec: ActionSpec, today: datetime.date) -> None:
    author = _author(cast, spec)
    if spec.story is not None:
        rows = story_updates(action, spec.story, today, author)
    else:
        rows = [_live_row(action, row, today, author) for row in spec.live]
    existing = list(action.updates.order_by("as_of", "id"))
    sync_sequence(existing, rows, Update)


def _live_row(action: Action, row: dict[str, Any], today: datetime.date, author: Author) -> dict:
    day = today - datetime.timedelta(days=row["days_ago"])
    result = {
        "action": action,
        "as_of": day,
        "created_by": author.owner,
        "created_at": at(day),
        "rating": row["rating"],
        "reason": row["reason"],
        "narrative": row["narrative"],
        "support_needed": row.get("support", ""),
        "approval": row.get("approval", Update.Approval.NOT_NEEDED),
    }
    if "reviewed_days_ago" in row:
        reviewed = today - datetime.timedelta(days=row["reviewed_days_ago"])
        result.update(
            reviewed_by=author.chair,
            reviewed_at=at(reviewed, 15),
            review_comment=row.get("comment", ""),
        )
    return result


def load_plan(
    cast: Cast,
    objectives: list[ObjectiveSpec],
    actions: dict[str, list[ActionSpec]],
    chain: dict,
    today: datetime.date,
) -> int:
    """Load every objective and its actions; returns how many actions exist today."""
    loaded = load_objectives(cast, objectives, chain)
    count = 0
    for ref, specs in actions.items():
        for position, spec in enumerate(specs, start=1):
            count += load_action(cast, loaded[ref], spec, position, chain, today) is not None
    return count
