"""A page waiting on the worker checks again by itself without reloading (no meta
refresh, WCAG 2.2.1): it updates in place, says so politely, and can be stopped."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from e2e.conftest import check_page, sign_in
from improvement.documents.models import DocumentBuild
from improvement.reports import files, services

pytestmark = pytest.mark.django_db(transaction=True)

LIVE = "#main-content > .govuk-visually-hidden[role=status]"


@pytest.fixture
def queued_build(council, board_manager):
    """A PDF the worker has not started: a row only, so nothing makes it meanwhile."""
    report = services.create_report(
        board_manager, council, "self_assessment", as_at=datetime.date(2024, 2, 1)
    )
    return DocumentBuild.objects.create(
        council=council,
        kind=files.KIND,
        parameters=files.parameters(report),
        fmt="pdf",
        fingerprint="waiting",
        requested_by=board_manager,
    )


def _finish(build):
    build.file = default_storage.save("e2e-waiting.pdf", ContentFile(b"%PDF-1.7 made"))
    build.file_name = "report.pdf"
    build.status = DocumentBuild.Status.DONE
    build.finished_at = timezone.now()
    build.save()


def _build_page(build):
    return reverse("documents:build", args=["testshire", build.pk])


def test_the_waiting_page_updates_itself_when_the_file_is_made(page, queued_build):
    sign_in(page, "manager")
    page.goto(_build_page(queued_build))
    page.get_by_role("button", name="Stop checking").wait_for()
    check_page(page, "document-build-waiting")
    page.evaluate("window.notReloaded = true")
    _finish(queued_build)
    page.get_by_role("heading", name="Your PDF is ready").wait_for()
    # Put in place, not reloaded: the page the reader was on is the same one.
    assert page.evaluate("window.notReloaded") is True
    assert "Your PDF is ready" in page.locator(LIVE).text_content()
    assert page.get_by_role("button", name="Stop checking").count() == 0
    check_page(page, "document-build-ready")


def test_the_reader_stops_the_checking(page, queued_build):
    sign_in(page, "manager")
    page.goto(_build_page(queued_build))
    page.get_by_role("button", name="Stop checking").click()
    assert "Checking stopped" in page.locator(LIVE).text_content()
    assert page.evaluate("document.activeElement.textContent") == "Check again"
    _finish(queued_build)
    # Longer than the page's 3 seconds between looks: it no longer looks.
    page.wait_for_timeout(4_000)
    assert page.get_by_role("heading", name="Your PDF is ready").count() == 0
    page.get_by_role("link", name="Check again").click()
    page.get_by_role("heading", name="Your PDF is ready").wait_for()


def test_without_javascript_the_page_says_it_does_not_update(page_without_js, queued_build):
    page = page_without_js
    sign_in(page, "manager")
    page.goto(_build_page(queued_build))
    assert page.get_by_text("This page does not update by itself.").is_visible()
    _finish(queued_build)
    page.get_by_role("link", name="Check again").click()
    page.get_by_role("heading", name="Your PDF is ready").wait_for()
