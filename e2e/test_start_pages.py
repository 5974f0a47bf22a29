"""Each role starts at its own start page and does its main job from there in a few
steps (docs/adr/031). Every page visited is checked with axe at desktop width and at
375 pixels, where it must not scroll sideways as a whole.

The demo is loaded for the day the journeys run, as `make run` loads it. Each journey
starts at the role's start page and ends on the page that says the job is done.
"""

import csv
import re

import pytest
from django.utils import timezone

from e2e.conftest import check_page, sign_in
from improvement.annex_a.tests.handbuilt import hand_built
from improvement.demo.people import DEMO_PASSWORD
from improvement.demo.scenario import load_demo

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 800}
PETERBOROUGH = "/councils/peterborough"


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


def _start_again(page, panel: str) -> None:
    """Back to the council's start page, as its link in the header leads."""
    page.goto(f"{PETERBOROUGH}/")
    page.get_by_role("heading", name=panel, exact=True).wait_for()


def test_action_owner_answers_the_boards_request_and_records_an_update(page, demo):
    _start(page, "owner2", "Your actions")
    header = page.locator("header")
    assert header.get_by_text("Signed in as").is_visible()
    assert header.get_by_text("Peterborough City Council").is_visible()
    _check(page, "action-owner")

    # The demo's update request waits for every owner of an open action: the owner
    # answers it for all their actions on one page.
    actions = page.get_by_role("region", name="Your actions")
    page.get_by_role("link", name=re.compile(r"^Updates for the board after")).click()
    page.get_by_role("heading", name="Updates from Lydia Bennett").wait_for()
    _check(page, "action-owner-request")
    ratings = page.get_by_role("group", name="Rating")
    for number in range(ratings.count()):
        ratings.nth(number).get_by_label("Amber").check()
        page.get_by_label("Reason for the rating").nth(number).fill("Two teams still to start")
    page.get_by_role("button", name="Send updates").click()
    page.get_by_text(re.compile(r"Thank you: \d+ updates? recorded")).wait_for()
    page.get_by_text("You replied on").wait_for()

    # and records a further update on one action from the start page
    page.get_by_role("link", name="Home", exact=True).first.click()
    actions.get_by_role("link", name="Record an update").first.click()
    _check(page, "action-owner-update-form")
    page.get_by_label("Green").check()
    page.get_by_label("Reason for the rating").fill("Groups running in four of five teams")
    page.get_by_role("button", name="Record update").click()
    page.get_by_text("Update recorded").wait_for()


def test_chair_decides_a_completion_from_their_start_page(page, demo):
    _start(page, "chair", "Awaiting your decision")
    text = page.locator("main").inner_text()
    assert text.index("Completions awaiting your decision") < text.index("Next meeting")
    _check(page, "chair")

    # One of the demo's completions; test_plan_journeys follows a completion from the
    # owner's proposal to this same decision, test_demo_roles the chair's dashboard.
    page.get_by_role("link", name="decide").first.click()
    _check(page, "chair-decide")
    page.get_by_label("Accept").check()
    page.get_by_role("button", name="Record decision").click()
    page.get_by_text("Completion accepted").wait_for()
    _check(page, "chair-decided")

    page.get_by_role("link", name="Home", exact=True).first.click()
    page.get_by_role("link", name="Children's Services Improvement Board").first.click()
    page.get_by_role("heading", level=1).first.wait_for()
    assert "/meetings/" in page.url
    _check(page, "chair-next-meeting")


