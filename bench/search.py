"""Benchmark: searching a large council's updates on PostgreSQL, with and without the
GIN index on the words searched (docs/adr/043).

Creates a fresh database beside the one DATABASE_URL (or --database-url) names,
`test_<name>`, as the test runner does, migrates it (which builds the search
indexes), fills one council's plan with --updates updates of about 145 words each
(synthetic text of 3,000 made-up words; one word in 1% of them, one in 20%), then
times, in one run and interleaved:
  indexed   - the plans port's search of updates, as the search page runs it: the
              first 20 hits, best first, with how many there are
  unindexed - the same search with the index dropped (inside a transaction that is
              rolled back, so the index is back for the next run)
for a word in 1% of the updates (a search that finds a page or two), a word in none,
and a word in 20% (every hit must still be ranked, so the index saves little), and
prints the medians and the ratios. It exits non-zero unless the indexed search is at
least 5x faster than the unindexed for the rare and the absent word, and the plan
of the indexed search reads the index. The database is dropped at the end.

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/ib .venv/bin/python bench/search.py \
           [--updates 10000] [--repeat 5]
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 5.0  # the indexed search at least 5x faster than the unindexed
INDEX = "plans_update_search"
RARE, ABSENT, COMMON = "kestrel", "zyzzyva", "partnership"
WORDS_PER_UPDATE = 145


def setup_django(database_url: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DATABASE_URL"] = database_url
    import django

    django.setup()


def vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    syllables = "ba ce di fo gu ha je ki lo mu na pe qui ro su ta ve wi xo yu za bre cla dro"
    syllables = syllables.split()
    found: set[str] = set()
    while len(found) < size:
        found.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(found)


def fill(updates: int) -> tuple:
    """A council, a reader who may see its plan, and `updates` updates on its actions."""
    from improvement.accounts.models import Role
    from improvement.accounts.tests.factories import (
        CouncilFactory,
        MembershipFactory,
        OrganisationFactory,
        UserFactory,
    )
    from improvement.plans.models import Action, Update
    from improvement.plans.tests.factories import ObjectiveFactory

    rng = random.Random(7)
    words = vocabulary(rng)
    council = CouncilFactory(slug="benchshire", name="Benchshire Council")
    organisation = OrganisationFactory(council=council, name="Benchshire Council")
    user = UserFactory(username="bench")
    MembershipFactory(user=user, council=council, organisation=organisation,
                      role=Role.BOARD_MEMBER)  # fmt: skip
    objective = ObjectiveFactory(council=council, title="Help at the right time")
    actions = Action.objects.bulk_create(
        Action(council=council, objective=objective, organisation=organisation,
               ref=f"1.{n + 1}", title=" ".join(rng.choices(words, k=12)), position=n)
        for n in range(max(1, updates // 20))
    )  # fmt: skip

    def text(count: int, number: int | None = None) -> str:
        chosen = rng.choices(words, k=count)
        if number is not None and number % 100 == 0:
            chosen[rng.randrange(count)] = RARE
        if number is not None and number % 5 == 0:
            chosen[rng.randrange(count)] = COMMON
        return " ".join(chosen)

    start = datetime.date(2022, 1, 1)
    Update.objects.bulk_create(
        (
            Update(action=actions[n % len(actions)], as_of=start + datetime.timedelta(n % 700),
                   narrative=text(WORDS_PER_UPDATE - 25, n), reason=text(15),
                   support_needed=text(10))
            for n in range(updates)
        ),
        batch_size=1000,
    )  # fmt: skip
    return council, user


def search_once(council, user, term: str, indexed: bool) -> int:
    """The plans port's search of updates; without the index, inside a transaction that
    drops it and is rolled back."""
    from django.db import connection, transaction

    from improvement.plans.ports import search

    with transaction.atomic():
        if not indexed:
            with connection.cursor() as cursor:
                cursor.execute(f'DROP INDEX "{INDEX}"')
        (found,) = search(council, user, term, kind="updates")
        transaction.set_rollback(True)
    return found.total


def plan_of(council, user, term: str) -> str:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from improvement.plans.ports import search

    with CaptureQueriesContext(connection) as run:
        search(council, user, term, kind="updates")
    (sql,) = [query["sql"] for query in run.captured_queries if "to_tsvector" in query["sql"]]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--updates", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not args.database_url.startswith(("postgres://", "postgresql://")):
        print("Give a PostgreSQL DATABASE_URL (or --database-url): the index is PostgreSQL's.")
        return 2
    setup_django(args.database_url)
    from django.db import connection

    creation = connection.creation
    name = creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        print(f"Filling {name} with {args.updates:,} updates ...")
        started = time.perf_counter()
        council, user = fill(args.updates)
        # As autovacuum leaves a table: the GIN index's pending list merged (a long
        # pending list makes PostgreSQL, rightly, prefer reading the table) and
        # statistics gathered, the index's expression's among them.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        print(f"  filled in {time.perf_counter() - started:.1f} s")
        return measure(council, user, args.repeat)
    finally:
        creation.destroy_test_db(name, verbosity=0)


def measure(council, user, repeat: int) -> int:
    terms = {"rare word (1%)": RARE, "absent word": ABSENT, "common word (20%)": COMMON}
    times: dict[tuple[str, bool], list[float]] = {
        (label, indexed): [] for label in terms for indexed in (False, True)
    }
    totals: dict[str, int] = {}
    for label, term in terms.items():  # warm both plans once, not timed
        totals[label] = search_once(council, user, term, True)
        assert search_once(council, user, term, False) == totals[label]
    for _ in range(repeat):
        for label, term in terms.items():
            for indexed in (False, True):
                start = time.perf_counter()
                search_once(council, user, term, indexed)
                times[(label, indexed)].append(time.perf_counter() - start)
    print(f"Searching updates (median of {repeat}, milliseconds):")
    print(f"  {'query':<20} {'found':>6} {'unindexed':>10} {'indexed':>9} {'ratio':>7}")
    failed = False
    for label in terms:
        slow = statistics.median(times[(label, False)]) * 1000
        fast = statistics.median(times[(label, True)]) * 1000
        ratio = slow / fast
        gated = label != "common word (20%)"
        verdict = ("ok" if ratio >= TARGET else "BELOW TARGET") if gated else "(not gated)"
        failed |= gated and ratio < TARGET
        print(f"  {label:<20} {totals[label]:>6} {slow:>10.1f} {fast:>9.1f} "
              f"{ratio:>6.1f}x  {verdict}")  # fmt: skip
    plan = plan_of(council, user, RARE)
    reads_index = f"Bitmap Index Scan on {INDEX}" in plan
    print(f"The indexed search's plan reads {INDEX}: {'yes' if reads_index else 'NO'}")
    if not reads_index:
        print(plan)
    print(
        f"Target: the indexed search at least {TARGET:.0f}x faster for the rare and absent words."
    )
    return 1 if failed or not reads_index else 0


if __name__ == "__main__":
    sys.exit(main())
