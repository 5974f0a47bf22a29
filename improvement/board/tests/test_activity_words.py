"""The activity and history pages read as words: labels rather than field names, choice
labels rather than stored codes, dates as people write them, linked records by name,
and no more queries for a longer page."""

import datetime
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from improvement.accounts.tests.factories import OrganisationFactory
from improvement.core import audit
from improvement.core.models import AuditEntry
from improvement.meetings.models import AgendaItem
from improvement.meetings.tests.factories import BodyFactory, MeetingFactory
from improvement.plans import services
from improvement.plans.models import Action, Inspection
from improvement.plans.tests.factories import ActionFactory, InspectionFactory, ObjectiveFactory

# A stored name or code: words joined by underscores (published_on, focused_visit).
CODE = re.compile(r"\b[a-z0-9]+_[a-z0-9_]+\b")


def _table(response) -> str:
    assert response.status_code == 200
    body = response.content.decode()
    return body[body.index("<table") : body.index("</table>")]


def _words(table: str) -> str:
    return re.sub(r"<[^>]+>", " ", table)


@pytest.fixture
def changed_inspection(council, board_manager):
    inspection = InspectionFactory(council=council, kind=Inspection.Kind.FOCUSED_VISIT)
    before = audit.snapshot(inspection)
    inspection.published_on = datetime.date(2024, 2, 7)
    inspection.kind = Inspection.Kind.ILACS
    inspection.save()
    audit.record(board_manager, "changed", inspection, before, audit.snapshot(inspection))
    return inspection


def test_a_records_history_shows_labels_and_values_in_words(
    council, board_manager, client_for, changed_inspection
):
    url = reverse("board:history", args=[council.slug, "inspection", changed_inspection.pk])
    table = _table(client_for(board_manager).get(url))
    assert "Published on" in table and "7 February 2024" in table and "9 May 2023" in table
    assert Inspection.Kind.ILACS.label in table
    assert "2024-02-07" not in table and "published_on" not in table
    assert not CODE.search(_words(table)), CODE.search(_words(table)).group()


def test_the_activity_shows_yes_and_no_and_linked_records_by_name(
    council, board_manager, owner, client_for
):
    # As accounts.services.deactivate_person records it.
    audit.record(
        board_manager, "deactivated", owner, {"is_active": True}, {"is_active": False}, council
    )
    action = ActionFactory(objective=ObjectiveFactory(council=council))
    moved = OrganisationFactory(council=council, name="Cambridgeshire Police")
    services.change_action(board_manager, action, {"organisation": moved}, action.version)
    table = _table(client_for(board_manager).get(reverse("board:activity", args=[council.slug])))
    assert "<strong>Active</strong></dt><dd>Yes</dd>" in table
    assert "<strong>Active</strong></dt><dd>No</dd>" in table
    assert "<strong>Organisation</strong></dt><dd>Cambridgeshire Police</dd>" in table
    assert "True" not in table and "False" not in table
    assert not CODE.search(_words(table)), CODE.search(_words(table)).group()


def _linked_changes(council, count: int) -> None:
    """`count` changes: actions moved between organisations, and agenda items each
    moved to a meeting of its own (a meeting is named by its body: a linked read)."""
    objective = ObjectiveFactory(council=council).pk
    organisations = [OrganisationFactory(council=council, name=f"Org {n}").pk for n in range(3)]
    meetings = [MeetingFactory(body=BodyFactory(council=council)).pk for _ in range(count)]
    action, item = (ContentType.objects.get_for_model(m) for m in (Action, AgendaItem))
    entries = [
        AuditEntry(
            council=council,
            actor_name="Penny Aubert",
            verb="changed",
            content_type=action if n % 2 else item,
            object_id=str(n),
            object_repr=f"change number {n}",
            before={"organisation": organisations[n % 3], "objective": objective},
            after={"organisation": organisations[(n + 1) % 3], "meeting": meetings[n]},
        )
        for n in range(count)
    ]
    AuditEntry.objects.bulk_create(entries)


def _queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_naming_linked_records_costs_no_query_per_row(council, board_manager, client_for):
    client, url = client_for(board_manager), reverse("board:activity", args=[council.slug])
    _linked_changes(council, 2)
    few = _queries(client, url)
    _linked_changes(council, 48)
    assert _queries(client, url) == few
    table = _table(client.get(url))
    assert "Org 1" in table and "<strong>Meeting</strong></dt><dd>" in table


def test_a_complaint_cases_history_reads_as_words(council, complaints_manager, client_for):
    from improvement.complaints import services as complaints
    from improvement.complaints.tests.factories import ComplaintFactory

    case = ComplaintFactory(
        council=council, reference="T-1", received_on=datetime.date(2024, 2, 1), stage1_route=""
    )
    data = {
        "stage1_route": "formal",
        "stage1_extended": True,
        "stage1_responded_on": datetime.date(2024, 2, 7),
        "stage1_outcome": "not_upheld",
    }
    complaints.record_stage1(complaints_manager, case, data, case.version)
    page = client_for(complaints_manager).get(
        reverse("complaints:case", args=[council.slug, case.pk])
    )
    table = _table(page)
    assert "<strong>Stage 1 route</strong></dt><dd>Formal</dd>" in table
    assert "<strong>Stage 1 extended</strong></dt><dd>Yes</dd>" in table
    assert "7 February 2024" in table and "Stage1" not in table
    assert not CODE.search(_words(table)), CODE.search(_words(table)).group()
