"""Benchmark: each main page's server time for a large council beside the same page
for a small one and beside a trivial page, all measured in one run.

In this process, with Django's test client signed in as each council's board
manager, on PostgreSQL over the national dataset (see bench/national.py: the same
database, councils and pages as bench/load.py, which makes them if missing). Each
page is read once to warm it (templates, caches) and once to count its queries,
then --runs times more, timed; the median is reported. One table: page, small and
large council's median ms, large/small, large/trivial, query counts and HTML size.
A page whose large council takes more than --limit times the small one's is marked;
the exit code is 0 whatever the figures (speed is read, not asserted).

Usage: .venv/bin/python bench/pages.py [--runs 7] [--limit 2] [--councils 152 ...]
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from national import (  # noqa: E402 - bench/ is not a package
    TRIVIAL,
    add_size_arguments,
    council_pages,
    councils,
    environment,
    prepare_database,
    setup_django,
    signed_in_client,
)


def measure(client, path: str, runs: int) -> tuple[float, int, int]:
    """The median seconds of `runs` reads after a warm one, the query count and size."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm: the first view loads templates
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    count = len(queries)  # now: the next request clears the connection's query log
    times = []
    for _ in range(runs):
        begun = time.perf_counter()
        client.get(path)
        times.append(time.perf_counter() - begun)
    return statistics.median(times), count, len(response.content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed reads of each page")
    parser.add_argument("--limit", type=float, default=2.0, help="large/small ratio to mark")
    add_size_arguments(parser)
    args = parser.parse_args()
    env = environment(tempfile.mkdtemp(prefix="pages-bench-media-"))
    prepare_database(args, env)
    setup_django(env)
    slugs = councils(args)
    found = {}
    for label, slug in slugs.items():
        client = signed_in_client(slug)
        found[("trivial view", label)] = measure(client, TRIVIAL, args.runs)
        for page, path in council_pages(slug).items():
            found[(page, label)] = measure(client, path, args.runs)
    report(found, args)


def report(found: dict, args: argparse.Namespace) -> None:
    trivial = found[("trivial view", "small")][0]
    print(f"\nMedian of {args.runs} reads after a warm one, in-process, signed in.")
    print(f"small {councils(args)['small']}, large {councils(args)['large']}\n")
    heading = ("page", "small ms", "large ms", "large/small", "large/trivial")
    print(f"{heading[0]:<20}" + "".join(f"{h:>14}" for h in heading[1:]), end="")
    print(f"{'queries s/l':>14}{'HTML KB s/l':>14}")
    over = []
    for page in dict.fromkeys(page for page, _ in found):
        small, large = found.get((page, "small")), found.get((page, "large"))
        if small is None or large is None:
            print(f"{page:<20}  (only for the {'small' if small else 'large'} council)")
            continue
        ratio = large[0] / small[0]
        mark = f"  over {args.limit:g}x" if ratio > args.limit else ""
        if mark:
            over.append(page)
        print(
            f"{page:<20}{small[0] * 1000:>14.1f}{large[0] * 1000:>14.1f}"
            f"{ratio:>13.1f}x{large[0] / trivial:>13.1f}x"
            f"{f'{small[1]}/{large[1]}':>14}"
            f"{f'{small[2] // 1024}/{large[2] // 1024}':>14}{mark}"
        )
    print(f"\nOver {args.limit:g}x: {', '.join(over)}" if over else "\nEvery page within.")


if __name__ == "__main__":
    main()
