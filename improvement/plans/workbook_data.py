"""A plan workbook as plain data, and the report of reading (and importing) it."""

import datetime
from dataclasses import dataclass, field

from improvement.core.spreadsheets import SheetProblem

# A warning or an error, with where it is and what to do about it.
Problem = SheetProblem


@dataclass
class HeaderMatch:
    column: str
    header: str
    field: str | None  # None: kept as extra text on each action
    note: str = ""


@dataclass
class ParsedAction:
    row: int
    ref: str = ""
    title: str = ""
    finding: str = ""
    owners: list[str] = field(default_factory=list)
    organisation: str = ""
    start_on: datetime.date | None = None
    due_on: datetime.date | None = None
    due_text: str = ""
    rating: str = ""
    rating_reason: str = ""
    progress: str = ""
    updated_on: datetime.date | None = None
    success_measure: str = ""
    evidence: str = ""
    support_needed: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def has_update(self) -> bool:
        return bool(self.progress or self.rating or self.rating_reason or self.support_needed)


@dataclass
class ParsedObjective:
    ref: str
    title: str
    text: str
    row: int | None
    theme: str = ""
    actions: list[ParsedAction] = field(default_factory=list)


@dataclass
class ParsedPlan:
    """The workbook as data, and the report of reading (and later importing) it."""

    filename: str
    sheet: str = ""
    header_row: int | None = None
    rows_read: int = 0
    headers: list[HeaderMatch] = field(default_factory=list)
    extra_headers: list[str] = field(default_factory=list)
    ignored_sheets: list[str] = field(default_factory=list)
    objectives: list[ParsedObjective] = field(default_factory=list)
    progress_month: datetime.date | None = None
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    objectives_created: int = 0
    objectives_updated: int = 0
    updates_recorded: int = 0
    applied: bool = False

    @property
    def actions(self) -> list[ParsedAction]:
        return [action for objective in self.objectives for action in objective.actions]

    @property
    def unmapped(self) -> list[str]:
        return [match.header for match in self.headers if match.field is None]

    def summary(self) -> str:
        return (
            f"{len(self.actions)} actions ({self.created} created, {self.updated} updated), "
            f"{len(self.objectives)} objectives, {len(self.warnings)} warnings, "
            f"{len(self.errors)} errors"
        )

    def report(self) -> str:
        lines = [self.summary()]
        if self.sheet:
            lines.append(
                f"Read {self.rows_read} rows of sheet '{self.sheet}' (header on row "
                f"{self.header_row}) from {self.filename}"
            )
        lines.append(
            f"Objectives: {self.objectives_created} created, {self.objectives_updated} updated; "
            f"progress updates recorded: {self.updates_recorded}"
        )
        if self.headers:
            lines.append("Header mapping:")
            lines += [
                f"  {m.column} '{m.header}' -> {m.field or 'kept as extra text'}"
                + (f" ({m.note})" if m.note else "")
                for m in self.headers
            ]
        if self.unmapped:
            lines.append("Unmapped headers, kept as extra text: " + ", ".join(self.unmapped))
        if self.ignored_sheets:
            lines.append("Ignored sheets: " + ", ".join(self.ignored_sheets))
        for title, problems in (("Errors", self.errors), ("Warnings", self.warnings)):
            if problems:
                lines.append(f"{title}:")
                lines += [f"  {problem}" for problem in problems]
        if self.errors:
            lines.append("Nothing was imported: fix the errors and import the file again.")
        return "\n".join(lines)
