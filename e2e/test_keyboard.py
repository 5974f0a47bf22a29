"""Keyboard-only use of the main forms: focus order, visible focus, and the error
summary taking focus when a form is sent with problems."""

import pytest

from e2e.conftest import sign_in
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory

pytestmark = pytest.mark.django_db(transaction=True)

VISIBLE_FOCUS = (
    "(() => { const s = getComputedStyle(document.activeElement);"
    " return s.outlineStyle !== 'none' || s.boxShadow !== 'none'"
    " || s.backgroundColor === 'rgb(255, 221, 0)'; })()"
)


def tab_through(page, count):
    """Tab `count` times from the top of the main content, checking each stop is visible."""
    page.locator("#main-content").evaluate("el => { el.tabIndex = -1; el.focus(); }")
    stops = []
    for _ in range(count):
        page.keyboard.press("Tab")
        stops.append(
            page.evaluate(
                "document.activeElement.id || document.activeElement.name"
                " || document.activeElement.textContent.trim()"
            )
        )
        assert page.evaluate(VISIBLE_FOCUS), f"no visible focus on {stops[-1]}"
    return stops


def submit_with_keyboard_and_expect_summary(page, button):
    page.get_by_role("button", name=button).focus()
    page.keyboard.press("Enter")
    page.locator(".govuk-error-summary").wait_for()
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")


def test_sign_in_form_by_keyboard(page, db):
    page.goto("/sign-in/")
    assert tab_through(page, 3) == ["id_username", "id_password", "Sign in"]
    submit_with_keyboard_and_expect_summary(page, "Sign in")


@pytest.fixture
def objective(council, board_manager):
    return ObjectiveFactory(council=council)


def test_objective_form_by_keyboard(page, objective):
    sign_in(page, "manager")
    page.goto("/councils/testshire/plan/objectives/add/")
    assert tab_through(page, 3) == ["id_ref", "id_title", "id_theme"]
    submit_with_keyboard_and_expect_summary(page, "Save")


def test_action_form_by_keyboard(page, objective, owner_person):
    sign_in(page, "manager")
    page.goto(f"/councils/testshire/plan/objectives/{objective.pk}/actions/add/")
    assert tab_through(page, 3) == ["id_ref", "id_title", "id_organisation"]
    submit_with_keyboard_and_expect_summary(page, "Save")


def test_reprofile_form_by_keyboard(page, objective):
    action = ActionFactory(objective=objective)
    sign_in(page, "manager")
    page.goto(f"/councils/testshire/plan/actions/{action.pk}/reprofile/")
    assert tab_through(page, 4) == [
        "id_new_due_on_0",
        "id_new_due_on_1",
        "id_new_due_on_2",
        "id_reason",
    ]
    submit_with_keyboard_and_expect_summary(page, "Re-profile")
