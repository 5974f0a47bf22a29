"""What other apps may use of the forward plan, and nothing else.

Used by:
- board (its search page): `search`, the forward plan's decisions found by their words.
"""

from improvement.forward_plan.search import KINDS, search

__all__ = ["KINDS", "search"]
