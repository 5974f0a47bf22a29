"""Journeys through a committee meeting and the public site, as given / when / then."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from e2e.conftest import check_page, sign_in
from improvement.accounts.tests.factories import PersonFactory
from improvement.core.working_days import add_working_days
from improvement.meetings import services

pytestmark = pytest.mark.django_db(transaction=True)

EXEMPT_TEXT = "Placement costs for the named provider"


@pytest.fixture
def committee(council, board_manager):
    body = services.create_body(
        board_manager,
        council,
        {
            "name": "Children and Education Scrutiny Committee",
            "slug": "scrutiny",
            "kind": "scrutiny",
        },
    )
    PersonFactory(council=council, name="Cllr A Shaheed")
    day = add_working_days(timezone.localdate(), 8)
    when = timezone.make_aware(datetime.datetime.combine(day, datetime.time(19)))
    meeting = services.schedule_meeting(board_manager, body, when, "Town Hall")
    later = services.schedule_meeting(
        board_manager, body, when + datetime.timedelta(days=42), "Town Hall"
    )
    return {"body": body, "meeting": meeting, "later": later}


def test_board_manager_runs_a_meeting_and_the_public_sees_the_exempt_item_withheld(
    page, committee, council, request
):
    meeting = committee["meeting"]
    meeting_url = f"/councils/testshire/meetings/{meeting.pk}/"
    # Given the board manager on the meeting's page
    sign_in(page, "manager")
    page.goto(meeting_url)
    check_page(page, "meeting-empty")

    # When they build an agenda with one open and one exempt item
    page.get_by_role("button", name="Add an agenda item").click()
    check_page(page, "agenda-item-form")
    page.get_by_label("Title").fill("Improvement board progress report")
    page.get_by_label("Report author").fill("Penny Aubert")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Add an agenda item").click()
    page.get_by_label("Title").fill("Residential placement contract")
    page.get_by_label("Description").fill(EXEMPT_TEXT)
    page.get_by_label("Exempt under Schedule 12A").select_option("3")
    page.get_by_role("button", name="Save").click()

    # And publishes the agenda five clear days ahead
    page.get_by_role("button", name="Publish agenda").click()
    page.get_by_role("button", name="Publish agenda").click()
    page.get_by_text("Published", exact=False).first.wait_for()
    assert page.get_by_role("button", name="Publish agenda").count() == 0

    # When the meeting and the next one have been held (the server shares this clock)
    traveller = time_machine.travel(committee["later"].starts_at + datetime.timedelta(hours=3))
    traveller.start()
    request.addfinalizer(traveller.stop)
    sign_in(page, "manager")
    page.goto(meeting_url)
    # Then they record attendance and minutes
    page.get_by_role("button", name="Record attendance").click()
    page.get_by_label("Person").select_option(label="Cllr A Shaheed")
    page.get_by_label("Status").select_option("present")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Minute of item 1").click()
    page.get_by_label("Minute").fill("The Committee RESOLVED to note the progress report.")
    page.get_by_role("button", name="Save").click()
    check_page(page, "meeting-with-minutes")

    # And approves the minutes at the next meeting, then publishes them
    page.get_by_role("button", name="Approve minutes").click()
    check_page(page, "minutes-approve")
    page.get_by_label("Approved at the meeting of").select_option(index=1)
    page.get_by_role("button", name="Approve minutes").click()
    page.get_by_role("button", name="Publish minutes").click()
    page.get_by_role("button", name="Publish minutes").click()
    meeting.refresh_from_db()
    assert meeting.minutes_status == "published"

    # Then a member of the public sees the open item and its minute, and the
    # exempt item's title with its paragraph, and nothing else of it
    page.context.clear_cookies()
    page.goto(f"/public/testshire/meetings/{meeting.pk}/")
    check_page(page, "public-meeting")
    body = page.content()
    assert "RESOLVED to note the progress report" in body
    assert "Exempt: paragraph 3 of Schedule 12A" in body
    assert EXEMPT_TEXT not in body
    feed = page.goto(f"/public/testshire/meetings/{meeting.pk}.json").text()
    assert EXEMPT_TEXT not in feed and "Improvement board progress report" in feed


def test_the_public_site_pages_have_no_axe_violations(page, committee):
    for path in (
        "/public/",
        "/public/testshire/",
        "/public/testshire/bodies/scrutiny/",
        "/public/testshire/decisions/",
    ):
        assert page.goto(path).status == 200, path
        check_page(page, "public" + path.replace("/", "-"))


def test_the_public_forward_plan_has_no_axe_violations(page, council, board_manager):
    from improvement.demo.forward_plan import load_forward_plan_demo

    council.slug = "peterborough"
    council.save()
    load_forward_plan_demo(council)
    page.goto("/public/peterborough/forward-plan/")
    check_page(page, "public-forward-plan-editions")
    page.get_by_role("link", name="20 October 2023").first.click()
    check_page(page, "public-forward-plan-edition")
    assert "KEY/20NOV23/01" in page.content()
