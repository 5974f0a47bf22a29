"""Benchmark: building a demo board meeting's progress report as a PDF, end to end,
against WeasyPrint alone rendering the same HTML.

Loads the demo into a fresh SQLite database (or uses --db, an existing one with the
demo in it), then times, in one run and interleaved:
  ours   - board_report as the command runs it: the plan picture as at the meeting
           and the one before, measures, evidence, action log, PNG charts, the HTML
           and the tagged PDF
  floor  - WeasyPrint's write_pdf of that same HTML, with the same PDF/UA option
and prints both medians and their ratio, with the PDF's page count.

Usage: .venv/bin/python bench/board_report.py [--repeat 3] [--db PATH] [--meeting ID]
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup_django(db_path: Path, fresh: bool) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    import django
    from django.core.management import call_command

    django.setup()
    if fresh:
        call_command("migrate", verbosity=0)
        from improvement.demo.scenario import load_demo

        print("Loading the demo ...")
        load_demo()


def demo_meeting(meeting_id: int | None):
    """The given meeting, or the demo board's last meeting before today."""
    from django.utils import timezone

    from improvement.core.models import Council
    from improvement.reports.queries import board_meeting_of, board_meetings_of

    council = Council.objects.get(slug="peterborough")
    if meeting_id is not None:
        return board_meeting_of(council, meeting_id)
    return board_meetings_of(council).filter(starts_at__lt=timezone.now()).last()


def timed(runs: dict, repeat: int) -> dict[str, float]:
    times: dict[str, list[float]] = {label: [] for label in runs}
    for _ in range(repeat):
        for label, run in runs.items():
            start = time.perf_counter()
            run()
            times[label].append(time.perf_counter() - start)
    medians = {}
    for label, found in times.items():
        medians[label] = statistics.median(found)
        each = ", ".join(f"{t:.2f}" for t in found)
        print(f"  {label:<52} {medians[label]:6.2f} s  (median of {repeat}: {each})")
    return medians


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--db", help="an existing database with the demo loaded")
    parser.add_argument("--meeting", type=int, help="a board meeting id (default: the latest)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="board-report-bench-"))
    try:
        setup_django(Path(args.db) if args.db else work / "bench.sqlite3", fresh=not args.db)
        run(args.meeting, args.repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(meeting_id: int | None, repeat: int) -> None:
    from improvement.documents import pdf
    from improvement.documents.html import print_html
    from improvement.documents.render import render
    from improvement.reports import board

    meeting = demo_meeting(meeting_id)
    html = print_html(board.board_progress(meeting))
    pages = len(pdf.laid_out(html).pages)
    print(f"Meeting {meeting.pk} ({meeting}): {pages} pages, HTML {len(html) / 1e6:.1f} MB")
    ours_label, floor_label = (
        "board_report --format pdf (end to end)",
        "WeasyPrint alone, same HTML",
    )
    medians = timed(
        {
            ours_label: lambda: render(board.board_progress(meeting), "pdf"),
            floor_label: lambda: pdf.pdf_from_html(html),
        },
        repeat,
    )
    ratio = medians[ours_label] / medians[floor_label]
    print(f"\nours / WeasyPrint alone = {ratio:.2f}x")


if __name__ == "__main__":
    main()
