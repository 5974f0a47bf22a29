"""What a read plan must satisfy before anything is written: every text fits its field.

SQLite stores an over-long text without a word and PostgreSQL refuses it mid-import;
both are caught here, before the transaction, as a problem with a row and column.
"""

from typing import Any

from improvement.accounts.models import Organisation, Person
from improvement.core.text import LONG_TEXT, NOTES_TEXT
from improvement.plans.models import Action, Finding, Objective
from improvement.plans.workbook import ParsedPlan, Problem


def _length(model: Any, name: str, default: int) -> int:
    return model._meta.get_field(name).max_length or default


# Each parsed action's attribute: the plan field (its column) and the longest it may be.
ACTION_LIMITS = {
    "ref": ("ref", _length(Action, "ref", LONG_TEXT)),
    "title": ("action", LONG_TEXT),
    "finding": ("finding", LONG_TEXT),
    "organisation": ("organisation", _length(Organisation, "name", LONG_TEXT)),
    "due_text": ("due", _length(Action, "due_text", LONG_TEXT)),
    "rating_reason": ("rating_reason", LONG_TEXT),
    "progress": ("progress", NOTES_TEXT),
    "success_measure": ("success_measure", LONG_TEXT),
    "evidence": ("evidence", LONG_TEXT),
    "support_needed": ("support_needed", LONG_TEXT),
}
OBJECTIVE_LIMITS = {
    "ref": _length(Objective, "ref", LONG_TEXT),
    "title": _length(Objective, "title", LONG_TEXT),
    "theme": _length(Objective, "theme", LONG_TEXT),
}
OWNER_LIMIT = _length(Person, "name", LONG_TEXT)
FINDING_REF_LIMIT = _length(Finding, "ref", LONG_TEXT)


def _too_long(plan: ParsedPlan, row: int | None, field: str, text: str, limit: int) -> Problem:
    column = next((m.column for m in plan.headers if m.field == field), field)
    return Problem(
        plan.sheet,
        row,
        column,
        f"The {field.replace('_', ' ')} has {len(text):,} characters, more than the "
        f"{limit:,} it can hold.",
        "Shorten it and import the file again.",
    )


def length_problems(plan: ParsedPlan) -> list[Problem]:
    """A problem for each text longer than the database can hold."""
    problems = []
    for objective in plan.objectives:
        for attribute, limit in OBJECTIVE_LIMITS.items():
            text = getattr(objective, attribute)
            if len(text) > limit:
                problems.append(_too_long(plan, objective.row, "objective", text, limit))
        for action in objective.actions:
            for attribute, (field, limit) in ACTION_LIMITS.items():
                text = getattr(action, attribute)
                if len(text) > limit:
                    problems.append(_too_long(plan, action.row, field, text, limit))
            problems += [
                _too_long(plan, action.row, "owner", owner, OWNER_LIMIT)
                for owner in action.owners
                if len(owner) > OWNER_LIMIT
            ]
            problems += [
                _too_long(plan, action.row, header, text, NOTES_TEXT)
                for header, text in action.extra.items()
                if len(text) > NOTES_TEXT
            ]
    return problems
