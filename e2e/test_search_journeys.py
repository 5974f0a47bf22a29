"""Searching a council's records from the navigation (docs/adr/043): the form on every
council page, the results grouped by kind, a search with no results, and one kind
alone; each page checked with axe at desktop width and at 375 pixels, where it must
not scroll sideways as a whole."""

import pytest
from django.utils import timezone

from e2e.conftest import check_page, sign_in
from improvement.demo.people import DEMO_PASSWORD
from improvement.demo.scenario import load_demo

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 800}


@pytest.fixture
def demo():
    load_demo(timezone.localdate())


def _check(page, name: str) -> None:
    page.set_viewport_size(DESKTOP)
    check_page(page, f"search-{name}-desktop")
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url
    check_page(page, f"search-{name}-375")
    page.set_viewport_size(DESKTOP)


def test_a_complaints_manager_searches_from_the_navigation(page, demo):
    sign_in(page, "complaints", DEMO_PASSWORD)
    if "/councils/" not in page.url:
        page.get_by_role("link", name="Peterborough City Council").first.click()
    navigation = page.get_by_role("search", name="Site search")
    navigation.get_by_label("Search Peterborough City Council").fill("safeguarding")
    navigation.get_by_role("button", name="Search").click()
    page.get_by_role("heading", name="Search results for ‘safeguarding’").wait_for()
    assert page.get_by_role("heading", level=2).count() >= 1
    _check(page, "results")

    more = page.get_by_role("link", name="See more")
    if more.count():
        more.first.click()
        page.get_by_text("only.", exact=False).first.wait_for()
        _check(page, "one-kind")

    form = page.get_by_role("search", name="Search this council's records")
    form.get_by_label("Search the plan, meetings, papers and decisions").fill("zzqx nothing")
    form.get_by_role("button", name="Search").click()
    page.get_by_text("There are no matching results.").wait_for()
    _check(page, "none")


def test_the_empty_search_page(page, demo):
    sign_in(page, "councillor", DEMO_PASSWORD)
    if "/councils/" not in page.url:
        page.get_by_role("link", name="Peterborough City Council").first.click()
    page.goto(page.url.split("/councils/")[0] + "/councils/peterborough/search/")
    page.get_by_role("heading", name="Search", exact=True).wait_for()
    _check(page, "empty")
