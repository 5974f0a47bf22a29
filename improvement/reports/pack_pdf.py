"""Binding PDFs into one agenda pack with pypdf: a paper checked before it goes in,
and every page stamped "Page N of M" (docs/adr/030).

WeasyPrint makes every page the service writes; it cannot read a PDF, so the
council's uploaded papers are bound in here. An uploaded file is a stranger's: it is
read within bounds (its size, its pages) and copied alone first, so a file pypdf
cannot read, or one that would need more memory than the worker has, costs a
separator page saying so, never the pack.
"""

import io
import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from pypdf import PdfReader, PdfWriter, Transformation

from improvement.documents.pdf import pdf_from_html

log = logging.getLogger(__name__)

# A paper of more pages is not bound in: the pack would be unreadable, and the
# worker's time and memory are everyone's.
MAX_PAPER_PAGES = 300
# The whole pack: past this the officer is told to split the papers.
MAX_PACK_PAGES = 1500
# Where a PDF says it is one: "%PDF-" within its first kilobyte.
PDF_MAGIC = b"%PDF-"
A4_WIDTH = 595.28


class PaperRefused(Exception):
    """A paper that cannot be bound in, with the reason the separator page gives."""


def max_paper_bytes() -> int:
    """The upload limit: a file larger than a paper may be was not uploaded as one."""
    return settings.EVIDENCE_MAX_BYTES


def read_bounded(file: Any, limit: int) -> bytes:
    """At most `limit` bytes of a stored file, refusing one that is larger."""
    data = file.read(limit + 1)
    if len(data) > limit:
        raise PaperRefused(f"it is larger than {limit // (1024 * 1024)} MB")
    return data


def checked_pdf(data: bytes) -> bytes:
    """The paper copied page by page into a new PDF, or PaperRefused.

    Copying alone, before the pack, makes pypdf read every page now: a damaged or
    hostile file fails here, where it costs one separator page."""
    if PDF_MAGIC not in data[:1024]:
        raise PaperRefused("it is not a PDF file")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise PaperRefused("it is protected by a password")
        if len(reader.pages) > MAX_PAPER_PAGES:
            raise PaperRefused(f"it has more than {MAX_PAPER_PAGES} pages")
        writer = PdfWriter()
        for page in reader.pages:
            # Turned pages are drawn turned, so the stamp sits at the foot as read.
            writer.add_page(page).transfer_rotation_to_content()
        out = io.BytesIO()
        writer.write(out)
    except PaperRefused:
        raise
    except MemoryError as error:
        raise PaperRefused("it needs more memory than the service may use") from error
    # A hostile file may make pypdf raise anything (KeyError, RecursionError, ...):
    # whatever it is, the paper is left out and the pack goes on.
    except Exception as error:  # noqa: BLE001
        log.warning("A paper could not be read: %s", error)
        raise PaperRefused("the file is damaged or could not be read") from error
    return out.getvalue()


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def _stamps(total: int) -> PdfReader:
    """`total` A4 pages, each blank but for "Page N of M" at its foot."""
    html = render_to_string("reports/pack_stamps.html", {"pages": range(total)})
    return PdfReader(io.BytesIO(pdf_from_html(html)))


def bind(parts: Iterable[bytes]) -> bytes:
    """The PDFs one after the other, every page stamped "Page N of M"."""
    writer = PdfWriter()
    for data in parts:
        writer.append(PdfReader(io.BytesIO(data)))
    total = len(writer.pages)
    if total > MAX_PACK_PAGES:
        raise ValueError(
            f"The pack would have {total} pages, more than {MAX_PACK_PAGES}: split the papers"
        )
    stamps = _stamps(total)
    for number, page in enumerate(writer.pages):
        _stamp(page, stamps.pages[number], number)
    writer.add_metadata({"/Title": "Agenda pack"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _stamp(page: Any, stamp: Any, number: int) -> None:
    """The stamp at the foot of the page, centred whatever the page's size."""
    box = page.mediabox
    shift = Transformation().translate(
        float(box.left) + (float(box.width) - A4_WIDTH) / 2, float(box.bottom)
    )
    try:
        page.merge_transformed_page(stamp, shift)
    # A page pypdf could copy but not draw on keeps its place, unnumbered.
    except Exception as error:  # noqa: BLE001
        log.warning("Page %s of the pack could not be numbered: %s", number + 1, error)
