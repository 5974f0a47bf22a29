"""The one way a document leaves the service over the web: its bytes with the right
content type and a file name (a PDF or page opens in the browser; Word and JSON
are saved)."""

from django.http import Http404, HttpResponse

from improvement.documents.render import CONTENT_TYPES

INLINE = ("pdf", "html")


def download(content: bytes, fmt: str, name: str, inline: bool | None = None) -> HttpResponse:
    """`name` without its extension: `report-12-v2` becomes `report-12-v2.pdf`. A PDF or
    HTML opens in the browser and the rest is saved, unless `inline` says otherwise."""
    if fmt not in CONTENT_TYPES:
        raise Http404("No such format")
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    shown = fmt in INLINE if inline is None else inline
    disposition = "inline" if shown else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{name}.{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
