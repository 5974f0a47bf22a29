"""The action log and the scrutiny work programme as long lists: a person filters and
sorts them in the browser, and axe checks each page (its filters open, an error named)
at desktop width and at 375 pixels."""

import datetime

import pytest
from django.utils import timezone

from e2e.conftest import check_page, sign_in
from improvement.accounts.tests.factories import PersonFactory
from improvement.meetings.models import Body, ForwardItem, MeetingAction
from improvement.meetings.tests.factories import BodyFactory, MeetingFactory

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 800}


def check_both(page, name):
    check_page(page, name)
    page.set_viewport_size(PHONE)
    check_page(page, f"{name}-375")
    page.set_viewport_size(DESKTOP)


@pytest.fixture
def lists(council, police, board_manager):
    today = timezone.localdate()
    board = BodyFactory(council=council)
    scrutiny = BodyFactory(
        council=council, name="Children's scrutiny", slug="scrutiny", kind=Body.Kind.SCRUTINY
    )
    held = MeetingFactory(body=board, starts_at=timezone.now() - datetime.timedelta(days=20))
    olu = PersonFactory(council=council, name="Olu Owner", organisation=police)
    ada = PersonFactory(council=council, name="Ada Other")
    for number, owner in enumerate([olu, ada, olu]):
        MeetingAction.objects.create(
            council=council,
            meeting=held,
            text=f"Action {number}",
            owner=owner,
            due_on=today + datetime.timedelta(days=10 * number - 5),
        )
    for number in range(3):
        ForwardItem.objects.create(
            body=scrutiny,
            title=f"Programme item {number}",
            meeting_on=today + datetime.timedelta(days=30 * number),
            final_deadline=today + datetime.timedelta(days=30 * number - 10),
        )


def test_the_board_manager_filters_the_action_log(page, lists):
    sign_in(page, "manager")
    page.goto("/councils/testshire/meetings/actions/")
    check_both(page, "action-log")
    page.get_by_text("Filter and sort the actions").click()
    page.get_by_label("Owner", exact=True).select_option(label="Olu Owner")
    page.get_by_label("Sort by").select_option(label="Due date, latest first")
    page.get_by_role("button", name="Apply").click()
    assert page.get_by_text("2 actions match these filters.").is_visible()
    rows = page.locator("tbody th").all_inner_texts()
    assert rows == ["Action 2", "Action 0"]
    page.goto("/councils/testshire/meetings/actions/?due=soon")
    assert page.get_by_text("Select when the actions are due").first.is_visible()
    check_both(page, "action-log-error")


def test_a_councillor_filters_the_scrutiny_work_programme(page, lists, councillor):
    sign_in(page, "councillor")
    page.goto("/councils/testshire/meetings/")
    page.get_by_role("link", name="Scrutiny work programme").click()
    check_both(page, "work-programme")
    page.get_by_text("Filter and sort the work programme").click()
    page.get_by_label("Status").select_option(label="Report past its deadline")
    page.get_by_role("button", name="Apply").click()
    assert page.get_by_text("1 item matches these filters.").is_visible()
    assert page.locator("tbody th").all_inner_texts() == ["Programme item 0"]
    check_both(page, "work-programme-filtered")
