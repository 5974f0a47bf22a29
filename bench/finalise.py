"""Benchmark: finalising a draft report, against the work finalising used to do in the
request (building the document and its print HTML), on the same data; rolled back.

  new - services.finalise from the stored draft build the officer read
  old - build_document + print_html, what finalise did inside the request and the lock

Usage: .venv/bin/python bench/finalise.py --db postgres://postgres@127.0.0.1:5432/DB
           --council national-001 --meeting ID
Writes nothing to the database (one transaction, rolled back); charts and the draft's
build go to a temporary MEDIA_ROOT.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="DATABASE_URL of a generated dataset")
    parser.add_argument("--council", default="national-001")
    parser.add_argument("--meeting", type=int, required=True, help="a board meeting's id")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DATABASE_URL"] = args.db
    os.environ["MEDIA_ROOT"] = tempfile.mkdtemp(prefix="bench-finalise-")
    import django

    django.setup()
    from django.db import transaction

    with transaction.atomic():
        measure(args.council, args.meeting)
        transaction.set_rollback(True)


def measure(slug: str, meeting_id: int) -> None:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from improvement.core.models import Council
    from improvement.documents.builds import run_build
    from improvement.documents.html import print_html
    from improvement.reports import files, services
    from improvement.reports.build import build_document
    from improvement.reports.queries import board_meeting_of

    council = Council.objects.get(slug=slug)
    manager = get_user_model().objects.get(username=f"{slug}-manager")
    meeting = board_meeting_of(council, meeting_id)
    report = services.create_report(
        manager, council, "board_progress", meeting=meeting, as_at=meeting.starts_at.date()
    )
    build = files.current_draft(manager, report)
    start = time.perf_counter()
    run_build.call(build.pk)
    worker = time.perf_counter() - start
    build.refresh_from_db()
    start = time.perf_counter()
    print_html(build_document(report))
    old = time.perf_counter() - start
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        version = services.finalise(manager, report, read=build.pk)
        new = time.perf_counter() - start
    assert version.html == files.frozen(build).html
    print(f"the worker's draft build (page and kept document): {worker:.1f} s")
    print(f"old: build_document + print_html in the request: {old:.2f} s")
    print(f"new: finalise from the stored build: {new * 1000:.0f} ms, {len(queries)} queries")
    print(f"\nold / new = {old / new:.0f}x")


if __name__ == "__main__":
    main()
