"""The query parameters every list takes."""

import datetime

from ninja import Schema
from pydantic import Field

from improvement.api.paging import DEFAULT_LIMIT, MAX_LIMIT


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
