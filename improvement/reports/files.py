"""A report's page, PDF and Word files, made by the worker (improvement.documents.builds).

A draft shows the data as it stands. Its fingerprint is cheap, read without building
anything: the report's own version, the council's latest audit entry (every change
to the data a report shows writes one), the day the figures are as at, and BUILD
(docs/adr/020). A frozen version never changes, so its number is its fingerprint.

The page's body is a build too (format `html`): the draft's page shows the stored
build while the data has not changed, and the last one, marked as being updated,
while the worker makes the next. A draft's page build keeps, beside the page, the
document it was made from and its print HTML: finalising freezes those, so the
version is the draft the officer read and nothing is built in the request."""

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from improvement.core import access
from improvement.core.actors import require_actor
from improvement.core.audit import last_change
from improvement.documents.builds import (
    Builder,
    current_fingerprint,
    latest_done,
    register,
    request_build,
    stored_text,
)
from improvement.documents.html import fragment, print_html
from improvement.documents.models import DocumentBuild
from improvement.documents.structure import from_json
from improvement.documents.views import chart_name
from improvement.reports import bound
from improvement.reports.build import build_document, file_name, report_file

KIND = "report"
# Part of every draft's fingerprint: raise it when a change to the code changes what a
# report shows, so no page or file built by the old code is served as current.
# 3: a draft's page build keeps its document beside it, for finalising.
# 4: a committee report belongs to its meeting and binds its appendix in (ADR 027);
#    the board report opens with its front sheet and a one-page scorecard (ADR 026).
BUILD = 5
# Where a draft page's document and print HTML are kept, by the hash of the page.
FROZEN = "reports/drafts"


def _report_and_version(actor: Any, council: Any, parameters: dict) -> tuple[Any, Any]:
    """The report and its version (None for the draft), under the report page's rule:
    an exempt report is not there for those who may not read it."""
    report = council.reports.for_lists().filter(pk=parameters.get("report")).first()
    if report is None:
        raise Http404("No such report")
    if not access.allowed(actor, "reports.read", report):
        if report.is_exempt:
            raise Http404("No such report")
        raise PermissionDenied(access.refusal("reports.read"))
    number = parameters.get("version")
    if number is None:
        return report, None
    version = report.versions.filter(number=number).first()
    if version is None:
        raise Http404("No such version")
    return report, version


def _found(council: Any, parameters: dict) -> tuple[Any, Any]:
    report = council.reports.get(pk=parameters["report"])
    number = parameters.get("version")
    return report, None if number is None else report.versions.get(number=number)


def _check(actor: Any, council: Any, parameters: dict) -> None:
    _report_and_version(actor, council, parameters)


def _fingerprint(council: Any, parameters: dict) -> str:
    report, version = _found(council, parameters)
    if version is not None:
        return f"version {version.number}"
    as_at = min(report.as_at, timezone.localdate())
    stamp = [BUILD, report.version, report.modified_at, last_change(council), as_at]
    return json.dumps(stamp, default=str)


def chart_scope(report: Any) -> str:
    return f"report:{report.pk}"


def chart_url(report: Any) -> Any:
    """The address of each of a report's charts on its page, for those who may read it."""

    def url(key: str) -> str:
        name = chart_name(chart_scope(report), key)
        return reverse("reports:report_chart", args=[report.council.slug, report.pk, name])

    return url


def _frozen_path(page: str) -> str:
    key = hashlib.sha256(page.encode()).hexdigest()
    return f"{FROZEN}/{key[:2]}/{key}.json"


def _make(council: Any, parameters: dict, fmt: str) -> tuple[bytes, str]:
    report, version = _found(council, parameters)
    if fmt == "pdf" and report.kind == "committee":
        # A committee report's appendix is bound in (docs/adr/027).
        return bound.bind(report, version), file_name(report, version)
    if fmt != "html":
        return report_file(report, fmt, version), file_name(report, version)
    if version is not None:
        return fragment(from_json(version.document), chart_url(report)).encode(), file_name(
            report, version
        )
    document = build_document(report)
    page = str(fragment(document, chart_url(report)))
    # Named by the page it goes with, so the page's build finds it and a page built
    # twice from the same data keeps one copy.
    path = _frozen_path(page)
    if not default_storage.exists(path):
        kept = {"document": document.to_json(), "html": print_html(document)}
        default_storage.save(path, ContentFile(json.dumps(kept).encode()))
    return page.encode(), file_name(report)


def _title(council: Any, parameters: dict) -> str:
    report, version = _found(council, parameters)
    return f"{report.title}, {'the draft' if version is None else f'version {version.number}'}"


def _back(council: Any, parameters: dict) -> str:
    return reverse("reports:report_detail", args=[council.slug, parameters["report"]])


register(KIND, Builder(_check, _fingerprint, _make, _title, _back))


def parameters(report: Any, version: Any = None) -> dict[str, Any]:
    return {"report": report.pk, "version": None if version is None else version.number}


@dataclass
class ReportPage:
    """What a report's page shows: the stored body of the latest build (empty if none
    has finished) and the build of the data as it stands (waiting, or that same one)."""

    html: SafeString
    build: DocumentBuild

    @property
    def updating(self) -> bool:
        return self.build.is_waiting

    @property
    def failed(self) -> bool:
        return self.build.is_failed


def page(actor: Any, report: Any, version: Any = None) -> ReportPage:
    """The report's page body, built by the worker: reused while its data is unchanged,
    else a build is queued and the last one is shown until it is done."""
    require_actor(actor)
    found = parameters(report, version)
    build = request_build(actor, report.council, KIND, found, "html", again=False)
    shown = build if build.is_done else latest_done(report.council, KIND, found, "html")
    # The stored body was rendered from escaped templates by the worker.
    html = mark_safe(stored_text(shown)) if shown else SafeString("")  # noqa: S308
    return ReportPage(html, build)


@dataclass(frozen=True)
class Frozen:
    """What finalising freezes: the document a draft's page was built from, and its
    print HTML (what its PDF and Word files are made from)."""

    document: dict[str, Any]
    html: str

    @property
    def figures(self) -> dict[str, Any]:
        return self.document.get("figures", {})


def current_draft(actor: Any, report: Any) -> DocumentBuild:
    """The draft page's build of the data as it stands: finished, or queued now."""
    # Who asks comes first, as in every service: the report is not read for nobody.
    require_actor(actor)
    return request_build(actor, report.council, KIND, parameters(report), "html")


def is_current(report: Any, build: DocumentBuild) -> bool:
    """Whether the finished build still shows the report's data (read again, cheaply)."""
    now = current_fingerprint(report.council, KIND, parameters(report), "html")
    return build.is_done and build.fingerprint == now


def frozen(build: DocumentBuild) -> Frozen | None:
    """The document and print HTML kept with a finished draft page, or None if the
    build kept none (made before they were kept, or its storage was lost)."""
    path = _frozen_path(stored_text(build))
    if not default_storage.exists(path):
        return None
    with default_storage.open(path, "rb") as file:
        kept = json.loads(file.read())
    return Frozen(kept["document"], kept["html"])
