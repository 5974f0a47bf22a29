"""Where a drawn chart is kept: the default storage, under `charts/`, by the hash of
what it draws (`documents.charts.stored` names and draws it; docs/adr/020). Its own
module, below both the chart module and the document structure, so a document can
read its pictures without loading the drawing code."""

import re

from django.core.files.storage import default_storage

FOLDER = "charts"
KEY = re.compile(r"^[0-9a-f]{64}$")


def path_of(key: str, fmt: str = "png") -> str:
    if not KEY.match(key):
        raise ValueError("Not a chart's name")
    return f"{FOLDER}/{key[:2]}/{key}.{fmt}"


def stored_png(key: str, fmt: str = "png") -> bytes:
    """A stored chart's picture (PNG unless `fmt` says otherwise)."""
    with default_storage.open(path_of(key, fmt), "rb") as file:
        return file.read()
