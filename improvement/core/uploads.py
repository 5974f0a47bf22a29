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


def check_upload(upload: Any, max_bytes: int | None = None) -> None:
    """Refuse a file of the wrong type, too large, or not what its name says."""
    limit_bytes = max_bytes or settings.EVIDENCE_MAX_BYTES
    name = upload.name.lower()
    ext = "." + name.rsplit(".", 1)[-1] if "." in name else ""
    if ext not in ALLOWED_TYPES:
        allowed = ", ".join(sorted(e.lstrip(".").upper() for e in ALLOWED_TYPES))
        raise forms.ValidationError(f"{upload.name} must be a {allowed} file")
    if upload.size > limit_bytes:
        limit = limit_bytes // (1024 * 1024)
        raise forms.ValidationError(f"{upload.name} must be smaller than {limit} MB")
    magic = ALLOWED_TYPES[ext]
    if magic is not None:
        head = upload.read(len(magic))
        upload.seek(0)
        if head != magic:
            raise forms.ValidationError(
                f"{upload.name} is not a real {ext.lstrip('.').upper()} file: check it opens, "
                "then upload it again"
            )
