"""A document's HTML as a tagged PDF (PDF/UA-1): headings, tables with their
headers, figures with their alt text and the document's language are marked for
screen readers."""

import logging
from typing import Any

from improvement.core.branding import logo_bytes
from improvement.core.text import clean_text
from improvement.documents.html import CHART_SCHEME, LOGO_SCHEME
from improvement.documents.stored_charts import stored_png

# WeasyPrint 70: the PDF/UA-1 variant turns on `pdf_tags` and writes the
# structure tree (/StructTreeRoot, /MarkInfo << /Marked true >>).
VARIANT = "pdf/ua-1"


def _fetcher() -> Any:
    """WeasyPrint's fetcher, reading a stored chart (the HTML names it `chart:KEY`)
    and the council's logo (`logo:PATH`) from storage, and anything else as
    WeasyPrint would."""
    # Lazy: start-up cost, as below.
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StoredCharts(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith(CHART_SCHEME):
                picture = stored_png(url.removeprefix(CHART_SCHEME))
                return URLFetcherResponse(url, picture, {"Content-Type": "image/png"})
            if url.startswith(LOGO_SCHEME):
                path = url.removeprefix(LOGO_SCHEME)
                kind = "image/png" if path.endswith(".png") else "image/jpeg"
                return URLFetcherResponse(url, logo_bytes(path), {"Content-Type": kind})
            return super().fetch(url, headers)

    return StoredCharts(fail_on_errors=True)


def _weasyprint_html(html: str) -> Any:
    # Its page-by-page progress is noise on a command's standard error; set before the
    # import, which already reports parsing its own style sheets.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    # Imported here, not at the top: WeasyPrint is slow to import and only a PDF needs it.
    from weasyprint import HTML

    return HTML(string=clean_text(html), url_fetcher=_fetcher())


def pdf_from_html(html: str) -> bytes:
    return _weasyprint_html(html).write_pdf(pdf_variant=VARIANT)


def laid_out(html: str) -> Any:
    """WeasyPrint's laid-out document, for counting its pages."""
    return _weasyprint_html(html).render(pdf_variant=VARIANT)
