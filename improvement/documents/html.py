"""A document as HTML: the standalone page the PDF is made from (language, headings,
table headers, alt text), and the fragment a page of the service shows.

The templates are this package's own, loaded by a private engine, so the package
needs no place in INSTALLED_APPS and knows nothing of the apps that use it.
"""

import base64
import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from django.template import Context, Engine
from django.utils.safestring import SafeString, mark_safe

from improvement.core.branding import logo_bytes
from improvement.core.text import clean_text
from improvement.documents import style
from improvement.documents.branding import branded
from improvement.documents.structure import Chart, Document, Section, from_json

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


# How the standalone HTML names a stored chart: the PDF's fetcher reads it from
# storage, and an HTML download puts the picture itself in its place.
CHART_SCHEME = "chart:"
CHART_SOURCE = re.compile(r'src="chart:([0-9a-f]{64})"')
# And the council's stored logo, as `logo:branding/HASH.png`.
LOGO_SCHEME = "logo:"
LOGO_SOURCE = re.compile(r'src="logo:(branding/[0-9a-f]{64}\.(png|jpg))"')


def _charts(sections: list[Section]) -> Iterator[Chart]:
    for section in sections:
        yield from section.charts
        yield from _charts(section.subsections)


def _render(
    name: str, document: Document, source: Callable[[Chart], str], brand: bool = True
) -> str:
    """The document through a template. `brand` fills the council's branding: every
    file is branded; a page of the service, inside the service's own layout, is not
    (and reads nothing more from the database)."""
    document = cleaned(document)
    if brand:
        document = branded(document)
    # `src` is not a field of Chart: where a picture is found depends on who reads it.
    for chart in _charts(document.sections):
        chart.src = source(chart) if chart.key else chart.data_uri
    template = _engine().get_template(name)
    logo = document.branding.get("logo", "")
    printed = document.branding.get("name") or document.council
    context = {
        "document": document,
        "logo": LOGO_SCHEME + logo if logo else "",
        # Our own constants, and the name escaped as a CSS string.
        "font": mark_safe(style.FONT_STACK),  # noqa: S308
        "tag_css": mark_safe(style.tag_css()),  # noqa: S308
        "name_css": mark_safe(style.css_string(printed)),  # noqa: S308
    }
    return template.render(Context(context))


def print_html(document: Document) -> str:
    """The standalone HTML document the PDF is made from; its charts are named by their
    stored picture (see `standalone` for a file to open without the service)."""
    return _render("documents/print.html", document, lambda chart: CHART_SCHEME + chart.key)


def standalone(html: str) -> str:
    """The HTML with each stored chart's picture, and the logo, inside it, to be opened
    anywhere."""

    def inline(match: re.Match) -> str:
        picture = Chart("", "", key=match.group(1))
        return f'src="{picture.data_uri}"'

    def inline_logo(match: re.Match) -> str:
        kind = "png" if match.group(2) == "png" else "jpeg"
        data = base64.b64encode(logo_bytes(match.group(1))).decode()
        return f'src="data:image/{kind};base64,{data}"'

    html = CHART_SOURCE.sub(inline, html) if CHART_SCHEME in html else html
    return LOGO_SOURCE.sub(inline_logo, html) if LOGO_SCHEME in html else html


def fragment(document: Document, chart_url: Callable[[str], str] | None = None) -> SafeString:
    """The document's body for a page of the service, inside its own layout. A chart is
    an image at `chart_url(key)`, a page of its own checked as the page is, so the page
    carries no pictures; without one (a page with no such address) it is inline."""

    def source(chart: Chart) -> str:
        return chart_url(chart.key) if chart_url else chart.data_uri

    html = _render("documents/_document.html", document, source, brand=False)
    return mark_safe(html)  # noqa: S308
