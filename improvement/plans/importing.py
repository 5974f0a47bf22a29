"""Applying a read workbook to a council's plan, whole or not at all.

Importing the file the exporter wrote changes nothing: an action whose fields
are unchanged is not saved, and an update the same as the action's latest is
not recorded again, so re-importing a plan never floods the audit log.
"""

from pathlib import Path
from typing import IO, Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from improvement.accounts.models import Organisation, Person
from improvement.core import audit
from improvement.core.actors import person_or_none, require_actor
from improvement.core.models import Council
from improvement.core.tracking import create_tracked, save_tracked
from improvement.plans.import_checks import length_problems
from improvement.plans.models import (
    Action,
    DueDateChange,
    Finding,
    Objective,
    Rating,
    Update,
)
from improvement.plans.workbook import (
    ParsedAction,
    ParsedObjective,
    ParsedPlan,
    Problem,
    read_workbook,
)

ACTION_FIELDS = (
    "objective_id",
    "title",
    "organisation_id",
    "start_on",
    "due_on",
    "due_text",
    "success_measure",
    "evidence_planned",
    "extra",
)
UPDATE_FIELDS = ("as_of", "rating", "reason", "narrative", "support_needed")


class _DryRun(Exception):
    """Raised to roll back a trial import once its counts are known."""


def find_user(username: str) -> Any:
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise LookupError(f"There is no user called '{username}'")
    return user


def import_file(
    source: str | Path | IO[bytes],
    council: Council,
    actor: Any,
    *,
    filename: str | None = None,
    dry_run: bool = False,
    mappings: list[str] | tuple[str, ...] = (),
) -> ParsedPlan:
    """Read a workbook and apply it to the council's plan; the plan carries the report.

    `actor` is the person importing from the web, or the command's system actor;
    `filename` is the name the person gave the file."""
    require_actor(actor)
    plan = read_workbook(source, filename, mappings=mappings, scale=council.rating_scale)
    return apply_plan(plan, council, actor, dry_run=dry_run)


def apply_plan(
    plan: ParsedPlan, council: Council, actor: Any, *, dry_run: bool = False
) -> ParsedPlan:
    """Write the plan in one transaction. With any error, or on a dry run, nothing is kept.

    A dry run makes every change and then rolls it back, so its counts are exact.
    """
    require_actor(actor)
    plan.errors += length_problems(plan)
    if plan.errors:
        return plan
    try:
        with transaction.atomic():
            _Importer(plan, council, actor).run()
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    else:
        plan.applied = True
    return plan


