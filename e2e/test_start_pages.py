"""Each role starts at its own start page and does its main job from there in a few
steps (docs/adr/031). Every page visited is checked with axe at desktop width and at
375 pixels, where it must not scroll sideways as a whole.

The demo is loaded for the day the journeys run, as `make run` loads it.
"""

import pytest
from django.utils import timezone

from e2e.conftest import check_page, sign_in
from improvement.demo.people import DEMO_PASSWORD
from improvement.demo.scenario import load_demo

pytestmark = pytest.mark.django_db(transaction=True)

PETERBOROUGH = "/councils/peterborough"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 800}


@pytest.fixture
def demo():
    load_demo(timezone.localdate())


def _as(page, username: str) -> None:
    page.context.clear_cookies()
    sign_in(page, username, DEMO_PASSWORD)


def _check(page, name: str) -> None:
    """axe at desktop width and at 375 pixels, where only a table's own region may
    scroll sideways, never the page."""
    page.set_viewport_size(DESKTOP)
    check_page(page, f"start-{name}-desktop")
    page.set_viewport_size(PHONE)
    check_page(page, f"start-{name}-375")
    page.set_viewport_size(DESKTOP)


def _start(page, username: str, panel: str) -> None:
    _as(page, username)
    if "/councils/" not in page.url:  # a person with several councils chooses one
        page.get_by_role("link", name="Peterborough City Council").first.click()
    page.get_by_role("heading", name="Your start page").wait_for()
    page.get_by_role("heading", name=panel, exact=True).wait_for()


def test_action_owner_records_an_update_from_their_start_page(page, demo):
    _start(page, "owner2", "Your actions")
    header = page.locator("header")
    assert header.get_by_text("Signed in as").is_visible()
    assert header.get_by_text("Peterborough City Council").is_visible()
    _check(page, "action-owner")

    actions = page.get_by_role("region", name="Your actions")
    actions.get_by_role("link", name="Record an update").first.click()
    _check(page, "action-owner-update-form")
    page.get_by_label("Green").check()
    page.get_by_label("Reason for the rating").fill("Groups running in four of five teams")
    page.get_by_role("button", name="Record update").click()
    page.get_by_text("Update recorded").wait_for()


def test_chair_sees_what_awaits_them_first_then_the_next_meetings_papers(page, demo):
    _start(page, "chair", "Awaiting your decision")
    text = page.locator("main").inner_text()
    assert text.index("Completions awaiting your decision") < text.index("Next meeting")
    _check(page, "chair")

    page.get_by_role("link", name="Children's Services Improvement Board").first.click()
    page.get_by_role("heading", level=1).first.wait_for()
    assert "/meetings/" in page.url
    _check(page, "chair-next-meeting")


def test_board_manager_follows_the_board_cycle_to_the_next_meeting(page, demo):
    _start(page, "manager", "The board cycle")
    assert page.get_by_text("Agenda published").is_visible()
    _check(page, "board-manager")

    page.get_by_role("link", name="Children's Services Improvement Board").first.click()
    page.get_by_role("button", name="Add an agenda item").wait_for()
    _check(page, "board-manager-next-meeting")


def test_councillor_opens_a_call_in_from_their_start_page(page, demo):
    _start(page, "councillor", "Your committees")
    _check(page, "councillor")

    # The panel lists the decisions that fall to the councillor's scrutiny committee,
    # each to its call-in page, where a member requests or joins one.
    page.get_by_role("link", name="see the call-in").first.click()
    page.get_by_role("heading", name="Request for call-in").wait_for()
    _check(page, "councillor-call-in")


def test_complaints_manager_opens_the_most_overdue_stage(page, demo):
    _start(page, "complaints", "Open complaint stages")
    stages = page.get_by_role("region", name="Open complaint stages")
    first = stages.get_by_role("row").nth(1)
    assert first.get_by_text("Overdue").is_visible()
    reference = first.get_by_role("link").first.inner_text()
    _check(page, "complaints-manager")

    first.get_by_role("link").first.click()
    page.get_by_text(reference).first.wait_for()
    _check(page, "complaints-manager-case")


def test_performance_officer_goes_from_the_annex_a_panel_to_an_import(page, demo):
    _start(page, "performance", "Annex A")
    _check(page, "performance-officer")

    page.get_by_role("link", name="Import an Annex A workbook").click()
    page.get_by_role("button", name="Import").wait_for()
    _check(page, "performance-officer-upload")


def test_signing_out_says_so_and_a_printed_page_drops_link_addresses(page, demo):
    _start(page, "manager", "The board cycle")
    page.emulate_media(media="print")
    after = page.evaluate(
        "() => [...document.querySelectorAll('main a[href]')]"
        ".map(a => getComputedStyle(a, '::after').content)"
    )
    assert after and all(content in ("none", "normal") for content in after), set(after)
    page.emulate_media(media="screen")

    page.locator("header").get_by_role("link", name="Sign out").click()
    page.get_by_role("button", name="Sign out").click()
    page.get_by_text("You have signed out").wait_for()
    _check(page, "signed-out")
