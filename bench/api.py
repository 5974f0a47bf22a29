"""Benchmark: one page of the API's actions list at a council of 2,000 actions against
one at a council of 40, and a page of 'updated since' against a full page.

Reads the national database (`IB_BENCH_DB`, default ib_bench; see README "Load
benchmark") and writes nothing: the endpoint is called as the API calls it, for the
council's board manager, with a token that is never stored. Prints, measured in one
run and interleaved, each median time and query count, and the ratios.

Usage: .venv/bin/python bench/api.py [--repeat 15] [--big national-001] [--small national-152]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    db = os.environ.get("IB_BENCH_DB", "ib_bench")
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{db}"
    import django

    django.setup()


def reader(slug: str, updated_since=None):
    """A call of the actions endpoint as the board manager of `slug`, serialised."""
    from django.test import RequestFactory

    from improvement.accounts.models import Role
    from improvement.api.api import api  # noqa: F401  (the routers are built)
    from improvement.api.models import ApiToken
    from improvement.api.params import ListParams
    from improvement.api.plan_endpoints import actions
    from improvement.api.schemas import ActionOut, Page
    from improvement.core.models import Council

    council = Council.objects.get(slug=slug)
    user = council.memberships.filter(role=Role.BOARD_MANAGER).first().user
    params = ListParams(limit=500, updated_since=updated_since)

    def run() -> int:
        request = RequestFactory().get("/")
        request.user = type(user).objects.get(pk=user.pk)  # fresh: roles read again
        request.auth = ApiToken(owner=request.user)
        body = Page[ActionOut].model_validate(actions(request, slug, params)).model_dump_json()
        return len(body)

    return run


def measure(runs: dict, repeat: int) -> dict[str, tuple[float, int]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times: dict[str, list[float]] = {label: [] for label in runs}
    queries: dict[str, int] = {}
    for _ in range(repeat):
        for label, run in runs.items():
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                run()
                times[label].append(time.perf_counter() - start)
            queries[label] = len(captured)
    return {label: (statistics.median(times[label]), queries[label]) for label in runs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--big", default="national-001")
    parser.add_argument("--small", default="national-152")
    args = parser.parse_args()
    setup_django()
    from django.utils import timezone

    week_ago = timezone.now() - timezone.timedelta(days=7)
    runs = {
        f"{args.big} page of 500": reader(args.big),
        f"{args.small} page (all)": reader(args.small),
        f"{args.big} updated since a week": reader(args.big, week_ago),
    }
    results = measure(runs, args.repeat)
    for label, (seconds, count) in results.items():
        print(f"{label:40} {seconds * 1000:8.1f} ms  {count} queries")
    big, small, since = (results[label][0] for label in runs)
    print(f"big page / small page: {big / small:.2f}; updated since / full page: {since / big:.2f}")


if __name__ == "__main__":
    main()
