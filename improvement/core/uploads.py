"""The one check for a file a person attaches (evidence, meeting papers): an allowed
type, a size limit, and a file that is what its name says it is."""

from typing import Any

from django import forms
from django.conf import settings

# Each allowed extension, and the bytes such a file starts with (None: plain text).
ALLOWED_TYPES = {
    ".pdf": b"%PDF",
    ".docx": b"PK",
    ".xlsx": b"PK",
    ".pptx": b"PK",
    ".png": b"\x89PNG",
    ".jpg": b"\xff\xd8",
    ".jpeg": b"\xff\xd8",
    ".csv": None,
    ".txt": None,
}


# A council's logo, printed on every document: a picture both PDF and Word can hold.
LOGO_TYPES = {".png": b"\x89PNG", ".jpg": b"\xff\xd8", ".jpeg": b"\xff\xd8"}
LOGO_MAX_BYTES = 1024 * 1024
LOGO_MAX_PIXELS = 4000


def check_upload(
    upload: Any, max_bytes: int | None = None, types: dict[str, bytes | None] | None = None
) -> None:
    """Refuse a file of the wrong type (of `types`, by default any attachment's), too
    large, or not what its name says."""
    allowed_types = ALLOWED_TYPES if types is None else types
    limit_bytes = max_bytes or settings.EVIDENCE_MAX_BYTES
    name = upload.name.lower()
    ext = "." + name.rsplit(".", 1)[-1] if "." in name else ""
    if ext not in allowed_types:
        allowed = ", ".join(sorted({e.lstrip(".").upper() for e in allowed_types}))
        raise forms.ValidationError(f"{upload.name} must be a {allowed} file")
    if upload.size > limit_bytes:
        limit = limit_bytes // (1024 * 1024)
        raise forms.ValidationError(f"{upload.name} must be smaller than {limit} MB")
    magic = allowed_types[ext]
    if magic is not None:
        head = upload.read(len(magic))
        upload.seek(0)
        if head != magic:
            raise forms.ValidationError(
                f"{upload.name} is not a real {ext.lstrip('.').upper()} file: check it opens, "
                "then upload it again"
            )


def check_logo(upload: Any) -> None:
    """Refuse a logo that is not a PNG or JPEG picture under 1 MB and 4000 pixels a
    side: every document carries it, and a picture's pixels are decoded before it is
    drawn, so its size is bounded before any work (a small file may hold a huge image)."""
    # Lazy: Pillow is loaded only when a logo is checked.
    from PIL import Image, UnidentifiedImageError

    check_upload(upload, LOGO_MAX_BYTES, LOGO_TYPES)
    try:
        with Image.open(upload) as picture:
            width, height = picture.size
            picture.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise forms.ValidationError(
            f"{upload.name} is not a picture that can be read: save it again as PNG"
        ) from exc
    finally:
        upload.seek(0)
    if max(width, height) > LOGO_MAX_PIXELS:
        raise forms.ValidationError(
            f"{upload.name} must be at most {LOGO_MAX_PIXELS} pixels wide and high"
        )
