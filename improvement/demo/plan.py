"""Loading a plan (objectives, actions, re-profiled dates and updates) from the
scenario's specs. Shared by both councils."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from improvement.demo.people import Cast
from improvement.demo.records import DEMO, at, ensure_links, ensure_through, sync_sequence
from improvement.demo.timeline import Author, Story, story_updates
from improvement.plans import services
from improvement.plans.models import Action, Objective, Update

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


def ensure_record(
    council: Any, model: type, key: dict, fields: dict, created_at: datetime.datetime
) -> Any:
    """An inspection, finding, notice, requirement or review, through the plans service."""

    def create(data: dict[str, Any]) -> Any:
        return services.save_record(DEMO, council, model(created_at=created_at), data)

    def change(record: Any, changes: dict[str, Any]) -> Any:
        return services.save_record(DEMO, council, record, changes, record.version)

    return ensure_through(model, key, fields, create, change)


def _ensure_objective(cast: Cast, spec: ObjectiveSpec, position: int, agreed) -> Objective:
    def create(data: dict[str, Any]) -> Objective:
        data = {**data, "created_at": at(agreed)}
        return services.create_objective(DEMO, data.pop("council"), data)

    def change(found: Objective, changes: dict[str, Any]) -> Objective:
        return services.change_objective(DEMO, found, changes, found.version)

    fields = {
        "title": spec.title,
        "theme": spec.theme,
        "description": spec.description,
        "position": position,
    }
    key = {"council": cast.council, "ref": spec.ref}
    return ensure_through(Objective, key, fields, create, change)


def load_objectives(cast: Cast, specs: list[ObjectiveSpec], chain: dict) -> dict[str, Objective]:
    objectives = {}
    for position, spec in enumerate(specs, start=1):
        objective = _ensure_objective(cast, spec, position, chain.get("agreed", PLAN_AGREED))
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
    fields = {
        "objective": objective,
        "title": spec.title,
        "organisation": cast.organisations[spec.org],
        "start_on": spec.start,
        "success_measure": spec.measure,
        "evidence_planned": spec.evidence,
        "position": position,
    }
    first_due = spec.due_as_at(datetime.date.min)  # re-profiled below, as the story goes

    def create(data: dict[str, Any]) -> Action:
        data = {**data, "due_on": first_due, "created_at": at(created)}
        data.pop("council")
        return services.create_action(DEMO, data.pop("objective"), data)

    def change(found: Action, changes: dict[str, Any]) -> Action:
        return services.change_action(DEMO, found, changes, found.version)

    action = ensure_through(
        Action, {"council": cast.council, "ref": spec.ref}, fields, create, change
    )
    ensure_links(action, "owners", [cast.people[key] for key in spec.owners])
    _link(action, "findings", chain.get("findings", {}), spec.findings)
    _load_reprofiles(action, spec, today)
    _load_updates(cast, action, spec, today)
    return action


def _load_reprofiles(action: Action, spec: ActionSpec, today: datetime.date) -> None:
    """Each re-profile the story has made by today, once, through the plans service."""
    news = [change.old_due for change in spec.reprofiles[1:]] + [spec.due]
    done = set(action.due_changes.values_list("reason", flat=True))
    for change, new_due in zip(spec.reprofiles, news, strict=False):
        if change.changed_on <= today and change.reason not in done:
            services.reprofile_action(
                DEMO, action, new_due, change.reason, action.version, changed_on=change.changed_on
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