class _Importer:
    def __init__(self, plan: ParsedPlan, council: Council, actor: Any) -> None:
        self.plan = plan
        self.council = council
        self.actor = actor
        self.user = person_or_none(actor)
        self.today = timezone.localdate()
        self.organisations = {o.name.lower(): o for o in council.organisations.all()}
        self.people = {p.name.lower(): p for p in council.people.all()}
        self.findings = list(council.findings.live())
        self.objectives = list(council.objectives.live())
        actions = list(council.actions.live().prefetch_related("owners", "findings"))
        self.by_ref = {a.ref.lower(): a for a in actions if a.ref}
        self.by_title = {(a.objective_id, a.title.lower()): a for a in actions if not a.ref}

    def run(self) -> None:
        position = max((o.position for o in self.objectives), default=0)
        for index, parsed in enumerate(self.plan.objectives, start=1):
            objective = self._objective(parsed, position + index)
            for number, action in enumerate(parsed.actions, start=1):
                self._action(objective, action, number)

    # Objectives ---------------------------------------------------------------------

    def _find_objective(self, parsed: ParsedObjective) -> tuple[Objective | None, bool]:
        if parsed.ref:
            for objective in self.objectives:
                if objective.ref.lower() == parsed.ref.lower():
                    return objective, True
        for text in (parsed.title.lower(), parsed.text.lower()):
            for objective in self.objectives:
                if text in (objective.title.lower(), str(objective).lower()):
                    return objective, False
        return None, False

    def _objective(self, parsed: ParsedObjective, position: int) -> Objective:
        objective, by_ref = self._find_objective(parsed)
        if objective is None:
            objective = Objective(
                council=self.council,
                ref=parsed.ref,
                title=parsed.title,
                theme=parsed.theme,
                position=position,
            )
            create_tracked(objective, self.actor, verb="imported")
            self.objectives.append(objective)
            self.plan.objectives_created += 1
            return objective
        changes = {}
        if by_ref and objective.title != parsed.title:
            changes["title"] = parsed.title
        if parsed.theme and objective.theme != parsed.theme:
            changes["theme"] = parsed.theme
        if changes:
            before = audit.snapshot(objective)
            for name, value in changes.items():
                setattr(objective, name, value)
            save_tracked(objective, self.actor, before=before, verb="changed by import")
            self.plan.objectives_updated += 1
        return objective

    # Actions ------------------------------------------------------------------------

    def _action(self, objective: Objective, parsed: ParsedAction, position: int) -> None:
        organisation = self._organisation(parsed.organisation)
        owners = [self._person(name, organisation) for name in parsed.owners]
        findings = self._findings(parsed)
        existing = self._find_action(objective, parsed)
        values = {
            "objective_id": objective.pk,
            "title": parsed.title,
            "organisation_id": organisation.pk,
            "start_on": parsed.start_on,
            "due_on": parsed.due_on,
            "due_text": parsed.due_text,
            "success_measure": parsed.success_measure,
            "evidence_planned": parsed.evidence,
            "extra": self._extra(existing, parsed),
        }
        if existing is None:
            action = Action(council=self.council, ref=parsed.ref, position=position, **values)
            create_tracked(action, self.actor, verb="imported")
            action.owners.set(owners)
            action.findings.set(findings)
            self.plan.created += 1
            self._register(action)
            self._update(action, parsed)
            return
        changed = self._change_action(existing, values, owners, findings)
        recorded = self._update(existing, parsed)
        if changed or recorded:
            self.plan.updated += 1

    def _find_action(self, objective: Objective, parsed: ParsedAction) -> Action | None:
        if parsed.ref:
            return self.by_ref.get(parsed.ref.lower())
        return self.by_title.get((objective.pk, parsed.title.lower()))

    def _register(self, action: Action) -> None:
        if action.ref:
            self.by_ref[action.ref.lower()] = action
        else:
            self.by_title[(action.objective_id, action.title.lower())] = action

    def _extra(self, existing: Action | None, parsed: ParsedAction) -> dict[str, Any]:
        """This workbook's extra columns replace those of the same name; others are kept."""
        kept = {
            key: value
            for key, value in ((existing.extra or {}) if existing else {}).items()
            if key not in self.plan.extra_headers
        }
        return {**kept, **parsed.extra}

    def _change_action(
        self, action: Action, values: dict[str, Any], owners: list[Person], findings: list[Any]
    ) -> bool:
        owner_ids = sorted({p.pk for p in owners})
        finding_ids = sorted({f.pk for f in findings})
        same = (
            all(getattr(action, name) == value for name, value in values.items())
            and sorted(p.pk for p in action.owners.all()) == owner_ids
            and sorted(f.pk for f in action.findings.all()) == finding_ids
        )
        if same:
            return False
        before = audit.snapshot(action)
        old_due = action.due_on

        def apply() -> None:
            for name, value in values.items():
                setattr(action, name, value)
            action.owners.set(owners)
            action.findings.set(findings)
            if values["due_on"] is not None and values["due_on"] != old_due:
                DueDateChange.objects.create(
                    action=action,
                    old_due_on=old_due,
                    new_due_on=values["due_on"],
                    reason=f"Changed by importing {self.plan.filename}",
                    changed_on=self.today,
                    changed_by=self.user,
                )

        save_tracked(action, self.actor, before=before, apply=apply, verb="changed by import")
        return True

    def _update(self, action: Action, parsed: ParsedAction) -> bool:
        """Record the row's progress as an update, unless it is the latest one already."""
        if not parsed.has_update:
            return False
        data = {
            "as_of": parsed.updated_on or self.plan.progress_month or self.today,
            "rating": parsed.rating,
            "reason": parsed.rating_reason,
            "narrative": parsed.progress,
            "support_needed": parsed.support_needed,
        }
        latest = action.updates.order_by("-as_of", "-id").first()
        if latest is not None and all(getattr(latest, k) == v for k, v in data.items()):
            return False
        update = Update(action=action, **data)
        if update.rating == Rating.BLUE:
            update.approval = Update.Approval.ACCEPTED
            update.reviewed_by = self.user
            update.reviewed_at = timezone.now()
            update.review_comment = f"Imported as complete from {self.plan.filename}"
        create_tracked(update, self.actor, verb="imported update")
        self.plan.updates_recorded += 1
        return True

    # People, organisations and findings ---------------------------------------------

    def _organisation(self, name: str) -> Organisation:
        if not name:
            return self._own_organisation()
        found = self.organisations.get(name.lower())
        if found is None:
            found = Organisation(council=self.council, name=name)
            create_tracked(found, self.actor, verb="imported")
            self.organisations[name.lower()] = found
        return found

    def _own_organisation(self) -> Organisation:
        found = self.organisations.get(self.council.name.lower())
        if found is None:
            found = Organisation(
                council=self.council, name=self.council.name, kind=Organisation.Kind.COUNCIL
            )
            create_tracked(found, self.actor, verb="imported")
            self.organisations[found.name.lower()] = found
        return found

    def _person(self, name: str, organisation: Organisation) -> Person:
        found = self.people.get(name.lower())
        if found is None:
            found = Person(council=self.council, name=name, organisation=organisation)
            create_tracked(found, self.actor, verb="imported")
            self.people[name.lower()] = found
        return found

    def _findings(self, parsed: ParsedAction) -> list[Finding]:
        text = parsed.finding.strip()
        if not text:
            return []
        whole = self._match_finding(text)
        if whole is not None:
            return [whole]
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        matched = [self._match_finding(line) for line in lines]
        if len(lines) > 1 and all(matched):
            return [finding for finding in matched if finding is not None]
        finding = Finding(
            council=self.council, kind=Finding.Kind.AREA_FOR_IMPROVEMENT, text=text, made_on=None
        )
        create_tracked(finding, self.actor, verb="imported")
        self.findings.append(finding)
        self.plan.warnings.append(
            Problem(
                self.plan.sheet,
                parsed.row,
                "Finding",
                f"The finding '{text[:60]}' is not one of the council's findings, so it was "
                "added as an area for improvement.",
                "Check its kind and inspection on the inspections page.",
            )
        )
        return [finding]

    def _match_finding(self, text: str) -> Finding | None:
        lowered = text.lower()
        for finding in self.findings:
            if finding.text.strip().lower() == lowered or (
                finding.ref and finding.ref.lower() == lowered
            ):
                return finding
        return None
