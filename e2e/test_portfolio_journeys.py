"""A DfE adviser with roles in two councils compares them side by side (issue 17):
columns on a desktop, one above the other on a 375 px phone, with no axe violation
and no sideways scrolling of the page."""

import datetime

import pytest

from e2e.conftest import check_page, sign_in
from improvement.accounts.models import Role
from improvement.accounts.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from improvement.annex_a.models import AnnexAImport
from improvement.plans.tests.factories import (
    ActionFactory,
    NoticeFactory,
    ObjectiveFactory,
    UpdateFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def adviser(council, other_council):
    NoticeFactory(council=council)
    AnnexAImport.objects.create(
        council=council,
        reference_date=datetime.date(2024, 1, 31),
        file_name="annex-a.xlsx",
        status=AnnexAImport.Status.DONE,
        kpis={
            "rereferral_12m_pct": {"numerator": 30, "denominator": 120, "value": 25.0},
            "assessments_open_over_45wd": {"numerator": 7, "denominator": 40, "value": 7},
        },
    )
    for place in (council, other_council):
        action = ActionFactory(objective=ObjectiveFactory(council=place))
        UpdateFactory(action=action, rating="red", reason="Vacancies")
    user = UserFactory(username="adviser")
    for place, role in [(council, Role.CHAIR), (other_council, Role.BOARD_MEMBER)]:
        organisation = OrganisationFactory(council=place, name="Department for Education")
        MembershipFactory(user=user, council=place, organisation=organisation, role=role)
    return user


def _boxes(page) -> list[dict]:
    return [section.bounding_box() for section in page.locator(".ib-portfolio__council").all()]


def test_an_adviser_compares_her_councils_side_by_side_then_opens_one(page, adviser):
    sign_in(page, "adviser")
    page.get_by_role("link", name="Portfolio", exact=True).first.click()
    page.get_by_role("heading", name="Your councils side by side").wait_for()
    first, second = _boxes(page)
    assert first["y"] == second["y"] and first["x"] < second["x"]
    assert page.get_by_role("region", name="Testshire Council: front-door KPIs").is_visible()
    check_page(page, "portfolio-desktop")

    page.set_viewport_size({"width": 375, "height": 800})
    first, second = _boxes(page)
    assert second["y"] >= first["y"] + first["height"]
    check_page(page, "portfolio-375")

    page.get_by_role("link", name="Otherton Council").click()
    page.get_by_role("heading", name="Improvement journey").wait_for()
    assert "/councils/otherton/" in page.url
