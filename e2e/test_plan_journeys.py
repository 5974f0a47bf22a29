"""Journeys through the improvement plan, written as given / when / then."""

import datetime

import pytest
from django.utils import timezone

from e2e.conftest import check_page, sign_in
from improvement.plans.models import Update
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def action(council, owner_person, board_manager, chair):
    objective = ObjectiveFactory(council=council, title="Front door timeliness")
    return ActionFactory(
        objective=objective,
        owners=[owner_person],
        ref="1.1",
        title="Screen every MASH contact within 24 hours",
        due_on=timezone.localdate() + datetime.timedelta(days=90),
    )


def test_owner_records_an_update_with_evidence_and_proposes_blue_and_the_chair_accepts(
    page, action, tmp_path
):
    # Given an action owner in a partner agency, signed in
    sign_in(page, "owner")
    page.goto(f"/councils/testshire/plan/actions/{action.pk}/")
    check_page(page, "owner-action-page")

    # When they record an update with a reason and evidence
    page.get_by_role("button", name="Record an update").click()
    check_page(page, "owner-update-form")
    evidence = tmp_path / "audit-summary.pdf"
    evidence.write_bytes(b"%PDF-1.4 audit summary")
    page.get_by_label("Amber").check()
    page.get_by_label("Reason for the rating").fill("Two vacancies in the MASH team")
    page.get_by_label("Support or capacity needed").fill("Agency social workers")
    page.get_by_label("Evidence files").set_input_files(str(evidence))
    page.get_by_role("button", name="Record update").click()

    # Then the action shows the update, its reason and its evidence
    page.get_by_text("Update recorded").wait_for()
    assert page.get_by_text("Two vacancies in the MASH team").first.is_visible()
    assert page.get_by_role("link", name="audit-summary.pdf").is_visible()

    # When they propose Blue
    page.get_by_role("button", name="Record an update").click()
    page.get_by_label("Blue").check()
    page.get_by_label("Reason for the rating").fill("Every contact screened within 24 hours")
    page.get_by_role("button", name="Record update").click()
    page.get_by_text("Proposed, awaiting the board").first.wait_for()
    check_page(page, "owner-proposed-blue")

    # Then the chair sees it on their start page and accepts it
    page.context.clear_cookies()
    sign_in(page, "chair")
    page.get_by_role("heading", name="Completions awaiting your decision").wait_for()
    check_page(page, "chair-start")
    page.get_by_role("link", name="decide").first.click()
    check_page(page, "chair-decide")
    page.get_by_label("Accept").check()
    page.get_by_role("button", name="Record decision").click()
    page.get_by_text("Completion accepted").wait_for()
    assert Update.objects.get(rating="blue").approval == "accepted"


def test_error_summary_takes_focus_and_lists_each_problem(page, action):
    # Given the owner on the update form
    sign_in(page, "owner")
    page.goto(f"/councils/testshire/plan/actions/{action.pk}/updates/add/")
    # When they submit it without a rating or reason
    for box in ("Day", "Month", "Year"):
        page.get_by_label(box).fill("")
    page.get_by_role("button", name="Record update").click()
    # Then the error summary has focus and links to each field
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    assert page.title().startswith("Error: ")
    for message in (
        "Select a rating",
        "Enter the reason for this rating",
        "Enter the date of this update",
    ):
        assert summary.get_by_role("link", name=message).is_visible()
    check_page(page, "update-form-errors")


def test_update_form_keyboard_order_and_visible_focus(page, action):
    # Given the owner on the update form, using only the keyboard
    sign_in(page, "owner")
    page.goto(f"/councils/testshire/plan/actions/{action.pk}/updates/add/")
    page.locator("#id_as_of_0").focus()
    order = []
    for _ in range(6):
        order.append(page.evaluate("document.activeElement.id || document.activeElement.name"))
        outline = page.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement);"
            " return s.outlineStyle !== 'none' || s.boxShadow !== 'none'; })()"
        )
        assert outline, f"no visible focus on {order[-1]}"
        page.keyboard.press("Tab")
    # Then focus moves through the date boxes and into the ratings in reading order
    assert order[:3] == ["id_as_of_0", "id_as_of_1", "id_as_of_2"]
    assert order[3].startswith("id_rating_")


def test_the_update_form_works_without_javascript(page_without_js, action):
    page = page_without_js
    sign_in(page, "owner")
    page.goto(f"/councils/testshire/plan/actions/{action.pk}/updates/add/")
    page.get_by_label("Green").check()
    page.get_by_label("Reason for the rating").fill("On track")
    page.get_by_role("button", name="Record update").click()
    page.get_by_text("Update recorded").wait_for()
    assert Update.objects.get().rating == "green"


def test_the_other_councils_officer_is_refused(page, action, other_officer):
    # Given an officer of another council
    sign_in(page, "outsider")
    # When they open this council's action
    response = page.goto(f"/councils/testshire/plan/actions/{action.pk}/")
    # Then they are told the page does not exist
    assert response.status == 404
    assert page.get_by_role("heading", name="Page not found").is_visible()
    check_page(page, "other-council-refused")


def _workbook(path, rating_b="Green"):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Plan"
    sheet.append(["Testshire improvement plan, version 3"])
    sheet.append(["Ref", "Action", "Lead officer", "Due date", "RAG", "RAG reason"])
    sheet.append(["1 FRONT DOOR"])
    sheet.append(
        [
            "1.1",
            "Screen every contact within 24 hours",
            "Head of MASH",
            datetime.date(2024, 6, 30),
            "Amber",
            "Two vacancies",
        ]
    )
    sheet.append(
        [
            "1.2",
            "Audit threshold decisions monthly",
            "Principal Social Worker",
            "Ongoing",
            rating_b,
            "Audits running",
        ]
    )
    book.save(path)
    return path


def test_board_manager_imports_a_plan_workbook_through_the_preview(page, board_manager, tmp_path):
    from improvement.plans.models import Action

    # Given the board manager with the council's plan workbook, one rating mistyped
    sign_in(page, "manager")
    page.goto("/councils/testshire/plan/import/")
    check_page(page, "import-upload")
    page.locator("input[type=file]").set_input_files(
        str(_workbook(tmp_path / "bad.xlsx", rating_b="Purple"))
    )
    page.get_by_role("button", name="Upload and check").click()
    # Then the preview names the cell and offers no import
    page.get_by_text("Purple").first.wait_for()
    check_page(page, "import-preview-errors")
    assert page.get_by_role("button", name="Import").count() == 0
    assert not Action.objects.exists()

    # When they upload the corrected workbook
    page.goto("/councils/testshire/plan/import/")
    page.locator("input[type=file]").set_input_files(str(_workbook(tmp_path / "plan.xlsx")))
    page.get_by_role("button", name="Upload and check").click()
    page.get_by_role("heading", name="Check the plan before importing it").wait_for()
    check_page(page, "import-preview")
    page.get_by_role("button", name="Import 2 actions").click()
    # Then the plan holds the actions, with their ratings and reasons
    page.get_by_text("Screen every contact within 24 hours").first.wait_for()
    assert sorted(Action.objects.values_list("ref", flat=True)) == ["1.1", "1.2"]
    check_page(page, "plan-after-import")
