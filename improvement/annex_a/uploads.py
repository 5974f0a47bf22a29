"""Web uploads: read in a background thread so a large workbook shows its progress.

The view records the upload (queued) and returns at once; the status page
refreshes itself (a meta refresh, so no JavaScript is needed) and shows the rows
read so far, sheet by sheet, until the import is done or has failed. The
uploaded file is a temporary file, deleted as soon as it has been read.
Set ANNEX_A_BACKGROUND = False (tests) to read it before the response instead.
"""

import datetime
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection

from improvement.annex_a.models import AnnexAImport
from improvement.annex_a.services import queue_import, run_queued
from improvement.core.models import Council


def _save_temporary(upload: Any) -> Path:
    suffix = Path(upload.name).suffix.lower()
    handle, name = tempfile.mkstemp(prefix="annex-a-", suffix=suffix)
    with os.fdopen(handle, "wb") as target:
        for chunk in upload.chunks():
            target.write(chunk)
    return Path(name)


def _run(actor: Any, record: AnnexAImport, path: Path, in_thread: bool) -> None:
    try:
        run_queued(actor, record, path)
    finally:
        path.unlink(missing_ok=True)
        if in_thread:
            connection.close()


def start_upload(
    actor: Any, council: Council, upload: Any, reference_date: datetime.date
) -> AnnexAImport:
    """Record the upload and start reading it; returns the queued import."""
    record = queue_import(actor, council, Path(upload.name).name, reference_date)
    path = _save_temporary(upload)
    if getattr(settings, "ANNEX_A_BACKGROUND", True):
        worker = threading.Thread(target=_run, args=(actor, record, path, True), daemon=True)
        worker.start()
    else:
        _run(actor, record, path, False)
        record.refresh_from_db()
    return record
