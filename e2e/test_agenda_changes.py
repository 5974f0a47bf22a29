"""The board manager starts an agenda from the body's standard agenda, then changes an
item and the meeting's time before the agenda goes out (ADR 040)."""

import datetime

import pytest
from django.utils import timezone

from e2e.conftest import check_page, sign_in
from improvement.core.working_days import add_working_days
from improvement.meetings import services

pytestmark = pytest.mark.django_db(transaction=True)


def test_board_manager_starts_from_the_standard_agenda_and_changes_it(page, council, board_manager):
    body = services.create_body(
        board_manager,
        council,
        {
            "name": "Children and Education Scrutiny Committee",
            "slug": "scrutiny",
            "kind": "scrutiny",
        },
    )
    # Given the board manager on the committee's page
    sign_in(page, "manager")
    page.goto(f"/councils/testshire/meetings/bodies/{body.slug}/")
    # When they set its standard agenda, one item a line
    page.get_by_role("link", name="Set a standard agenda").click()
    check_page(page, "standard-agenda-form")
    page.get_by_label("Standard agenda items").fill(
        "1. Apologies for absence\nDeclarations of interest\nAny other business"
    )
    page.get_by_role("button", name="Save").click()
    assert page.get_by_role("listitem").filter(has_text="Declarations of interest").count() == 1
    check_page(page, "body-with-standard-agenda")

    # And schedule a meeting, the standard agenda ticked for them
    page.get_by_role("button", name="Schedule a meeting").click()
    check_page(page, "meeting-schedule-with-standard-agenda")
    day = add_working_days(timezone.localdate(), 10)
    page.get_by_label("Day").fill(str(day.day))
    page.get_by_label("Month").fill(str(day.month))
    page.get_by_label("Year").fill(str(day.year))
    page.get_by_label("Time").fill("7pm")
    page.get_by_label("Location").fill("Town Hall")
    assert page.get_by_label("Start the agenda from the standard agenda").is_checked()
    page.get_by_role("button", name="Save").click()

    # Then the new meeting's agenda holds the standard items in order
    for number, title in enumerate(
        ["Apologies for absence", "Declarations of interest", "Any other business"], start=1
    ):
        page.get_by_role("heading", name=f"{number}. {title}").wait_for()

    # When they change the last item
    page.get_by_role("link", name="Change item 3").click()
    check_page(page, "agenda-item-change")
    page.get_by_label("Title").fill("Urgent business")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="3. Urgent business").wait_for()

    # And move the meeting half an hour later
    page.get_by_role("button", name="Change date, time or place").click()
    check_page(page, "meeting-change")
    page.get_by_label("Time").fill("7.30pm")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Meeting changed").wait_for()
    meeting = body.meetings.get()
    local = timezone.localtime(meeting.starts_at)
    assert (local.date(), local.time()) == (day, datetime.time(19, 30))
