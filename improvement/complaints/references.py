"""A case's reference, given by the service when the record is made: a prefix for what
it is, the year it was received and a number, CSC-2024-0012, unique in the council.

References from a register or the demo are kept as given; only a record made without
one is numbered. Two people recording at once may read the same highest number: the
unique constraint on (council, reference) refuses the second, which takes the next.
"""

import re
from collections.abc import Iterable
from typing import Any

PREFIXES = {"childrens_social_care": "CSC", "education": "EDU"}
COMPLIMENT_PREFIX = "CMP"


def prefix_for(kind: str, service: str) -> str:
    if kind == "compliment":
        return COMPLIMENT_PREFIX
    return PREFIXES.get(service, "CSC")


def reference(prefix: str, year: int, number: int) -> str:
    return f"{prefix}-{year}-{number:04d}"


def highest_number(prefix: str, year: int, references: Iterable[str]) -> int:
    """The highest number among `references` of this prefix and year; 0 when none."""
    pattern = re.compile(rf"{re.escape(prefix)}-{year}-(\d+)")
    numbers = [int(found[1]) for ref in references if (found := pattern.fullmatch(ref))]
    return max(numbers, default=0)


def next_reference(council: Any, kind: str, service: str, year: int) -> str:
    """The next free reference of the council for this kind, service and year."""
    prefix = prefix_for(kind, service)
    taken = council.representations.filter(reference__startswith=f"{prefix}-{year}-")
    return reference(
        prefix, year, highest_number(prefix, year, taken.values_list("reference", flat=True)) + 1
    )
