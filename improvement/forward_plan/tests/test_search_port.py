"""The forward plan's `search` port (docs/adr/043): its decisions, never a withdrawn
one, never another council's, and never by their exempt information."""

import pytest

from improvement.forward_plan.ports import search
from improvement.forward_plan.tests.factories import ForwardDecisionFactory

pytestmark = pytest.mark.django_db


def _titles(results):
    return [hit.title for group in results for hit in group.hits]


def test_finds_decisions_by_reference_title_and_description(council, councillor):
    by_title = ForwardDecisionFactory(council=council, title="Fostering allowances", reference="")
    ForwardDecisionFactory(council=council, reference="FP/0042", title="Short breaks")
    ForwardDecisionFactory(council=council, title="Other", description="Fostering fees uplift")
    assert len(_titles(search(council, councillor, "fostering"))) == 2
    assert _titles(search(council, councillor, "FP/0042")) == ["Short breaks – FP/0042"]
    (decisions,) = search(council, councillor, "allowances")
    assert decisions.hits[0].url == f"/councils/testshire/forward-plan/{by_title.pk}/"


def test_withdrawn_decisions_other_councils_and_exempt_detail_are_never_found(
    council, other_council, board_manager
):
    ForwardDecisionFactory(council=council, title="Fostering withdrawn", status="withdrawn")
    ForwardDecisionFactory(council=other_council, title="Fostering elsewhere")
    ForwardDecisionFactory(council=council, title="Private", exempt_detail="Fostering agency")
    assert search(council, board_manager, "fostering")[0].total == 0


def test_nothing_for_a_stranger_or_another_kind(council, other_officer, councillor):
    ForwardDecisionFactory(council=council, title="Fostering")
    assert search(council, other_officer, "fostering") == []
    assert search(council, councillor, "fostering", kind="cases") == []
