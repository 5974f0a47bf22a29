"""Each demo role does its main job in the browser on today's date.

The demo is loaded as `make run` loads it, for the day the journeys run, so these
fail the day the demo's story stops short of today: a councillor with nothing to
call in, a complaints manager with an empty year, a board with no next meeting.
"""

import re

import pytest
from django.core import mail
from django.utils import timezone

from e2e.conftest import check_page, sign_in
from improvement.demo.people import DEMO_PASSWORD
from improvement.demo.scenario import load_demo

pytestmark = pytest.mark.django_db(transaction=True)

PETERBOROUGH = "/councils/peterborough"


@pytest.fixture
def demo():
    load_demo(timezone.localdate())


def _as(page, username: str) -> None:
    page.context.clear_cookies()
    sign_in(page, username, DEMO_PASSWORD)


def _open_action(page, title: str) -> None:
    """Find the action in the plan list, turning its pages (25 actions to a page)."""
    page.get_by_role("link", name="Plan", exact=True).first.click()
    action = page.get_by_role("link", name=title).first
    for _ in range(20):
        if action.count():
            break
        page.locator("a[rel=next]").first.click()
    action.click()


def _meeting_row(page, table: str, text: str):
    """The first link (the meeting's date) of the first row of `table` holding `text`."""
    rows = page.get_by_role("table", name=table).get_by_role("row").filter(has_text=text)
    return rows.first.get_by_role("link").first


def test_the_plan_roles_do_their_jobs_today(page, demo):
    today = timezone.localdate()

    # An action owner in the council records this month's update on one of their actions
    _as(page, "owner2")
    page.get_by_role("heading", name="Your start page").first.wait_for()
    _open_action(page, "Reflective practice groups for every family safeguarding team")
    page.get_by_role("button", name="Record an update").click()
    page.get_by_label("Green").check()
    page.get_by_label("Reason for the rating").fill("Groups running in four of five teams")
    page.get_by_role("button", name="Record update").click()
    page.get_by_text("Update recorded").wait_for()
    assert page.get_by_text("Groups running in four of five teams").first.is_visible()
    assert page.get_by_text(f"{today:%-d %B %Y}").first.is_visible()
    check_page(page, "demo-owner-update")

    # The chair, the DfE adviser with roles in two councils, compares them side by side,
    # then decides a completion awaiting Peterborough's board, from its dashboard
    _as(page, "chair")
    page.get_by_role("link", name="See your councils side by side").click()
    page.get_by_role("heading", name="Shropshire Council").wait_for()
    check_page(page, "demo-chair-portfolio")
    page.get_by_role("link", name="Peterborough City Council").click()
    page.get_by_role("heading", name="Completions awaiting the board").wait_for()
    check_page(page, "demo-chair-dashboard")
    page.get_by_role("link", name="decide").first.click()
    page.get_by_label("Accept").check()
    page.get_by_role("button", name="Record decision").click()
    page.get_by_text("Completion accepted").wait_for()

    # The board manager adds an item to the next board meeting's agenda
    _as(page, "manager")
    page.get_by_role("link", name="Meetings", exact=True).first.click()
    _meeting_row(page, "Upcoming meetings", "Children's Services Improvement Board").click()
    check_page(page, "demo-manager-next-meeting")
    page.get_by_role("button", name="Add an agenda item").click()
    page.get_by_label("Title").fill("Partner update: the police MASH link")
    page.get_by_label("Report author").fill("Penny Aubert")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Partner update: the police MASH link").first.wait_for()

    # A board member comments on the draft minutes of the last meeting they attended
    _as(page, "member")
    page.get_by_role("link", name="Meetings", exact=True).first.click()
    _meeting_row(page, "Recent meetings", "Draft").click()
    check_page(page, "demo-member-meeting")
    page.get_by_role("button", name="Comment on the draft minutes").click()
    page.get_by_label("Your comment on the draft minutes").fill(
        "Item 4: the minute should record that health colleagues sent apologies."
    )
    page.get_by_role("button", name="Save").click()
    page.get_by_text("health colleagues sent apologies").first.wait_for()


