"""The annual report as JSON, HTML, PDF and Word, all from the same figures."""

import json
from typing import Any

from improvement.complaints.figures import annual_figures


def figures_json(council: Any, year: int) -> str:
    return json.dumps(annual_figures(council, year), indent=2)
