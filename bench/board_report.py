"""Benchmark: building a board meeting's progress report as a PDF, end to end,
against WeasyPrint alone rendering the same HTML; and the draft report's page,
served from its stored build, against a trivial page.

Loads the demo into a fresh SQLite database (or uses --db, an existing one with the
demo in it, or --database-url, say the national dataset's PostgreSQL database, only
read), then times, in one run and interleaved:
  ours   - board_report as the command runs it: the plan picture as at the meeting
           and the one before, measures, evidence, action log, the charts (drawn on
           the first run and read from storage after: docs/adr/020), the HTML and
           the tagged PDF
  floor  - WeasyPrint's write_pdf of that same HTML, with the same PDF/UA option
and prints both medians and their ratio against its target (at most 2x), with the
PDF's page count and the process's peak memory. With the fresh demo database it also
saves a draft board report, builds its page once, and times its page (nothing
changed) against /accessibility/ through Django's test client, printing the page's
median time against its target (under a second) and the ratio. Charts go to a
temporary MEDIA_ROOT. The meeting is the demo's of 24 April 2024 when there is one.

Usage: .venv/bin/python bench/board_report.py [--repeat 3] [--db PATH] [--meeting ID]
       .venv/bin/python bench/board_report.py --database-url postgres://.../ib_bench \
           --council national-001 --meeting 16 [--every-action] [--repeat 1]
"""

import argparse
import datetime
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup_django(database_url: str, fresh: bool, media: Path) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DATABASE_URL"] = database_url
    os.environ["MEDIA_ROOT"] = str(media)
    import django
    from django.core.management import call_command

    django.setup()
    if fresh:
        call_command("migrate", verbosity=0)
        from improvement.demo.scenario import load_demo

        print("Loading the demo ...")
        load_demo()


# The meeting issue 15 names: its report is the one the targets are set for.
ISSUE_MEETING = (2024, 4, 24)
PDF_TARGET = 2.0  # building the report, at most twice WeasyPrint's render of its HTML
PAGE_TARGET_MS = 1000  # the draft's page when nothing changed, under a second


def demo_meeting(slug: str, meeting_id: int | None):
    """The given meeting; else the board's meeting of 24 April 2024 if it is past, or
    its last meeting before today."""
    from django.utils import timezone

    from improvement.core.models import Council
    from improvement.reports.queries import board_meeting_of, board_meetings_of

    council = Council.objects.get(slug=slug)
    if meeting_id is not None:
        return board_meeting_of(council, meeting_id)
    past = board_meetings_of(council).filter(starts_at__lt=timezone.now())
    named = past.filter(starts_at__date=datetime.date(*ISSUE_MEETING)).first()
    return named or past.last()


def timed(runs: dict, repeat: int, scale: float = 1, unit: str = "s") -> dict[str, float]:
    times: dict[str, list[float]] = {label: [] for label in runs}
    for _ in range(repeat):
        for label, run in runs.items():
            start = time.perf_counter()
            run()
            times[label].append(time.perf_counter() - start)
    medians = {}
    for label, found in times.items():
        medians[label] = statistics.median(found)
        each = ", ".join(f"{t * scale:.2f}" for t in found)
        shown = medians[label] * scale
        print(f"  {label:<52} {shown:6.2f} {unit}  (median of {repeat}: {each})")
    return medians


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--db", help="an existing SQLite database with the demo loaded")
    parser.add_argument("--database-url", help="an existing database, only read")
    parser.add_argument("--council", default="peterborough", help="the council's slug")
    parser.add_argument("--meeting", type=int, help="a board meeting id (default: the latest)")
    parser.add_argument("--every-action", action="store_true", help="add every action")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="board-report-bench-"))
    fresh = not (args.db or args.database_url)
    url = args.database_url or f"sqlite:///{Path(args.db) if args.db else work / 'bench.sqlite3'}"
    try:
        setup_django(url, fresh=fresh, media=work / "media")
        run(args, page=fresh)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(args: argparse.Namespace, page: bool) -> None:
    from improvement.documents import pdf
    from improvement.documents.html import print_html
    from improvement.documents.render import render
    from improvement.reports import board

    meeting = demo_meeting(args.council, args.meeting)
    start = time.perf_counter()
    document = board.board_progress(meeting, full_table=args.every_action)
    html = print_html(document)
    pages = len(pdf.laid_out(html).pages)
    first = time.perf_counter() - start
    print(
        f"Meeting {meeting.pk} ({meeting}): {pages} pages, HTML {len(html) / 1e6:.1f} MB; "
        f"first build with its charts drawn and laid out {first:.1f} s"
    )
    ours_label, floor_label = (
        "board_report --format pdf (end to end)",
        "WeasyPrint alone, same HTML",
    )
    medians = timed(
        {
            ours_label: lambda: render(
                board.board_progress(meeting, full_table=args.every_action), "pdf"
            ),
            floor_label: lambda: pdf.pdf_from_html(html),
        },
        args.repeat,
    )
    ratio = medians[ours_label] / medians[floor_label]
    verdict = "met" if ratio <= PDF_TARGET else "MISSED"
    print(f"\nours / WeasyPrint alone = {ratio:.2f}x (target at most {PDF_TARGET:.0f}x: {verdict})")
    page_met = draft_page(meeting, args.repeat) if page else True
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process (RSS): {peak:.0f} MiB")
    # A missed target fails the run, so the benchmark keeps the promise it states.
    return 0 if ratio <= PDF_TARGET and page_met else 1


def draft_page(meeting, repeat: int) -> bool:
    """The draft's page from its stored build against a trivial page, signed in."""
    from django.contrib.auth import get_user_model
    from django.test import Client, override_settings
    from django.urls import reverse

    from improvement.documents.builds import run_build
    from improvement.reports import files, services

    manager = get_user_model().objects.get(username="manager")
    report = services.create_report(
        manager, meeting.council, "board_progress", meeting=meeting, as_at=meeting.starts_at.date()
    )
    run_build.call(files.page(manager, report).build.pk)
    client = Client()
    client.force_login(manager)

    def get(path: str):  # noqa: ANN202 - a test client's response
        # Over HTTPS, as a deployment serves it (SECURE_SSL_REDIRECT).
        return client.get(path, secure=True)

    address = reverse("reports:report_detail", args=[meeting.council.slug, report.pk])
    with override_settings(OTP_REQUIRED=False, ALLOWED_HOSTS=["*"]):
        for path in (address, "/accessibility/"):
            response = get(path)
            assert response.status_code == 200, (path, response.status_code)
        shown = get(address).content.decode()
        assert "Being updated" not in shown and "Actions by rating" in shown
        print(f"\nthe draft's page: {len(shown) / 1e3:.0f} KB of HTML, its charts by address")
        medians = timed(
            {
                "draft report page, nothing changed": lambda: get(address),
                "trivial view (/accessibility/)": lambda: get("/accessibility/"),
            },
            max(repeat, 20),
            scale=1000,
            unit="ms",
        )
    page_time, trivial = medians.values()
    ms = page_time * 1000
    verdict = "met" if ms < PAGE_TARGET_MS else "MISSED"
    print(f"\ndraft report page, nothing changed: {ms:.0f} ms (target under 1 s: {verdict})")
    print(f"draft page / trivial view = {page_time / trivial:.1f}x")
    return ms < PAGE_TARGET_MS


if __name__ == "__main__":
    sys.exit(main())
