"""A member of the public reads the improvement plan's progress after the last board
(issue 17): from the council's public home page, at desktop and on a 375 px phone
with no axe violation and no sideways scrolling, and printed without the links."""

import datetime

import pytest
from django.utils import timezone

from e2e.conftest import check_page
from improvement.meetings.tests.factories import BodyFactory, MeetingFactory
from improvement.plans.tests.factories import (
    ActionFactory,
    NoticeFactory,
    ObjectiveFactory,
    UpdateFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def progress(council):
    """Two board meetings with published papers, weeks ago in real time (journeys
    run on the real clock), and a plan that moved between them."""
    today = timezone.localdate()
    board = BodyFactory(council=council)
    for weeks in (9, 3):
        day = today - datetime.timedelta(weeks=weeks)
        MeetingFactory(
            body=board,
            council=council,
            starts_at=datetime.datetime.combine(day, datetime.time(10), tzinfo=datetime.UTC),
            agenda_published_on=day - datetime.timedelta(days=7),
        )
    NoticeFactory(council=council, issued_on=today - datetime.timedelta(days=100))
    objective = ObjectiveFactory(
        council=council,
        title="The timeliness of the response to contacts, referrals and MASH enquiries",
    )
    for n in range(4):
        action = ActionFactory(objective=objective, title=f"Front door action number {n + 1}")
        UpdateFactory(action=action, as_of=today - datetime.timedelta(weeks=10), rating="green")
        if n == 0:
            UpdateFactory(action=action, as_of=today - datetime.timedelta(weeks=5), rating="red")


def test_the_public_read_the_plans_progress_on_a_desktop_a_phone_and_paper(page, progress):
    page.goto("/public/testshire/")
    page.get_by_role("link", name="How the improvement plan is progressing").click()
    page.get_by_role("heading", name="How the improvement plan is progressing").wait_for()
    assert page.get_by_text("0 of 4 actions complete (0.0%)").first.is_visible()
    assert page.get_by_text("1 became off track").is_visible()
    check_page(page, "public-progress-desktop")

    page.set_viewport_size({"width": 375, "height": 800})
    check_page(page, "public-progress-375")

    page.emulate_media(media="print")
    assert not page.get_by_role("link", name="All open data").is_visible()
    assert page.get_by_text("0 of 4 actions complete (0.0%)").first.is_visible()


def test_the_open_data_page_lists_its_files_on_a_phone(page, progress):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/public/testshire/data/")
    page.get_by_role("heading", name="Open data").wait_for()
    assert page.get_by_text("CSV, ").count() == 5
    check_page(page, "public-open-data-375")
