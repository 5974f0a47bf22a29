"""The lists of a plan's records within forms come as the plan lists them: actions
1.1, 1.2, then 2.1 (by the order the board gave them, `in_plan_order`), objectives in
the same order, and findings by kind then reference as people count (PA2 before PA10)."""

import pytest

from improvement.evidence.forms import AuditForm, MeasureForm, ThemeForm
from improvement.plans.diagnostic_forms import DiagnosticFindingForm
from improvement.plans.forms import ActionForm, ObjectiveForm
from improvement.plans.tests.factories import ActionFactory, FindingFactory, ObjectiveFactory

pytestmark = pytest.mark.django_db


def labels(form, name):
    return [label for value, label in form.fields[name].choices if value != ""]


@pytest.fixture
def plan(council):
    """Two objectives and their actions, added out of plan order."""
    second = ObjectiveFactory(council=council, ref="2", title="Second", position=2)
    first = ObjectiveFactory(council=council, ref="1", title="First", position=1)
    for objective, ref, position in [
        (second, "2.1", 1),
        (first, "1.2", 2),
        (first, "1.10", 10),
        (first, "1.1", 1),
    ]:
        ActionFactory(objective=objective, ref=ref, title="Do it", position=position)
    return first, second


def test_actions_come_in_plan_order(council, plan):
    found = [label.split()[0] for label in labels(MeasureForm(council=council), "actions")]
    assert found == ["1.1", "1.2", "1.10", "2.1"]


@pytest.mark.parametrize(
    ("form", "name"),
    [
        (MeasureForm, "objectives"),
        (AuditForm, "objectives"),
        (ThemeForm, "objectives"),
        (DiagnosticFindingForm, "objectives"),
    ],
)
def test_objectives_come_in_plan_order(council, plan, form, name):
    assert labels(form(council=council), name) == ["1 First", "2 Second"]


@pytest.mark.parametrize("form", [ObjectiveForm, ActionForm])
def test_findings_come_by_kind_then_natural_reference(council, form):
    for ref in ("PA10", "PA2", "PA1"):
        FindingFactory(council=council, ref=ref)
    FindingFactory(council=council, ref="AFI3", kind="area_for_improvement")
    found = labels(form(council=council), "findings")
    assert found == [
        "Area for improvement AFI3",
        "Priority action PA1",
        "Priority action PA2",
        "Priority action PA10",
    ]
    # The choices still validate as any model choice does.
    chosen = form(council=council, data={"findings": [council.findings.get(ref="PA2").pk]})
    chosen.is_valid()
    assert "findings" not in chosen.errors
