"""A council's branding on its documents: the name they print, its logo and its
colour. The council administrator sets it (accounts); the document pipeline reads it
once, where every document is rendered (`documents.branding`), so no builder carries
it (docs/adr/025)."""

import hashlib
import re
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from improvement.core.models import Branding, Council

FOLDER = "branding"
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# WCAG 2.2 AA for normal text: headings and rules in this colour are read on white.
AA_CONTRAST = 4.5
LOGO_PATH = re.compile(rf"^{FOLDER}/[0-9a-f]{{64}}\.(png|jpg)$")


def branding_for(council: Council) -> Branding:
    """The council's branding; the defaults (unsaved, version 1) if never set."""
    found = Branding.objects.filter(council=council).first()
    return found or Branding(council=council)


def _channel(value: int) -> float:
    share = value / 255
    return share / 12.92 if share <= 0.03928 else ((share + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG relative luminance of a #rrggbb colour."""
    red, green, blue = (int(colour[n : n + 2], 16) for n in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast(first: str, second: str = "#ffffff") -> float:
    """WCAG contrast ratio of two #rrggbb colours, from 1 to 21."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def colour_problem(colour: str) -> str | None:
    """Why a colour cannot be the documents' colour, or None if it can."""
    if not HEX_COLOUR.match(colour or ""):
        return "Enter the colour as # and 6 letters or digits, like #1d70b8"
    ratio = contrast(colour)
    if ratio < AA_CONTRAST:
        return (
            f"{colour} is too light to read on white ({ratio:.1f} to 1): "
            f"choose a darker colour, with a contrast of at least {AA_CONTRAST} to 1"
        )
    return None


def store_logo(upload: Any) -> str:
    """Keep a checked logo (`core.uploads.check_logo`) under the hash of its bytes, and
    return its path: the same picture twice is kept once, and a replaced logo stays
    for the documents frozen with it."""
    content = upload.read()
    upload.seek(0)
    ext = "png" if content.startswith(b"\x89PNG") else "jpg"
    path = f"{FOLDER}/{hashlib.sha256(content).hexdigest()}.{ext}"
    if not default_storage.exists(path):
        default_storage.save(path, ContentFile(content))
    return path


def logo_bytes(path: str) -> bytes:
    """A stored logo's picture; only a path `store_logo` gives is read."""
    if not LOGO_PATH.match(path):
        raise ValueError("Not a logo's path")
    with default_storage.open(path, "rb") as file:
        return file.read()


def document_branding(council: Council) -> dict[str, str]:
    """What a document prints of the council: its name, colour and logo (a stored
    path, or empty)."""
    found = branding_for(council)
    return {
        "name": found.name or council.name,
        "colour": found.colour if colour_problem(found.colour) is None else found.DEFAULT_COLOUR,
        "logo": found.logo,
    }


def branding_named(name: str) -> dict[str, str]:
    """The branding of the council a document names: documents carry the council's
    name, not the council. Two councils of one name get neither's logo, only the
    defaults: a document never wears another council's branding."""
    councils = list(Council.objects.filter(name=name)[:2])
    if len(councils) == 1:
        return document_branding(councils[0])
    return {"name": name, "colour": Branding.DEFAULT_COLOUR, "logo": ""}
