"""The Annex A loop as the performance officer works it: upload, see each measure's
values before and after, confirm, then undo, with the board's measures back exactly
as they were. axe checks every page at desktop width and at 375 pixels."""

import pytest
from django.urls import reverse

from e2e.conftest import check_page, sign_in
from improvement.annex_a.services import import_annex_a
from improvement.annex_a.tests.builders import D
from improvement.annex_a.tests.handbuilt import R, hand_built
from improvement.core.actors import SystemActor
from improvement.evidence.models import MeasureValue

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 800}


def every_value(council):
    return sorted(
        MeasureValue.objects.filter(measure__council=council).values_list(
            "measure__code", "period", "numerator", "denominator", "value", "note"
        )
    )


def check_both(page, name):
    """axe and a screenshot at desktop width, then at 375 pixels."""
    check_page(page, name)
    page.set_viewport_size(PHONE)
    check_page(page, f"{name}-375")
    page.set_viewport_size(DESKTOP)


def test_the_officer_previews_confirms_and_undoes_an_import(
    page, council, performance_officer, tmp_path
):
    import_annex_a(SystemActor("e2e"), council, hand_built(tmp_path / "earlier.xlsx"), R)
    before = every_value(council)
    workbook = hand_built(tmp_path / "annex-a.xlsx")

    sign_in(page, "performance")
    page.goto(reverse("annex_a:upload", args=[council.slug]))
    check_both(page, "annex-a-upload")
    page.get_by_label("Annex A workbook").set_input_files(str(workbook))
    page.get_by_label("Day").fill("3")
    page.get_by_label("Month").fill("7")
    page.get_by_label("Year").fill("2024")
    page.get_by_role("button", name="Import").click()

    page.get_by_role("link", name="Check the changes to the measures").wait_for()
    check_both(page, "annex-a-read")
    assert every_value(council) == before
    page.get_by_role("link", name="Check the changes to the measures").click()

    page.get_by_role("heading", name="Check the changes to the board's measures").wait_for()
    assert page.get_by_role("heading", name="Referrals with no further action").count() == 1
    assert page.get_by_role("row", name="July 2024").count() > 0  # a month the import adds
    check_both(page, "annex-a-preview")
    assert every_value(council) == before
    page.get_by_role("button", name="Confirm and update the measures").click()

    page.get_by_role("heading", name="Imported").wait_for()
    check_both(page, "annex-a-imported")
    imported = every_value(council)
    assert imported != before
    assert any(value[1] == D(2024, 7, 1) for value in imported)
    page.get_by_role("link", name="undo this import").click()

    page.get_by_role("heading", name="Undo Annex A import").wait_for()
    check_both(page, "annex-a-undo")
    assert every_value(council) == imported  # asking changes nothing
    page.get_by_role("button", name="Undo the import").click()

    page.get_by_role("heading", name="Import undone").wait_for()
    check_both(page, "annex-a-undone")
    assert every_value(council) == before
