"""The complaints records and the forward plan's decisions as long lists: filtered, with
a filter the list cannot read named, and at 375 pixels with nothing wider than the
screen but the tables, which scroll on their own. axe checks each page."""

import datetime

import pytest

from e2e.conftest import check_page, sign_in
from improvement.complaints.tests.factories import ComplaintFactory
from improvement.forward_plan.tests.factories import ForwardDecisionFactory

PHONE = {"width": 375, "height": 800}
BASE = "/councils/testshire"


@pytest.fixture
def lists(council, complaints_manager, board_manager):
    today = datetime.date.today()
    for number in range(30):
        ComplaintFactory(
            council=council,
            reference=f"CSC-2024-{number:04d}",
            received_on=today - datetime.timedelta(days=number * 7),
            team="Children in Care" if number % 2 else "Early Help",
        )
    for number in range(30):
        ForwardDecisionFactory(
            council=council,
            title=f"Decision {number}",
            is_key=bool(number % 2),
            expected_on=today + datetime.timedelta(days=number * 5),
        )


def check_both_widths(page, path, name):
    assert page.goto(path).status == 200, path
    check_page(page, name)
    page.set_viewport_size(PHONE)
    page.goto(path)
    check_page(page, f"{name}-375")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
    page.set_viewport_size({"width": 1280, "height": 900})


def test_the_records_filter_page_and_name_a_filter_they_cannot_read(page, lists):
    sign_in(page, "complaints")
    check_both_widths(page, f"{BASE}/complaints/cases/?status=open&sort=due", "cases-open")
    check_both_widths(page, f"{BASE}/complaints/cases/?stage=stage9", "cases-bad-filter")
    assert page.get_by_role("link", name="Select a stage from the list").is_visible()
    page.goto(f"{BASE}/complaints/cases/")
    page.get_by_text("Filter and sort the records").click()
    page.get_by_label("Team").select_option("Early Help")
    page.get_by_role("button", name="Apply").click()
    assert "15 records match these filters." in page.content()


def test_the_decisions_filter_and_page_at_both_widths(page, lists):
    sign_in(page, "manager")
    check_both_widths(page, f"{BASE}/forward-plan/?key=yes&sort=title", "register-key")
    check_both_widths(page, f"{BASE}/forward-plan/?month=1999-01", "register-bad-filter")
    check_both_widths(page, f"{BASE}/forward-plan/executive-decisions/", "executive-empty")
    check_both_widths(page, f"{BASE}/complaints/ombudsman/", "ombudsman-decisions")
