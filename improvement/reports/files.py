"""A report's PDF and Word files, made by the worker (improvement.documents.builds).

A draft is built from the data as it stands, so its fingerprint is the document it
would print: any change to the report or to the data it shows makes a new file. A
frozen version never changes, so its number is its fingerprint."""

import json
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from improvement.core import access
from improvement.documents.builds import Builder, register
from improvement.reports.build import build_document, file_name, report_file

KIND = "report"


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
    return json.dumps(build_document(report).to_json(), sort_keys=True, default=str)


def _make(council: Any, parameters: dict, fmt: str) -> tuple[bytes, str]:
    report, version = _found(council, parameters)
    return report_file(report, fmt, version), file_name(report, version)


def _title(council: Any, parameters: dict) -> str:
    report, version = _found(council, parameters)
    return f"{report.title}, {'the draft' if version is None else f'version {version.number}'}"


def _back(council: Any, parameters: dict) -> str:
    return reverse("reports:report_detail", args=[council.slug, parameters["report"]])


register(KIND, Builder(_check, _fingerprint, _make, _title, _back))


def parameters(report: Any, version: Any = None) -> dict[str, Any]:
    return {"report": report.pk, "version": None if version is None else version.number}
