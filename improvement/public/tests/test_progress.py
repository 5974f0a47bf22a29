"""The public progress page: the plan as at the last board whose papers are published,
against the board before, in plain English; nothing exempt named."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from improvement.accounts.tests.factories import PersonFactory
from improvement.meetings import minutes
from improvement.plans.models import Rating
from improvement.plans.tests.factories import (
    ActionFactory,
    NoticeFactory,
    ObjectiveFactory,
    UpdateFactory,
)
from improvement.public import progress

D = datetime.date
UTC = datetime.UTC


def _rate(action, day, rating):
    extra = {}
    if rating == Rating.BLUE:
        reviewed = datetime.datetime.combine(day, datetime.time(13), tzinfo=UTC)
        extra = {"approval": "accepted", "reviewed_at": reviewed}
    return UpdateFactory(action=action, as_of=day, rating=rating, **extra)


@pytest.fixture
def plan(council, record):
    NoticeFactory(council=council, issued_on=D(2023, 8, 2))
    front = ObjectiveFactory(council=council, ref="1", title="Front door timeliness")
    voice = ObjectiveFactory(council=council, ref="2", title="Voice of the child")
    done_before = ActionFactory(objective=voice, title="Audit the front door")
    completed = ActionFactory(objective=front, title="Recruit MASH social workers")
    slipped = ActionFactory(objective=front, title="Clear the referral backlog")
    steady = ActionFactory(objective=front, title="Weekly performance meeting")
    secret = ActionFactory(objective=voice, title="SECRET disciplinary follow-up")
    _rate(done_before, D(2024, 1, 5), Rating.BLUE)
    _rate(completed, D(2024, 1, 5), Rating.GREEN)
    _rate(completed, D(2024, 2, 1), Rating.BLUE)
    _rate(slipped, D(2024, 1, 5), Rating.GREEN)
    _rate(slipped, D(2024, 2, 15), Rating.RED)
    _rate(steady, D(2024, 1, 5), Rating.GREEN)
    _rate(secret, D(2024, 1, 5), Rating.AMBER)
    _rate(secret, D(2024, 2, 15), Rating.RED)
    record["first"].items.get(title="Staffing").actions.add(secret)
    return {"secret": secret}


def test_progress_is_as_at_the_last_board_against_the_one_before(council, plan):
    found = progress.public_progress(council)
    assert found.as_at == D(2024, 2, 21)
    assert found.share == "2 of 5 actions complete (40.0%)"
    assert [line.share for line in found.objectives] == [
        "1 of 3 actions complete (33.3%)",
        "1 of 2 actions complete (50.0%)",
    ]
    assert found.changes.summary == (
        "Since the board of 10 January 2024: 1 action completed, 2 became off track"
    )
    assert found.changes.completed == ["Recruit MASH social workers"]
    # Counted, never named: the action tied to an exempt agenda item.
    assert found.changes.off_track == ["Clear the referral backlog"]
    assert found.changes.withheld == 1
    assert found.next_review == D(2024, 2, 2)


def test_the_page_reads_in_plain_english_and_names_nothing_exempt(council, plan, client):
    response = client.get(reverse("public:progress", args=[council.slug]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "2 of 5 actions complete (40.0%)" in page
    assert "Since the board of 10 January 2024: 1 action completed, 2 became off track" in page
    assert "next review is due by 2 February 2024" in page
    assert "1 of these is not named" in page
    assert "SECRET" not in page
    assert 'class="ib-table-scroll"' in page  # the table scrolls on a 375 px screen


def test_the_council_home_page_links_to_the_progress(council, record, client):
    page = client.get(reverse("public:council", args=[council.slug])).content.decode()
    assert reverse("public:progress", args=[council.slug]) in page


def test_no_progress_before_a_board_with_published_papers_has_met(council, plan, client):
    for meeting in council.meetings.all():
        meeting.is_public = False
        meeting.save()
    response = client.get(reverse("public:progress", args=[council.slug]))
    assert response.status_code == 200
    assert "Nothing to show yet" in response.content.decode()
    api = client.get(f"/api/v1/public/councils/{council.slug}/progress")
    assert api.status_code == 404


def test_the_first_published_board_has_nothing_to_compare_with(council, plan, record):
    record["first"].is_public = False
    record["first"].save()
    found = progress.public_progress(council)
    assert found.changes is None and found.as_at == D(2024, 2, 21)


def test_the_api_gives_the_same_progress(council, plan, client):
    data = client.get(f"/api/v1/public/councils/{council.slug}/progress").json()
    assert data["summary"] == "2 of 5 actions complete (40.0%)"
    assert data["percent_complete"] == "40.0"
    assert data["since_last_board"]["became_off_track"] == 2
    assert data["objectives"][0]["summary"] == "1 of 3 actions complete (33.3%)"
    assert "SECRET" not in str(data)


def test_progress_costs_the_same_queries_for_a_bigger_plan(
    council, plan, client, django_assert_max_num_queries
):
    url = reverse("public:progress", args=[council.slug])
    client.get(url)
    cache.clear()  # measure the pictures themselves, not the kept copy
    with django_assert_max_num_queries(40) as before:
        client.get(url)
    objective = ObjectiveFactory(council=council, title="More")
    for _ in range(15):
        _rate(ActionFactory(objective=objective), D(2024, 1, 5), Rating.GREEN)
    cache.clear()
    with django_assert_max_num_queries(len(before.captured_queries)):
        assert "2 of 20 actions complete" in client.get(url).content.decode()


def test_an_action_tied_to_an_exempt_item_later_is_unnamed_at_once(council, plan, record, client):
    url = reverse("public:progress", args=[council.slug])
    assert "Recruit MASH social workers" in client.get(url).content.decode()
    completed = council.actions.get(title="Recruit MASH social workers")
    record["first"].items.get(title="Staffing").actions.add(completed)
    # The board's picture is kept in the cache; which actions go unnamed is not.
    page = client.get(url).content.decode()
    assert "Recruit MASH social workers" not in page
    assert "2 of these are not named" in page


def test_an_action_logged_against_an_exempt_item_is_not_named(council, plan, record, board_manager):
    exempt = record["first"].items.get(title="Staffing")
    exempt.actions.clear()
    entry = minutes.add_meeting_action(
        board_manager, record["first"], "Follow up", PersonFactory(council=council), item=exempt
    )
    entry.plan_action = plan["secret"]
    entry.save()
    found = progress.public_progress(council)
    assert found.changes.off_track == ["Clear the referral backlog"]
    assert found.changes.off_track_count == 2