def test_board_manager_chases_the_owners_and_readies_the_agenda(page, demo):
    today = timezone.localdate()
    _start(page, "manager", "The board cycle")
    cycle = page.get_by_role("region", name="The board cycle")
    assert cycle.get_by_text(re.compile(r"\d+ owners? yet to reply")).first.is_visible()
    _check(page, "board-manager")

    # From the panel to the request: sent and reminded, in words
    cycle.get_by_role("link", name=re.compile(r"^Updates for the board after")).click()
    page.get_by_text(re.compile(r"Sent to \d+ of \d+ owners")).wait_for()
    _check(page, "board-manager-request")

    # Chase the owners who have not replied: check whom it reaches, then send
    page.get_by_role("link", name="Remind the owners who have not replied").click()
    reaches = page.get_by_role("list", name="Owners the reminder reaches")
    assert "Lydia Bennett (lydia.bennett@example.invalid)" in reaches.inner_text()
    _check(page, "board-manager-remind")
    page.get_by_role("button", name="Send the reminder").click()
    page.get_by_text(re.compile(rf"Reminded \d+ owners? on {today:%-d %B %Y}")).wait_for()

    # The next meeting, and its agenda as the public will read it, before publishing
    page.get_by_role("link", name="Home", exact=True).first.click()
    cycle.get_by_role("link", name="Children's Services Improvement Board").first.click()
    page.get_by_role("button", name="Add an agenda item").wait_for()
    _check(page, "board-manager-next-meeting")
    # The agenda is not yet published: the officer checks it as the public will read it
    page.get_by_role("button", name="Publish agenda").click()
    page.get_by_role("heading", name="What the public will see").wait_for()
    assert page.get_by_text(re.compile(r"5 clear working days' notice")).is_visible()
    _check(page, "board-manager-publish")


def test_councillor_requests_a_call_in_and_reads_their_work_programme(page, demo):
    _start(page, "councillor", "Your committees")
    _check(page, "councillor")

    # The panel lists the decisions that fall to the councillor's scrutiny committee,
    # each to its call-in page, where a member requests or joins one.
    page.get_by_role("link", name="see the call-in").first.click()
    page.get_by_role("heading", name="Request for call-in").wait_for()
    _check(page, "councillor-call-in")
    # A link drawn as a button, which says it is one.
    page.get_by_role("button", name="Request a call-in").click()
    page.get_by_label("Why should the decision be called in?").fill(
        "The committee has not seen the evidence behind the new front door model."
    )
    page.get_by_role("button", name="Continue").click()
    _check(page, "councillor-call-in-check")
    page.get_by_role("button", name="Request the call-in").click()
    page.get_by_text("Call-in requested").first.wait_for()
    assert page.get_by_text("new front door model").is_visible()

    # Their committee's work programme, filtered to it
    page.get_by_role("link", name="Home", exact=True).first.click()
    committees = page.get_by_role("region", name="Your committees")
    committee = committees.get_by_role("link", name=re.compile(r"Scrutiny Committee$")).first
    name = committee.inner_text()
    committee.click()
    page.get_by_role("link", name="Filter, sort or download this committee's work").click()
    page.get_by_role("heading", name="Scrutiny work programme").wait_for()
    assert page.get_by_label("Committee").locator("option:checked").inner_text() == name
    table = page.get_by_role("region", name="Scrutiny work programme")
    cells = table.get_by_role("row").locator("td:nth-child(2)").all_inner_texts()
    assert cells and set(cells) == {name}
    _check(page, "councillor-work-programme")


# The stage a complaint's clock runs on, the button that records it, and the date that
# closes it.
STAGE_FIELDS = {
    "Stage 1 response": ("Record stage 1", "Response sent"),
    "Stage 2 investigation": ("Record stage 2 investigation", "Investigation completed"),
    "Stage 3 panel": ("Record stage 3 review panel", "Panel held"),
    "Stage 3 panel report": ("Record stage 3 review panel", "Panel report sent"),
    "Stage 3 council response": ("Record stage 3 review panel", "Council's response sent"),
}


