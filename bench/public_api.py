"""Benchmark: the public record's API, files and progress page at a council of 2,000
actions against one of 40, in queries and time, measured in one run.

Reads an existing database (the national dataset, README "Load benchmark"); writes
nothing. For each council it times, interleaved:
  agenda-items   - GET /api/v1/public/councils/<slug>/agenda-items?limit=200
  meetings       - GET /api/v1/public/councils/<slug>/meetings?limit=200
  progress (cold) - GET /api/v1/public/councils/<slug>/progress, the two boards'
                   plan pictures made afresh (the cache cleared before each request)
  progress (API) - the same, the pictures kept in the cache as they are for 10 minutes
  progress page  - GET /public/<slug>/progress/
  open data page - GET /public/<slug>/data/ (builds every CSV to give its size)
and prints each median, its query count, and the large council's time over the small.

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/ib_bench \\
    .venv/bin/python bench/public_api.py [--large national-001] [--small national-152]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def paths(slug: str) -> dict[str, str]:
    api = f"/api/v1/public/councils/{slug}"
    return {
        "agenda-items": f"{api}/agenda-items?limit=200",
        "meetings": f"{api}/meetings?limit=200",
        "progress (cold)": f"{api}/progress",
        "progress (API)": f"{api}/progress",
        "progress page": f"/public/{slug}/progress/",
        "open data page": f"/public/{slug}/data/",
    }


def measure(client, url: str, repeat: int, cold: bool) -> tuple[float, int]:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    for _ in range(repeat):
        if cold:  # the boards' pictures made afresh, not the kept copies
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url, secure=True)
            times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times), len(queries.captured_queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", default="national-001")
    parser.add_argument("--small", default="national-152")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from improvement.public import api

    # The rate limit's counts go to a cache of this process: the database is only read.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    api.public_api.throttle[0].num_requests = 10**6  # measure the work, not the limit
    client = Client(HTTP_HOST="localhost")
    large, small = paths(args.large), paths(args.small)
    print(f"{'':<16}{args.large:>24}{args.small:>24}   ratio")
    for label in large:
        cold = label.endswith("(cold)")
        big_time, big_queries = measure(client, large[label], args.repeat, cold)
        small_time, small_queries = measure(client, small[label], args.repeat, cold)
        print(
            f"{label:<16}{big_time * 1000:>12.0f} ms {big_queries:>4} q"
            f"{small_time * 1000:>12.0f} ms {small_queries:>4} q"
            f"   {big_time / small_time:5.1f}x"
        )


if __name__ == "__main__":
    main()
