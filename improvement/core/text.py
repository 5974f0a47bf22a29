"""Free text as people paste it: kept whole, less what no document can hold.

XML 1.0 forbids most control characters (a vertical tab pasted from Word is the
usual one); one of them in an update would break every Word file and spreadsheet
that includes it. They are removed when text is accepted, and again when files are
written, through `clean_text`.
"""

import re
from decimal import Decimal
from typing import Any

# XML 1.0 allows tab, newline and carriage return below U+0020, and nothing in the
# surrogate range or U+FFFE/U+FFFF.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# The limits that fit each use of free text; forms, importers and the API apply them.
SHORT_TEXT = 200
LONG_TEXT = 5_000
NOTES_TEXT = 20_000


def clean_text(value: Any) -> Any:
    """The text without XML-illegal characters (a vertical tab becomes a newline);
    anything that is not a string is returned as it was."""
    if not isinstance(value, str):
        return value
    return _ILLEGAL.sub("", value.replace("\x0b", "\n").replace("\x0c", "\n"))


def reads_as_empty(value: Any) -> bool:
    """True when nothing readable is left once the text is cleaned: a required reason
    made only of spaces and control characters is no reason."""
    return not clean_text(value or "").strip()


def count(number: Any) -> str:
    """A count as people write it: 3, never 3.0 (a count summed as a float or a
    Decimal still counts whole things); 1,250 with its thousands separated."""
    if isinstance(number, float | Decimal) and number == int(number):
        number = int(number)
    return f"{number:,}"


def plural(number: Any, singular: str, plural_form: str | None = None) -> str:
    """The count with its noun agreeing in number: "1 action", "0 objectives",
    "3 actions"; `plural_form` for a noun that does not take an s ("1 child",
    "2 children")."""
    many = plural_form if plural_form is not None else f"{singular}s"
    return f"{count(number)} {singular if number == 1 else many}"
