"""A document as HTML: the standalone page the PDF is made from (language, headings,
table headers, alt text), and the fragment a page of the service shows.

The templates are this package's own, loaded by a private engine, so the package
needs no place in INSTALLED_APPS and knows nothing of the apps that use it.
"""

from functools import cache
from pathlib import Path
from typing import Any

from django.template import Context, Engine
from django.utils.safestring import SafeString, mark_safe

from improvement.core.text import clean_text
from improvement.documents.structure import Document, from_json

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def _engine() -> Engine:
    return Engine(dirs=[str(TEMPLATES)], autoescape=True)


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _clean(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_clean(item) for item in value]
    return clean_text(value)


def cleaned(document: Document) -> Document:
    """The document with every string stripped of XML-illegal characters, so a vertical
    tab pasted into an update cannot break a Word file, a PDF or a page."""
    return from_json(_clean(document.to_json()))


def _render(name: str, document: Document) -> str:
    template = _engine().get_template(name)
    return template.render(Context({"document": cleaned(document)}))


def print_html(document: Document) -> str:
    """The standalone HTML document, for the PDF and the `html` download."""
    return _render("documents/print.html", document)


def fragment(document: Document) -> SafeString:
    """The document's body for a page of the service, inside its own layout."""
    return mark_safe(_render("documents/_document.html", document))  # noqa: S308 (escaped)
