"""Recognising a list's headings however a council's case system spells them.

Headings are compared ignoring case, punctuation and spacing; failing that, a
heading matches when all its distinctive words appear (or one of the column's
aliases does). The most exact and most specific match wins, one heading a column.
"""

import re
from functools import cache

from improvement.annex_a.schema import LISTS, Column, ListSpec

STOP = frozenset(
    "of the a an to be was is in did does do for this and or y n has have been their if "
    "that what".split()
)
SHARED = frozenset(
    {"child_id", "gender", "ethnicity", "dob", "age", "disability", "allocated_team"}
    | {"allocated_worker", "family"}
)
LIST_NAME = re.compile(r"\blist\s*[_-]?\s*(\d{1,2})(?!\d)")


def words(text: str) -> list[str]:
    return re.sub(r"[^a-z0-9]+", " ", str(text).lower()).split()


def squashed(text: str) -> str:
    return "".join(words(text))


@cache
def _keys(column: Column) -> tuple[str, frozenset[str]]:
    """A heading's squashed form and distinctive words, worked out once."""
    found = frozenset(words(column.heading)) - STOP
    return squashed(column.heading), found or frozenset(words(column.heading))


def _score(squash: str, tokens: set[str], column: Column) -> tuple[int, int] | None:
    exact, keys = _keys(column)
    if squash == exact:
        return (3, 99)
    if keys <= tokens:
        return (2, len(keys))
    sizes = [len(alias) for alias in column.aliases if alias <= tokens]
    return (1, max(sizes)) if sizes else None


def map_headers(spec: ListSpec, found: list) -> dict[int, Column]:
    """Column position -> the heading it holds, best matches first."""
    candidates = []
    for position, header in enumerate(found):
        tokens = words(header) if header is not None else []
        if not tokens:
            continue
        squash, token_set = "".join(tokens), set(tokens)
        for order, column in enumerate(spec.columns):
            score = _score(squash, token_set, column)
            if score:
                candidates.append((score, -position, -order, position, column))
    candidates.sort(key=lambda c: c[:3], reverse=True)
    mapping: dict[int, Column] = {}
    taken: set[str] = set()
    for *_rank, position, column in candidates:
        if position in mapping or column.field in taken:
            continue
        mapping[position] = column
        taken.add(column.field)
    return mapping


def distinctive(mapping: dict[int, Column]) -> int:
    return sum(1 for column in mapping.values() if column.field not in SHARED)


def list_from_name(name: str) -> int | None:
    match = LIST_NAME.search(str(name).lower())
    if match and int(match.group(1)) in LISTS:
        return int(match.group(1))
    return None


def find_header_row(spec: ListSpec, rows: list[list], scan: int = 10) -> tuple[int, dict]:
    """The row (of the first few) whose cells match most of the list's headings."""
    best = (-1, {})
    for index, row in enumerate(rows[:scan]):
        mapping = map_headers(spec, row)
        if len(mapping) > len(best[1]):
            best = (index, mapping)
    return best


def recognise_by_headers(rows: list[list]) -> tuple[int | None, int, dict]:
    """The list a sheet holds, judged by headings no other list shares."""
    best: tuple[int | None, int, dict] = (None, -1, {})
    best_score = (1, 0)
    for number, spec in LISTS.items():
        index, mapping = find_header_row(spec, rows)
        score = (distinctive(mapping), len(mapping))
        if score > best_score:
            best, best_score = (number, index, mapping), score
    if best_score[0] < 2:
        return None, -1, {}
    return best
