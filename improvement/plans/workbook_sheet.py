"""Reading one plan sheet: its header, then section, action and continuation rows."""

from dataclasses import dataclass, field
from typing import Any

from improvement.core.spreadsheets import LAST_SERIAL, cell_text, column_letter, is_blank
from improvement.plans.workbook_data import (
    HeaderMatch,
    ParsedAction,
    ParsedObjective,
    ParsedPlan,
    Problem,
)
from improvement.plans.workbook_words import (
    ACCEPTED_RATINGS,
    match_header,
    parse_date,
    parse_rating,
    split_owners,
    split_ref,
)


@dataclass
class Sheet:
    name: str
    rows: list[list[Any]]
    merged_rows: set[int] = field(default_factory=set)  # rows merged across 3+ columns


class SheetReader:
    """Reads one plan sheet: its header, then section, action and continuation rows."""

    def __init__(
        self,
        plan: ParsedPlan,
        sheet: Sheet,
        header_index: int,
        overrides: dict[str, str],
        scale: list[dict[str, str]],
    ) -> None:
        self.plan = plan
        self.sheet = sheet
        self.header_index = header_index
        self.overrides = overrides
        self.scale = scale
        self.columns: dict[int, str] = {}  # column index -> field
        self.extras: dict[int, str] = {}  # column index -> header kept as extra text
        self.headers: dict[int, str] = {}
        self.objectives: dict[str, ParsedObjective] = {}
        self.current: ParsedObjective | None = None
        self.theme = ""
        self.last_was_section = False
        self.action: ParsedAction | None = None

    # Header -------------------------------------------------------------------------

    def read(self) -> None:
        self.plan.sheet = self.sheet.name
        self.plan.header_row = self.header_index + 1
        self._map_header(self.sheet.rows[self.header_index])
        for index in range(self.header_index + 1, len(self.sheet.rows)):
            self._read_row(index + 1, self.sheet.rows[index])
        self._finish()

    def _map_header(self, row: list[Any]) -> None:
        for index, value in enumerate(row):
            header = cell_text(value)
            if not header:
                continue
            self.headers[index] = header
            name, month = match_header(header, self.overrides)
            match = HeaderMatch(column_letter(index), header, name)
            if name is not None and name in self.columns.values():
                match.field, match.note = None, f"{name} is already read from another column"
                self._warn(
                    self.header_index + 1,
                    index,
                    f"'{header}' also means {name}, which is read from an earlier column.",
                    "Its text is kept as extra text on each action. Rename one of the columns, "
                    "or map it with --map if it means something else.",
                )
            if match.field is None:
                self.extras[index] = header
                self.plan.extra_headers.append(header)
            else:
                self.columns[index] = match.field
                if month and match.field == "progress":
                    self.plan.progress_month = month
                    match.note = f"updates dated {month:%-d %B %Y}"
            self.plan.headers.append(match)
        self._check_columns()

    def _check_columns(self) -> None:
        if "rating" not in self.columns.values():
            self._warn(
                self.header_index + 1,
                None,
                "The plan has no rating column, so its actions will show as not yet rated.",
                'Add a RAG column, or name yours with --map "HEADER=rating".',
            )
        if "updated_on" in self.columns.values():
            self.plan.progress_month = None

    @property
    def first_column(self) -> int:
        return min(self.headers) if self.headers else 0

    # Rows ---------------------------------------------------------------------------

    def _read_row(self, number: int, row: list[Any]) -> None:
        filled = [i for i, v in enumerate(row) if not is_blank(v) and (i in self.headers or i < 2)]
        if not filled:
            return
        self.plan.rows_read += 1
        action_index = self._column_of("action")
        has_action = action_index is not None and action_index in filled
        if self._is_section(number, row, filled, has_action):
            self._section(number, [cell_text(row[i]) for i in filled])
            return
        self.last_was_section = False
        if has_action:
            self._start_action(number, row)
        elif self.action is None:
            self._warn(
                number,
                None,
                "This row has no action text and there is no action above it to continue.",
                "Put the action's text in the action column, or delete the row.",
            )
            return
        self._fill(number, row, continuing=not has_action)

    def _column_of(self, name: str) -> int | None:
        return next((i for i, f in self.columns.items() if f == name), None)

    def _is_section(self, number: int, row: list[Any], filled: list[int], has_action: bool) -> bool:
        if any(i >= self.first_column + 2 for i in filled):
            return False
        if not has_action:
            return True
        texts = [cell_text(row[i]) for i in filled]
        if number in self.sheet.merged_rows or any(t.isupper() for t in texts):
            return True
        return self._heads_numbering(number, row)

    def _heads_numbering(self, number: int, row: list[Any]) -> bool:
        """A row '2 | Care leavers' heads the rows below it numbered 2.1, 2.2 and so on."""
        ref_index = self._column_of("ref")
        if ref_index is None or ref_index >= len(row):
            return False
        ref = cell_text(row[ref_index]).rstrip(".")
        following = next((r for r in self.sheet.rows[number:] if any(v is not None for v in r)), [])
        below = cell_text(following[ref_index]) if ref_index < len(following) else ""
        return bool(ref) and below.startswith(f"{ref}.")

    def _section(self, number: int, texts: list[str]) -> None:
        previous = self.current
        if self.last_was_section and previous is not None and not previous.actions:
            # A section directly followed by another is a heading for the objectives below it.
            self.objectives.pop(previous.text.lower(), None)
            self.theme = previous.text
        if len(texts) == 2 and len(texts[0]) <= 12 and any(c.isdigit() for c in texts[0]):
            ref, title = texts[0].rstrip(".:"), texts[1]
        else:
            ref, title = split_ref(" ".join(texts))
        text = " ".join(texts)
        self.current = self._objective(ref, title, text, number)
        self.last_was_section = True
        self.action = None

    def _objective(self, ref: str, title: str, text: str, number: int | None) -> ParsedObjective:
        key = text.lower()
        if key not in self.objectives:
            self.objectives[key] = ParsedObjective(ref, title, text, number, theme=self.theme)
        return self.objectives[key]

    def _start_action(self, number: int, row: list[Any]) -> None:
        objective_index = self._column_of("objective")
        text = cell_text(row[objective_index]) if objective_index is not None else ""
        if text:
            ref, title = split_ref(text)
            self.current = self._objective(ref, title, text, number)
        elif self.current is None:
            self.current = self._objective("", self.sheet.name, self.sheet.name, None)
        self.action = ParsedAction(row=number)
        self.current.actions.append(self.action)

    def _fill(self, number: int, row: list[Any], continuing: bool) -> None:
        assert self.action is not None
        skip = {"objective", "ref"} if continuing else {"objective"}
        for index, value in enumerate(row):
            if is_blank(value):
                continue
            if index in self.extras:
                _append(self.action.extra, self.extras[index], cell_text(value))
            elif index in self.columns and self.columns[index] not in skip:
                self._cell(number, index, self.columns[index], value)

    # Cells --------------------------------------------------------------------------

    def _cell(self, number: int, index: int, name: str, value: Any) -> None:
        action = self.action
        assert action is not None
        if name == "owner":
            for owner in split_owners(cell_text(value)):
                if owner.lower() not in {o.lower() for o in action.owners}:
                    action.owners.append(owner)
        elif name in ("start", "due", "updated_on"):
            self._date_cell(number, index, name, value)
        elif name == "rating":
            self._rating_cell(number, index, value)
        else:
            attribute = {"action": "title", "evidence": "evidence"}.get(name, name)
            current = getattr(action, attribute)
            text = cell_text(value)
            setattr(action, attribute, f"{current}\n{text}" if current else text)

    def _date_cell(self, number: int, index: int, name: str, value: Any) -> None:
        action = self.action
        assert action is not None
        text = cell_text(value)
        if _out_of_range(value):
            self.plan.errors.append(
                Problem(
                    self.sheet.name,
                    number,
                    self._column_name(index),
                    f"{text} is a number past any date.",
                    "Enter a date such as 31/10/2024 or Oct 2024.",
                )
            )
            return
        if name == "due" and text.lower().startswith("from "):
            start = parse_date(text[5:], end=False)
            if start is not None:
                action.start_on = action.start_on or start
                return
        day = parse_date(value, end=name != "start")
        attribute = {"start": "start_on", "due": "due_on", "updated_on": "updated_on"}[name]
        if day is not None:
            if getattr(action, attribute) is None:
                setattr(action, attribute, day)
            return
        if name == "due":
            action.due_text = f"{action.due_text}\n{text}" if action.due_text else text
            fix = "It is kept as the due text. To track it against a date, enter one such as "
            fix += "31/10/2024, Oct 2024 or Q3 2024/25."
        else:
            _append(action.extra, self.headers[index], text)
            fix = "It is kept as extra text. Enter a date such as 31/10/2024 or Oct 2024."
        self._warn(number, index, f"'{text}' is not a date.", fix)

    def _rating_cell(self, number: int, index: int, value: Any) -> None:
        action = self.action
        assert action is not None
        rating = parse_rating(value, self.scale)
        if rating is None:
            self.plan.errors.append(
                Problem(
                    self.sheet.name,
                    number,
                    self._column_name(index),
                    f"'{cell_text(value)}' is not a rating.",
                    f"Use one of: {ACCEPTED_RATINGS}.",
                )
            )
        elif rating and not action.rating:
            action.rating = rating

    # Problems and the end -----------------------------------------------------------

    def _column_name(self, index: int | None) -> str:
        if index is None:
            return ""
        header = self.headers.get(index)
        return f"{column_letter(index)} ({header})" if header else column_letter(index)

    def _warn(self, number: int | None, index: int | None, message: str, fix: str) -> None:
        self.plan.warnings.append(
            Problem(self.sheet.name, number, self._column_name(index), message, fix)
        )

    def _finish(self) -> None:
        seen: set[str] = set()
        for action in (a for o in self.objectives.values() for a in o.actions if a.ref):
            if action.ref.lower() in seen:
                self._warn(
                    action.row,
                    self._column_of("ref"),
                    f"Ref {action.ref} is used by an earlier row too, so this row updates the "
                    "same action.",
                    "Give each action its own ref.",
                )
            seen.add(action.ref.lower())
        for objective in self.objectives.values():
            if objective.actions:
                self.plan.objectives.append(objective)
                continue
            self._warn(
                objective.row,
                None,
                f"Objective '{objective.text}' has no actions, so it was not imported.",
                "Add its actions under it, or delete the row if it is not an objective.",
            )


def _out_of_range(value: Any) -> bool:
    """A number too large for a serial date (after 9999): a broken or hostile cell."""
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    return is_number and not value < LAST_SERIAL + 1


def _append(extra: dict[str, str], key: str, text: str) -> None:
    extra[key] = f"{extra[key]}\n{text}" if extra.get(key) else text
