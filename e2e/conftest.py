"""Browser journeys: Debian's Chromium driven by Playwright against a live test server.

Playwright's own browser download cannot work on these machines, so the
browser is /usr/bin/chromium (override with CHROMIUM). axe-core from npm is
injected into every page a journey visits, and any WCAG 2.2 A or AA violation
fails the test. Screenshots go to test-output/e2e/ for a person to look at.
"""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "test-output" / "e2e"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make to set up data are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _frozen_time():
    """Journeys run in real time: the browser and the server share the clock."""
    yield


@pytest.fixture(scope="session")
def browser():
    executable = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _context(browser, **options):
    # axe is injected as a script tag, which the app's content security policy
    # rightly refuses; the checks bypass it, the app does not change.
    return browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900}, **options)


@pytest.fixture
def page(browser, live_server):
    context = _context(browser, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser, live_server):
    context = _context(browser, base_url=live_server.url, java_script_enabled=False)
    yield context.new_page()
    context.close()


def axe_violations(page: Page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return result["violations"]


def check_page(page: Page, name: str) -> None:
    """Screenshot the page and fail on any WCAG 2.2 A or AA violation, or if the page
    as a whole scrolls sideways at the width it is shown at (WCAG 1.4.10: at 375 pixels
    only a wide table's own region may scroll)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(
        path=str(SHOTS / f"{re.sub(r'[^a-z0-9-]+', '-', name.lower())}.png"), full_page=True
    )
    violations = axe_violations(page)
    summary = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} on {page.url}) "
        f"e.g. {v['nodes'][0]['html'][:200]}"
        for v in violations
    ]
    assert summary == [], "\n".join(summary)
    assert_no_sideways_scroll(page)


def assert_no_sideways_scroll(page: Page) -> None:
    """The page is no wider than the window (a pixel's rounding allowed)."""
    widths = page.evaluate(
        "({page: document.documentElement.scrollWidth, window: window.innerWidth,"
        " wide: [...document.querySelectorAll('body *')]"
        ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1"
        " && !e.closest('.ib-table-scroll'))"
        ".slice(0, 3).map(e => e.outerHTML.slice(0, 200))})"
    )
    assert widths["page"] <= widths["window"] + 1, (
        f"{page.url} is {widths['page']} pixels wide in a {widths['window']} pixel window; "
        f"too wide: {widths['wide']}"
    )


def sign_in(page: Page, username: str, password: str = "correct-horse-battery") -> None:
    page.goto("/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    if "/sign-in/code/" in page.url:
        # A person with an authenticator app: type the code it would show now.
        page.get_by_label("Code from your authenticator app").fill(app_code(username))
        page.get_by_role("button", name="Continue").click()


def app_code(username: str) -> str:
    """The code the person's authenticator app shows: the next one if this one is used."""
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.get(user__username=username, confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if totp.t() <= device.last_t:
        totp.time = (device.last_t + 1) * device.step + device.t0
    return f"{totp.token():0{device.digits}d}"
