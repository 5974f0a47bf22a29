"""The update-request loop as the board manager works it: ask, see on the check page
whom no email can reach, send, and see the emails counted as they really went.
axe checks every page at desktop width and at 375 pixels."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from e2e.conftest import sign_in
from e2e.test_annex_a_loop import check_both
from improvement.accounts.tests.factories import PersonFactory
from improvement.evidence.models import UpdateRequest
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_manager_checks_whom_a_request_reaches_then_sends_it(
    page, council, board_manager, owner_person
):
    objective = ObjectiveFactory(council=council)
    ActionFactory(objective=objective, owners=[owner_person], title="Recruit MASH staff")
    nobody = PersonFactory(council=council, name="Nadia Noemail", email="")
    ActionFactory(objective=objective, owners=[nobody], title="Map the pathway")
    due = timezone.localdate() + datetime.timedelta(days=10)

    sign_in(page, "manager")
    page.goto(reverse("evidence:request_create", args=[council.slug]))
    check_both(page, "update-request-question")
    page.get_by_label("What the updates are for").fill("Board of next week")
    page.get_by_label("Day").fill(str(due.day))
    page.get_by_label("Month").fill(str(due.month))
    page.get_by_label("Year").fill(str(due.year))
    page.get_by_role("button", name="Continue").click()

    page.get_by_role("heading", name="Check the update request before sending it").wait_for()
    assert page.get_by_role("list", name="Owners without an email address").inner_text() == (
        "Nadia Noemail"
    )
    check_both(page, "update-request-check")
    assert not UpdateRequest.objects.exists()
    page.get_by_role("button", name="Send requests").click()

    page.get_by_role("heading", name="Board of next week").wait_for()
    sent_on = f"{timezone.localdate():%-d %B %Y}"
    assert f"Sent to 1 of 2 owners on {sent_on}; 1 with no email address" in page.content()
    check_both(page, "update-request-sent")