def test_complaints_manager_lists_the_overdue_then_answers_the_most_overdue_stage(page, demo):
    today = timezone.localdate()
    _start(page, "complaints", "Open complaint stages")
    stages = page.get_by_role("region", name="Open complaint stages")
    first = stages.get_by_role("row").nth(1)
    assert first.get_by_text("Overdue").is_visible()
    reference = first.get_by_role("link").first.inner_text()
    stage = first.get_by_role("cell").nth(1).inner_text()
    _check(page, "complaints-manager")

    # Every overdue record, as a CSV file: the most overdue stage's record among them.
    page.get_by_role("link", name="Complaints", exact=True).first.click()
    page.get_by_role("link", name="All records").click()
    page.get_by_text("Filter and sort the records").click()
    page.get_by_label("Overdue", exact=True).select_option(label="Overdue")
    page.get_by_role("button", name="Apply").click()
    download_link = page.get_by_role("link", name=re.compile(r"as a CSV file"))
    _check(page, "complaints-manager-overdue")
    assert page.get_by_role("link", name=reference).count() == 1
    with page.expect_download() as downloading:
        download_link.click()
    download = downloading.value
    assert download.suggested_filename == f"peterborough-records-{today.isoformat()}.csv"
    with open(download.path(), encoding="utf-8-sig") as csv_file:
        header = next(csv.reader(csv_file))
        rows = list(csv.reader(csv_file))
    assert header[:2] == ["Reference", "Received"] and "Overdue" in header
    assert reference in {row[0] for row in rows}
    assert {row[header.index("Overdue")] for row in rows} == {"Yes"}

    # Back at the start page, the most overdue stage is answered.
    _start_again(page, "Open complaint stages")
    stages = page.get_by_role("region", name="Open complaint stages")
    stages.get_by_role("link", name=reference).first.click()
    page.get_by_role("heading", name=reference).wait_for()
    _check(page, "complaints-manager-case")
    button, closing = STAGE_FIELDS[stage]
    page.get_by_role("button", name=button).click()
    when = page.get_by_role("group", name=closing)
    when.get_by_label("Day").fill(str(today.day))
    when.get_by_label("Month").fill(str(today.month))
    when.get_by_label("Year").fill(str(today.year))
    _check(page, "complaints-manager-stage")
    page.get_by_role("button", name="Save").click()
    page.get_by_text(re.compile(rf"recorded for {reference}")).wait_for()
    assert page.get_by_text(f"{stage}:").count() == 0  # that stage's clock has stopped


def test_performance_officer_imports_a_workbook_from_the_annex_a_panel(page, demo, tmp_path):
    workbook = hand_built(tmp_path / "annex-a.xlsx")
    _start(page, "performance", "Annex A")
    _check(page, "performance-officer")

    page.get_by_role("link", name="Import an Annex A workbook").click()
    _check(page, "performance-officer-upload")
    page.get_by_label("Annex A workbook").set_input_files(str(workbook))
    page.get_by_label("Day").fill("3")
    page.get_by_label("Month").fill("7")
    page.get_by_label("Year").fill("2024")
    page.get_by_role("button", name="Import").click()
    page.get_by_role("link", name="Check the changes to the measures").click()
    page.get_by_role("heading", name="Check the changes to the board's measures").wait_for()
    _check(page, "performance-officer-preview")
    page.get_by_role("button", name="Confirm and update the measures").click()
    page.get_by_role("heading", name="Imported").wait_for()
    _check(page, "performance-officer-imported")


def test_anyone_finds_an_action_from_the_header_search_then_signs_out(page, demo):
    """Any signed-in role (here the board manager) searches from the header; a printed
    page drops link addresses; signing out says so. One journey, one demo load."""
    _start(page, "manager", "The board cycle")
    page.emulate_media(media="print")
    after = page.evaluate(
        "() => [...document.querySelectorAll('main a[href]')]"
        ".map(a => getComputedStyle(a, '::after').content)"
    )
    assert after and all(content in ("none", "normal") for content in after), set(after)
    page.emulate_media(media="screen")

    search = page.get_by_role("search", name="Site search")
    search.get_by_label("Search Peterborough City Council").fill("reflective practice")
    search.get_by_role("button", name="Search").click()
    page.get_by_role("heading", name="Search results for ‘reflective practice’").wait_for()
    _check(page, "search-results")
    title = "Reflective practice groups for every family safeguarding team"
    page.get_by_role("link", name=re.compile(title)).first.click()
    page.get_by_role("heading", name=re.compile(title)).wait_for()
    assert "/actions/" in page.url

    page.locator("header").get_by_role("link", name="Sign out").click()
    page.get_by_role("button", name="Sign out").click()
    page.get_by_text("You have signed out").wait_for()
    _check(page, "signed-out")
