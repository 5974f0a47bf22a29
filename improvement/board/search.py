"""The council's search page: the plan, meetings and their papers, the forward plan's
decisions and, for those who may see them, complaint cases, found by their words and
grouped by kind (docs/adr/043).

Each app finds its own records through its port, under the permissions its own pages
apply; this module only cleans the query, asks each app and keeps what was found.
Each kind costs one query (a page of hits, counted by a window function), so a search costs the same
whatever the size of the record.
"""

from dataclasses import dataclass, field
from typing import Any

from improvement.complaints import ports as complaints
from improvement.core.models import Council
from improvement.core.search import ONE_KIND, PER_KIND, Found, search_terms
from improvement.forward_plan import ports as forward_plan
from improvement.meetings import ports as meetings
from improvement.plans import ports as plans

# The apps searched, in the order their kinds are shown.
APPS = [plans, meetings, forward_plan, complaints]
KINDS = {kind: label for app in APPS for kind, label in app.KINDS}


@dataclass
class Results:
    """What a search found: the cleaned query, the kind asked for (or ""), and the
    kinds with at least one hit, in the page's order."""

    terms: str
    kind: str = ""
    groups: list[Found] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(group.total for group in self.groups)


def search(council: Council, user: Any, raw: Any, kind: Any = "") -> Results:
    """Search the council's records for `raw` as this reader may see them: every kind
    (up to `PER_KIND` hits of each), or one kind (up to `ONE_KIND`) when `kind` names
    one. An empty query searches nothing."""
    terms = search_terms(raw)
    chosen = kind if isinstance(kind, str) and kind in KINDS else ""
    results = Results(terms=terms, kind=chosen)
    if not terms:
        return results
    limit = ONE_KIND if chosen else PER_KIND
    for app in APPS:
        found = app.search(council, user, terms, limit=limit, kind=chosen or None)
        results.groups.extend(group for group in found if group.total)
    return results