def test_a_councillor_calls_in_a_decision_and_an_administrator_invites_a_colleague(page, demo):
    # A councillor on the scrutiny committee calls in a decision inside its window
    _as(page, "councillor")
    page.get_by_role("link", name="Meetings", exact=True).first.click()
    page.get_by_role("link", name="Forward plan", exact=True).first.click()
    page.get_by_role("link", name="Executive decisions and call-in").first.click()
    check_page(page, "demo-councillor-decisions")
    page.get_by_role("link", name="record a call-in").first.click()
    check_page(page, "demo-councillor-call-in")
    for member in page.get_by_role("checkbox").all()[:3]:
        member.check()
    page.get_by_role("button", name="Record call-in").click()
    page.get_by_text("Call-in recorded").first.wait_for()

    # The council administrator invites a new colleague, who is sent a link
    _as(page, "admin")
    page.goto(f"{PETERBOROUGH}/people/")
    check_page(page, "demo-admin-people")
    page.get_by_role("link", name="Invite a person").click()
    page.get_by_label("First name").fill("New")
    page.get_by_label("Last name").fill("Officer")
    page.get_by_label("Email address").fill("new.officer@example.invalid")
    page.get_by_label("Role").select_option(label="Action owner")
    page.get_by_label("Organisation").select_option(label="Peterborough City Council")
    page.get_by_role("button", name="Send invitation").click()
    page.get_by_text("new.officer@example.invalid").first.wait_for()
    assert any("new.officer@example.invalid" in m.to for m in mail.outbox)


def test_the_evidence_and_complaints_roles_do_their_jobs_today(page, demo):
    today = timezone.localdate()

    # The performance officer records this month's figure for a measure
    _as(page, "performance")
    page.get_by_role("link", name="Evidence", exact=True).first.click()
    check_page(page, "demo-performance-evidence")
    page.get_by_role("link", name="Children seen during their assessment").first.click()
    page.get_by_role("button", name="Add a value").click()
    page.get_by_label("Day").fill("1")
    page.get_by_label("Month", exact=True).fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_label("Numerator").fill("231")
    page.get_by_label("Denominator").fill("240")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Value saved").first.wait_for()
    assert page.get_by_text("96.3%").first.is_visible()

    # The complaints manager records a representation received today
    _as(page, "complaints")
    page.get_by_role("link", name="Complaints", exact=True).first.click()
    check_page(page, "demo-complaints-index")
    assert page.get_by_text("No complaint has a stage running").count() == 0
    page.get_by_role("button", name="Record a representation").click()
    check_page(page, "demo-complaints-record")
    received = page.get_by_role("group", name="Date received")
    received.get_by_label("Day").fill(str(today.day))
    received.get_by_label("Month").fill(str(today.month))
    received.get_by_label("Year").fill(str(today.year))
    page.get_by_label("Who is complaining").select_option(index=1)
    page.get_by_role("radio").first.check()
    page.get_by_role("button", name="Save").click()
    # The service gives the case its reference (CSC or EDU, the year, a number).
    page.get_by_text(re.compile(rf"\b(CSC|EDU)-{today.year}-\d{{4}}\b")).first.wait_for()

    # and the annual report for the last complete year has figures to show
    page.goto(f"{PETERBOROUGH}/complaints/report/")
    check_page(page, "demo-complaints-report")
    assert page.get_by_text("No complaints recorded").count() == 0

    # The other council's board manager sees their own board, and nothing of Peterborough
    _as(page, "shropshire")
    page.get_by_role("heading", name="Your start page").first.wait_for()
    assert page.get_by_text("Shropshire Council").first.is_visible()
    check_page(page, "demo-shropshire-dashboard")
    assert page.goto(f"{PETERBOROUGH}/").status == 404
