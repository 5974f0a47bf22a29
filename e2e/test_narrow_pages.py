"""Every page a role can reach works at 375 pixels wide: only a wide table's own region
scrolls sideways, never the page (WCAG 1.4.10).

The pages are found, not listed: each role of the demo, then the public, follows every
link of the council it can see, one page of each kind (the action 12 page stands for
every action's), so a page added anywhere is checked without anyone remembering to.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import Error as PlaywrightError

from e2e.conftest import assert_no_sideways_scroll, sign_in
from improvement.demo.people import DEMO_PASSWORD
from improvement.demo.scenario import load_demo

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 800}
COUNCIL = "/councils/peterborough/"
PUBLIC = "/public/peterborough/"
# Links that are not a page to read: files, and ways out.
NOT_PAGES = re.compile(r"\.(csv|pdf|docx|xlsx|html|png|svg|ics)$|/download|/sign-out|/files?/")
# Who looks, and where from: the public last, signed out.
PEOPLE = ["manager", "chair", "owner2", "performance", "complaints", "councillor", "admin"]
ROLES = [*((name, COUNCIL) for name in PEOPLE), (None, PUBLIC)]
MOST_PAGES = 400
NAVIGATION = ":is(.govuk-service-navigation, .ib-subnav)"


def _kind(path: str) -> str:
    """Pages of one kind share an address but for their numbers (and tokens)."""
    return re.sub(r"[^/]{20,}", "T", re.sub(r"\d+", "N", path))


def _links(page, start: str, where: str = "body") -> list[str]:
    """The addresses under `start` that `where` links to."""
    hrefs = page.eval_on_selector_all(
        f"{where} a[href]:not([download])", "links => links.map(a => a.getAttribute('href'))"
    )
    paths = []
    for href in hrefs:
        parts = urlsplit(href)
        if parts.netloc or not parts.path.startswith(start) or NOT_PAGES.search(parts.path):
            continue
        paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths


def _is_page(page, path: str) -> bool:
    """Open the path; whether it answered with a page (not a file, an error or a form's
    refusal)."""
    try:
        response = page.goto(path)
    except PlaywrightError:  # a download starts rather than a page
        return False
    kind = (response.headers.get("content-type") or "") if response else ""
    return response is not None and response.status == 200 and "text/html" in kind


def test_every_page_each_role_can_reach_fits_a_phone(page):
    load_demo(timezone.localdate())
    page.set_viewport_size(PHONE)
    checked: set[str] = set()  # kinds of page, whoever saw them
    wide: list[str] = []
    for username, start in ROLES:
        page.context.clear_cookies()
        if username:
            sign_in(page, username, DEMO_PASSWORD)
        # Each role opens its own navigation's pages, which may link to pages another
        # role cannot see; of the rest it opens only kinds no one has yet.
        tried: set[str] = set()
        queue = [(start, True)]
        while queue and len(checked) < MOST_PAGES:
            path, ours = queue.pop(0)
            kind = _kind(urlsplit(path).path)
            if kind in tried or (kind in checked and not ours):
                continue
            tried.add(kind)
            if not _is_page(page, path):
                continue
            if kind not in checked:
                checked.add(kind)
                try:
                    assert_no_sideways_scroll(page)
                except AssertionError as problem:
                    wide.append(f"{username or 'the public'}: {problem}")
            queue.extend((link, True) for link in _links(page, start, NAVIGATION))
            queue.extend((link, False) for link in _links(page, start))
    assert len(checked) > 100, sorted(checked)
    assert wide == [], "\n".join(wide)


def test_the_check_sees_a_page_too_wide_for_a_phone(page, db):
    page.set_viewport_size(PHONE)
    page.goto("/sign-in/")
    assert_no_sideways_scroll(page)
    page.evaluate(
        "document.querySelector('main').append(Object.assign("
        "document.createElement('p'), {style: 'width: 600px', textContent: 'wide'}))"
    )
    with pytest.raises(AssertionError, match="is 6.. pixels wide in a 375 pixel window"):
        assert_no_sideways_scroll(page)


def test_on_paper_a_wide_table_fits_the_page_rather_than_scroll(page, db):
    """The region scrolls on a screen only; printed, nothing may be cut off at its edge."""
    page.set_viewport_size({"width": 700, "height": 900})
    page.goto("/sign-in/")
    cells = "".join(
        f'<td class="govuk-table__cell">Column{n}withalongunbrokenwordinit</td>' for n in range(12)
    )
    page.evaluate(
        "cells => document.querySelector('main').insertAdjacentHTML('beforeend',"
        ' \'<div class="ib-table-scroll" tabindex="0" role="region" aria-label="Wide">'
        '<table class="govuk-table"><tbody class="govuk-table__body">'
        "<tr class=\"govuk-table__row\">' + cells + '</tr></tbody></table></div>')",
        cells,
    )
    right = "document.querySelector('.ib-table-scroll table').getBoundingClientRect().right"
    assert page.evaluate(right) > 700  # on a screen, it scrolls in its region
    page.emulate_media(media="print")
    assert page.evaluate(right) <= 700
    assert_no_sideways_scroll(page)
