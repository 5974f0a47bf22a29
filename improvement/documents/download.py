"""The one way a document leaves the service over the web: its bytes with the right
content type and a file name (a PDF or page opens in the browser; Word and JSON
are saved)."""

from django.http import Http404, HttpResponse

from improvement.documents.render import CONTENT_TYPES

INLINE = ("pdf", "html")


def download(content: bytes, fmt: str, name: str) -> HttpResponse:
    """`name` without its extension: `report-12-v2` becomes `report-12-v2.pdf`."""
    if fmt not in CONTENT_TYPES:
        raise Http404("No such format")
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    disposition = "inline" if fmt in INLINE else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{name}.{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
