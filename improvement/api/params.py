"""The query parameters every list takes, and what `updated_since` selects."""

import datetime
from typing import Any

from ninja import Schema
from pydantic import Field

from improvement.core.changes import as_aware

DEFAULT_LIMIT = 100
MAX_LIMIT = 500


class ListParams(Schema):
    updated_since: datetime.datetime | None = Field(
        None,
        description=(
            "Only records changed at or after this moment (ISO 8601, with a time zone), "
            "archived ones included. Pass the `generated_at` of the last full read."
        ),
    )
    cursor: str | None = Field(None, description="The `next_cursor` of the previous page.")
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Rows per page.")


def changed(queryset: Any, updated_since: datetime.datetime | None, live: bool = True) -> Any:
    """The rows a list serves: live ones on a full read; with `updated_since`, every row
    changed since then, archived ones included, so a refresh learns of an archiving."""
    if updated_since is None:
        return queryset.live() if live else queryset
    return queryset.changed_since(as_aware(updated_since))
