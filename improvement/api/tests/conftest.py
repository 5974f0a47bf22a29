"""A small plan, meetings, forward plan, complaints and Annex A figures for Testshire,
and a way to read the API with a token of any member of the cast."""

import datetime
from decimal import Decimal

import pytest

from improvement.annex_a.tests.factories import AnnexAImportFactory
from improvement.api import services
from improvement.complaints.tests.factories import ComplaintFactory
from improvement.evidence.tests.factories import (
    BenchmarkFactory,
    MeasureFactory,
    MeasureValueFactory,
)
from improvement.forward_plan.tests.factories import ForwardDecisionFactory
from improvement.meetings.models import Decision, MeetingAction
from improvement.meetings.tests.factories import AgendaItemFactory, MeetingFactory
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory, UpdateFactory


@pytest.fixture
def token_for(db):
    """The secret of a new token of `user`: what a program would hold."""

    def make(user, **kwargs):
        return services.create_token(user, "Power BI", **kwargs).secret

    return make


@pytest.fixture
def api_get(client):
    """GET an API path (after /api/v1/) with a token; the JSON response."""

    def get(secret, path, **params):
        headers = {"Authorization": f"Bearer {secret}"} if secret else {}
        return client.get(f"/api/v1/{path}", params, headers=headers)

    return get


@pytest.fixture
def plan(council, council_org, owner_person):
    objective = ObjectiveFactory(council=council, title="Timely front door")
    first = ActionFactory(objective=objective, organisation=council_org, owners=[owner_person])
    second = ActionFactory(objective=objective, organisation=council_org)
    UpdateFactory(action=first, as_of=datetime.date(2024, 1, 15), rating="amber", reason="Late")
    UpdateFactory(
        action=first, as_of=datetime.date(2024, 2, 15), rating="green", reason="Caught up"
    )
    measure = MeasureFactory(council=council, objectives=[objective])
    MeasureValueFactory(measure=measure, period=datetime.date(2024, 1, 1), value=Decimal("70"))
    BenchmarkFactory(measure=measure)
    return {"objective": objective, "actions": [first, second], "measure": measure}


@pytest.fixture
def board_meeting(council):
    meeting = MeetingFactory(body__council=council)
    open_item = AgendaItemFactory(meeting=meeting, title="Progress report", minute="Noted")
    exempt = AgendaItemFactory(
        meeting=meeting,
        title="Staffing",
        exempt_paragraph=1,
        description="Named officers",
        report_author="Head of HR",
    )
    for item in (open_item, exempt):
        Decision.objects.create(
            council=council,
            meeting=meeting,
            item=item,
            kind="resolution",
            text=f"Agreed on {item.title}",
            decided_on=datetime.date(2024, 2, 7),
        )
        MeetingAction.objects.create(
            council=council, meeting=meeting, item=item, text=f"Follow up {item.title}"
        )
    return meeting


@pytest.fixture
def everything(council, plan, board_meeting):
    ForwardDecisionFactory(council=council)
    ComplaintFactory(council=council)
    AnnexAImportFactory(council=council)
    return plan
