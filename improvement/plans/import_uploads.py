"""Plan workbooks waiting for their preview to be confirmed, and their clearing away.

An upload is saved under the council and a random token until the person imports it
from the preview. One never confirmed is abandoned: it (a council's plan, often with
names) is deleted once older than UPLOAD_MAX_AGE, by `purge_abandoned`, which every
new upload runs and the `purge_plan_uploads` command runs on a schedule.
"""

import datetime
import re
import secrets
from pathlib import PurePath
from typing import Any

from django.core.files.storage import default_storage
from django.http import Http404
from django.utils import timezone
from django.utils.text import get_valid_filename

ROOT = "imports"
UPLOAD_MAX_AGE = datetime.timedelta(hours=24)
TOKEN = re.compile(r"^[0-9a-f]{32}$")


def _folder(council: Any, token: str) -> str:
    return f"{ROOT}/{council.slug}/{token}"


def save_upload(council: Any, upload: Any) -> str:
    """Keep an upload for its preview; returns its token."""
    purge_abandoned()
    token = secrets.token_hex(16)
    name = get_valid_filename(PurePath(upload.name).name)
    default_storage.save(f"{_folder(council, token)}/{name}", upload)
    return token


def stored(council: Any, token: str) -> str:
    """The path of an upload saved under this council and token; 404 if there is none."""
    if not TOKEN.match(token):
        raise Http404("No such import")
    try:
        _, files = default_storage.listdir(_folder(council, token))
    except FileNotFoundError as exc:
        raise Http404("No such import") from exc
    if not files:
        raise Http404("No such import")
    return f"{_folder(council, token)}/{files[0]}"


def _listdir(path: str) -> tuple[list[str], list[str]]:
    try:
        return default_storage.listdir(path)
    except (FileNotFoundError, NotADirectoryError):
        return [], []


def purge_abandoned(now: datetime.datetime | None = None, council_slug: str = "") -> int:
    """Delete every upload (of one council, if given) older than UPLOAD_MAX_AGE; the
    number deleted."""
    cutoff = (now or timezone.now()) - UPLOAD_MAX_AGE
    deleted = 0
    councils = [council_slug] if council_slug else _listdir(ROOT)[0]
    for slug in councils:
        tokens, _ = _listdir(f"{ROOT}/{slug}")
        for token in tokens:
            folder = f"{ROOT}/{slug}/{token}"
            for name in _listdir(folder)[1]:
                path = f"{folder}/{name}"
                if default_storage.get_modified_time(path) < cutoff:
                    default_storage.delete(path)
                    deleted += 1
    return deleted
