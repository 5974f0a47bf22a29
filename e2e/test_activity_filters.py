"""The board manager narrows the council's activity to one person's changes of one
kind, pages through them with the filters kept, and reads a bad date named in the
error summary: with no axe violation, at desktop width and on a 375 px phone."""

import pytest
from django.contrib.contenttypes.models import ContentType

from e2e.conftest import check_page, sign_in
from improvement.core.models import AuditEntry
from improvement.plans.models import Action, Objective

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def activity(council, board_manager, chair):
    for actor, model, count in [(board_manager, Action, 60), (chair, Objective, 3)]:
        kind = ContentType.objects.get_for_model(model)
        AuditEntry.objects.bulk_create(
            AuditEntry(
                council=council,
                actor=actor,
                actor_name=actor.get_full_name(),
                verb="changed",
                content_type=kind,
                object_id=str(n),
                object_repr=f"{model.__name__} no. {n}",
                before={"title": "Old"},
                after={"title": "New"},
            )
            for n in range(count)
        )


def test_the_board_manager_filters_and_pages_the_activity(page, council, activity):
    sign_in(page, "manager")
    page.goto(f"/councils/{council.slug}/activity/")
    page.get_by_text("Filter the changes").click()
    page.get_by_label("Who made the change").select_option(label="Penny Aubert")
    page.get_by_label("Kind of record").select_option(label="Plan action")
    page.get_by_role("button", name="Apply").click()
    page.get_by_text("Showing the changes that match these filters.").wait_for()
    assert page.get_by_text("Objective no.").count() == 0
    check_page(page, "activity filtered")

    page.get_by_role("link", name="Older changes").click()
    page.get_by_text("Action no. 0").wait_for()
    assert "who=" in page.url and "kind=" in page.url
    page.get_by_role("link", name="Newer changes").click()
    page.get_by_text("Action no. 59").wait_for()

    page.set_viewport_size({"width": 375, "height": 800})
    check_page(page, "activity filtered on a phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    page.goto(f"/councils/{council.slug}/activity/?since_day=31&since_month=2&since_year=2024")
    page.get_by_role("link", name="From must be a real date").click()
    check_page(page, "activity with a bad date")
