"""Free text as people paste it: kept whole, less what no document can hold.

XML 1.0 forbids most control characters (a vertical tab pasted from Word is the
usual one); one of them in an update would break every Word file and spreadsheet
that includes it. They are removed when text is accepted, and again when files are
written, through `clean_text`.
"""

import re
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
