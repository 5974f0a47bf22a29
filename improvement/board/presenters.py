"""Display objects for the board's pages."""

from dataclasses import dataclass
from typing import Any


@dataclass
class ExceptionRow:
    """An objective slow to progress: why, and the support or capacity its owners asked for."""

    objective: Any
    actions: list[Any]
    measure_reasons: list[str]

    @property
    def capacity_asked(self) -> list[Any]:
        return [
            item
            for item in self.actions
            if item.latest_update and item.latest_update.support_needed
        ]
