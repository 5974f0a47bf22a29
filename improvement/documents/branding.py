"""The council's branding on a document, filled where every document is rendered
(`html._render` and `word.docx_bytes`), so no builder carries it (docs/adr/025)."""

from improvement.core.branding import branding_named
from improvement.documents.structure import Document


def branded(document: Document) -> Document:
    """The document with its council's name, colour and logo from the council's
    settings, unless it carries them already (a builder's own, or a frozen version's)."""
    if not document.branding:
        document.branding = branding_named(document.council)
    return document
