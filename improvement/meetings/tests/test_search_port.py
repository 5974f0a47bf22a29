"""Meetings' `search` port (docs/adr/043): meetings, agenda items and minutes, papers
and resolutions of this council; an exempt item and all that hangs on it only for a
reader who sees the body's exempt items; withdrawn items and archived meetings never."""

import datetime

import pytest

from improvement.accounts.tests.factories import PersonFactory
from improvement.meetings.models import Decision, Paper
from improvement.meetings.ports import search
from improvement.meetings.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    BodyMembershipFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db
WHEN = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)


def _totals(results):
    return {group.kind: group.total for group in results}


def _records(item, word):
    """A paper and a resolution of the item, each with `word` in it."""
    Paper.objects.create(item=item, name=f"{word} report.pdf", file="papers/x.pdf")
    Decision.objects.create(
        council=item.meeting.council,
        meeting=item.meeting,
        item=item,
        kind=Decision.Kind.RESOLUTION,
        text=f"The board agreed the {word} plan.",
        decided_on=datetime.date(2024, 2, 7),
    )


def test_finds_each_kind(council, board_member):
    meeting = MeetingFactory(body__council=council, location="Thresholds room")
    item = AgendaItemFactory(meeting=meeting, title="Thresholds", minute="Agreed thresholds.")
    _records(item, "thresholds")
    results = search(council, board_member, "thresholds")
    assert _totals(results) == {"meetings": 1, "items": 1, "papers": 1, "resolutions": 1}
    hit = results[1].hits[0]
    assert hit.url == f"/councils/testshire/meetings/{meeting.pk}/"
    assert hit.date == datetime.date(2024, 2, 7)
    assert "Agreed thresholds" in hit.snippet


def test_an_exempt_item_is_found_only_by_those_who_see_the_bodys_exempt_items(
    council, board_member, chair, councillor
):
    body = BodyFactory(council=council)
    item = AgendaItemFactory(meeting__body=body, title="Placement costs", exempt_paragraph=3)
    _records(item, "placement")
    open_item = AgendaItemFactory(meeting=item.meeting, title="Open placement sufficiency")
    member = PersonFactory(council=council, user=councillor)
    BodyMembershipFactory(body=body, person=member)

    hidden = search(council, board_member, "placement")
    assert _totals(hidden) == {"meetings": 0, "items": 1, "papers": 0, "resolutions": 0}
    assert [hit.title for hit in hidden[1].hits] == [open_item.title]
    for reader in (chair, councillor):
        assert _totals(search(council, reader, "placement")) == {
            "meetings": 0,
            "items": 2,
            "papers": 1,
            "resolutions": 1,
        }


def test_withdrawn_items_and_archived_meetings_are_never_found(council, chair):
    withdrawn = AgendaItemFactory(meeting__body__council=council, title="Withdrawn sufficiency")
    _records(withdrawn, "sufficiency")
    withdrawn.archived_at = WHEN
    withdrawn.save()
    archived = MeetingFactory(body__council=council, location="Sufficiency suite")
    _records(AgendaItemFactory(meeting=archived, title="Sufficiency"), "sufficiency")
    archived.archived_at = WHEN
    archived.save()
    assert set(_totals(search(council, chair, "sufficiency")).values()) == {0}


def test_another_councils_meetings_are_never_found(council, other_council, chair):
    item = AgendaItemFactory(meeting__body__council=other_council, title="Sufficiency")
    _records(item, "sufficiency")
    assert set(_totals(search(council, chair, "sufficiency")).values()) == {0}


def test_nothing_for_a_stranger(council, other_officer):
    AgendaItemFactory(meeting__body__council=council, title="Sufficiency")
    assert search(council, other_officer, "sufficiency") == []


def test_one_kind_alone(council, chair):
    item = AgendaItemFactory(meeting__body__council=council, title="Sufficiency")
    _records(item, "sufficiency")
    (papers,) = search(council, chair, "sufficiency", kind="papers")
    assert (papers.kind, papers.total) == ("papers", 1)
    assert search(council, chair, "sufficiency", kind="actions") == []


def test_a_resolution_of_no_item_is_found_by_every_member(council, board_member):
    body = BodyFactory(council=council)
    AgendaItemFactory(meeting__body=body, title="Exempt", exempt_paragraph=1)
    Decision.objects.create(
        council=council,
        meeting=MeetingFactory(body=body),
        kind=Decision.Kind.MINUTES,
        text="The minutes of the sufficiency meeting were approved.",
        decided_on=datetime.date(2024, 2, 7),
    )
    (resolutions,) = search(council, board_member, "sufficiency", kind="resolutions")
    assert resolutions.total == 1
