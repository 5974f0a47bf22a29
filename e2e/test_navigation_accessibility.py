"""Every page in the main navigation is checked with axe, whoever adds it.

The pages come from `improvement.board.navigation.COUNCIL_NAVIGATION`, so a page
added to the navigation is checked here without anyone remembering to.
"""

import pytest
from django.urls import reverse

from e2e.conftest import check_page, sign_in
from improvement.board.navigation import COUNCIL_NAVIGATION
from improvement.plans.tests.factories import (
    ActionFactory,
    FindingFactory,
    NoticeFactory,
    ObjectiveFactory,
    UpdateFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def plan(council, owner_person, board_manager, cast):
    NoticeFactory(council=council)
    finding = FindingFactory(council=council)
    objective = ObjectiveFactory(council=council)
    objective.findings.add(finding)
    action = ActionFactory(objective=objective, owners=[owner_person])
    UpdateFactory(action=action, rating="red", reason="Vacancies", support_needed="Agency staff")
    return action


@pytest.mark.parametrize(("label", "url_name"), COUNCIL_NAVIGATION)
def test_every_main_navigation_page_has_no_axe_violations(page, plan, label, url_name):
    sign_in(page, "manager")
    response = page.goto(reverse(url_name, args=["testshire"]))
    assert response.status == 200, f"{label} answered {response.status}"
    check_page(page, f"nav-{label}")


def test_pages_outside_the_navigation_have_no_axe_violations(page, plan):
    sign_in(page, "manager")
    for path in (
        f"/councils/testshire/plan/actions/{plan.pk}/",
        f"/councils/testshire/plan/objectives/{plan.objective_id}/",
        f"/councils/testshire/plan/actions/{plan.pk}/edit/",
        f"/councils/testshire/plan/actions/{plan.pk}/reprofile/",
        "/councils/testshire/plan/objectives/add/",
        f"/councils/testshire/history/action/{plan.pk}/",
        "/accessibility/",
    ):
        assert page.goto(path).status == 200, path
        check_page(page, path.strip("/").replace("/", "-"))


def test_the_sign_in_page_has_no_axe_violations(page, db):
    page.goto("/sign-in/")
    check_page(page, "sign-in")


def test_the_other_apps_pages_have_no_axe_violations(page, plan, council, complaints_manager):
    from improvement.evidence.tests.factories import MeasureFactory, monthly

    measure = MeasureFactory(
        council=council, name="Contacts screened within 24 hours", objectives=[plan.objective]
    )
    monthly(measure, [60, 65, 72])
    sign_in(page, "manager")
    base = "/councils/testshire"
    for path in (
        f"{base}/evidence/slow-to-progress/",
        f"{base}/evidence/measures/{measure.pk}/",
        f"{base}/evidence/measures/add/",
        f"{base}/evidence/audits/",
        f"{base}/evidence/voice/",
        f"{base}/evidence/update-requests/",
        f"{base}/evidence/update-requests/add/",
        f"{base}/meetings/actions/",
        f"{base}/meetings/bodies/add/",
        f"{base}/annex-a/upload/",
        f"{base}/complaints/report/",
    ):
        assert page.goto(path).status == 200, path
        check_page(page, path.strip("/").replace("/", "-"))
    page.context.clear_cookies()
    sign_in(page, "complaints")
    for path in (
        f"{base}/complaints/",
        f"{base}/complaints/cases/",
        f"{base}/complaints/cases/new/",
        f"{base}/complaints/compliments/new/",
        f"{base}/complaints/subject-access/",
    ):
        assert page.goto(path).status == 200, path
        check_page(page, "complaints-manager-" + path.strip("/").replace("/", "-"))
