"""Benchmark: the main pages under load, served by gunicorn on PostgreSQL over the
national dataset (manage.py generate_national), beside a trivial page in the same run.

Creates the database named by IB_BENCH_DB (default ib_bench) on the server of
IB_BENCH_PG (default postgres://postgres@127.0.0.1:5432) if it is missing, migrates
it and generates the councils not yet there (--councils/--large/--scale; the first
full run takes minutes, later runs reuse the data). Then:
  queries - each main page's SQL query count and size, in-process, for the small
            council (40 actions x scale) and a large one (2,000 x scale)
  solo    - N users on the trivial page (/accessibility/, signed in) alone
  pages   - N users, each going round the main pages of both councils
  mixed   - half the users on the large council's main pages, half on the trivial page
Each phase lasts --duration seconds or --max-requests requests, whichever comes
first. gunicorn runs with config/gunicorn.conf.py (WEB_CONCURRENCY, GUNICORN_THREADS
as set there or in the environment); the second factor is off, as in `make run`.
Prints one table; exits 1 if any response was not a 200.

Usage: .venv/bin/python bench/load.py [--users 20] [--duration 30] [--max-requests 5000]
       [--councils 152 --large 2 --scale 1] [--port 8765] [--light-pool]
"""

import argparse
import http.client
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from national import (  # noqa: E402 - bench/ is not a package
    PASSWORD,
    ROOT,
    TRIVIAL,
    add_size_arguments,
    council_pages,
    councils,
    environment,
    prepare_database,
    setup_django,
    signed_in_client,
)

GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"


def query_counts(slugs: dict[str, str], paths: dict) -> dict[tuple[str, str], tuple[int, int]]:
    """Each main page's query count and HTML size, in this process with Django's client."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    found = {}
    for label, slug in slugs.items():
        client = signed_in_client(slug)
        for page, path in paths[label].items():
            client.get(path)  # warm: the first view loads templates
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            assert response.status_code == 200, (page, path, response.status_code)
            found[(page, label)] = (len(queries), len(response.content))
    return found


class Session:
    """One user's keep-alive connection to the server, with a signed-in session."""

    def __init__(self, port: int, cookie: str = "") -> None:
        self.port, self.cookie = port, cookie
        self.connection: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, body: str = "", headers: dict | None = None):
        headers = {"Cookie": self.cookie, **(headers or {})}
        for attempt in (1, 2):
            fresh = self.connection is None
            if fresh:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
            try:
                self.connection.request(method, path, body=body or None, headers=headers)
                response = self.connection.getresponse()
                return response, response.read()
            except (ConnectionError, http.client.RemoteDisconnected, BrokenPipeError):
                self.connection.close()
                self.connection = None
                if fresh or attempt == 2:  # a kept-alive connection the server closed: once more
                    raise
        raise AssertionError("unreachable")


def sign_in(port: int, username: str) -> str:
    """The Cookie header of a signed-in session, by the sign-in form as a person uses it."""
    session = Session(port)
    response, body = session.request("GET", "/sign-in/")
    cookies = dict(_cookies(response))
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    form = urllib.parse.urlencode(
        {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token}
    )
    session.cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
    response, _ = session.request(
        "POST",
        "/sign-in/",
        form,
        {"Content-Type": "application/x-www-form-urlencoded", "Referer": "http://127.0.0.1/"},
    )
    cookies.update(_cookies(response))
    if response.status != 302 or "sessionid" not in cookies:
        raise SystemExit(f"Could not sign in as {username}: {response.status}")
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def _cookies(response: http.client.HTTPResponse) -> list[tuple[str, str]]:
    found = []
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        found.append((name.strip(), rest.split(";", 1)[0]))
    return found


@dataclass
class Results:
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)


def drive(routes: list[tuple[int, list[tuple[str, str, str]]]], duration: float, limit: int):
    """Each route is one user going round its (label, path, cookie) list on a server's
    port until the time is up or the phase has made `limit` requests in all."""
    results, started = Results(), time.monotonic()
    sent = iter(range(limit))

    def user(port: int, route: list[tuple[str, str, str]]) -> None:
        session, turn = Session(port), 0
        while time.monotonic() - started < duration and next(sent, None) is not None:
            label, path, cookie = route[turn % len(route)]
            turn += 1
            session.cookie = cookie
            begun = time.perf_counter()
            try:
                response, _ = session.request("GET", path)
                ok = response.status == 200
            except OSError:
                ok = False
            took = time.perf_counter() - begun
            with results.lock:
                results.times[label].append(took)
                if not ok:
                    results.errors[label] += 1

    threads = [threading.Thread(target=user, args=route) for route in routes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.seconds = time.monotonic() - started
    return results


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--duration", type=float, default=30, help="seconds per phase")
    parser.add_argument("--max-requests", type=int, default=5000, help="per phase")
    add_size_arguments(parser)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--light-pool",
        action="store_true",
        help="serve the trivial page from a second gunicorn on --port + 1, as the "
        "public site is served in production (docs/adr/018)",
    )
    args = parser.parse_args()
    args.light_port = args.port + 1 if args.light_pool else args.port
    media = tempfile.mkdtemp(prefix="load-bench-media-")
    env = environment(media)
    prepare_database(args, env)
    setup_django(env)
    slugs = councils(args)
    paths = {label: council_pages(slug) for label, slug in slugs.items()}
    counts = query_counts(slugs, paths)
    servers = [serve(env, port) for port in dict.fromkeys((args.port, args.light_port))]
    try:
        for port, gunicorn in servers:
            wait_for(port, gunicorn)
        errors = run(args, slugs, paths, counts)
    finally:
        for _, gunicorn in servers:
            gunicorn.terminate()
            gunicorn.wait(timeout=60)
    sys.exit(1 if errors else 0)


def serve(env: dict[str, str], port: int) -> tuple[int, subprocess.Popen]:
    gunicorn = subprocess.Popen(  # noqa: S603 - the pinned gunicorn, our own settings
        [str(GUNICORN), "-c", "config/gunicorn.conf.py", "config.wsgi"],
        cwd=ROOT,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
        stdout=subprocess.DEVNULL,
    )
    return port, gunicorn


def wait_for(port: int, gunicorn: subprocess.Popen) -> None:
    for _ in range(120):
        if gunicorn.poll() is not None:
            raise SystemExit("gunicorn stopped: see its errors above")
        try:
            Session(port).request("GET", TRIVIAL)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("gunicorn did not answer within a minute")


def run(args: argparse.Namespace, slugs: dict[str, str], paths: dict, counts: dict) -> int:
    cookies = {label: sign_in(args.port, f"{slug}-manager") for label, slug in slugs.items()}
    heavy = [
        (f"{page} ({label})", path, cookies[label])
        for label in slugs
        for page, path in paths[label].items()
    ]
    trivial = [("trivial view", TRIVIAL, cookies["small"])]
    large_only = [route for route in heavy if route[0].endswith("(large)")]
    phase = {"duration": args.duration, "limit": args.max_requests}
    print(f"{args.users} users, {args.duration:g} s or {args.max_requests} requests a phase")
    if args.light_pool:
        print(f"the trivial page served by its own gunicorn on port {args.light_port}")
    light = (args.light_port, trivial)
    solo = drive([light] * args.users, **phase)
    pages = drive([(args.port, rotated(heavy, n)) for n in range(args.users)], **phase)
    half = max(1, args.users // 2)
    heavy_users = [(args.port, rotated(large_only, n)) for n in range(half)]
    mixed = drive(heavy_users + [light] * (args.users - half), **phase)
    order = [route[0] for route in heavy]
    return report(solo, pages, mixed, counts, order)


def rotated(route: list, n: int) -> list:
    """The round started at its n-th page: each user starts at a different page, so
    every page is in flight from the start."""
    return route[n % len(route) :] + route[: n % len(route)]


def report(solo: Results, pages: Results, mixed: Results, counts: dict, order: list) -> int:
    base = percentile(solo.times["trivial view"], 0.95)
    print(f"\n{'page (council)':<34}{'reqs':>6}{'req/s':>7}{'p50 ms':>8}{'p95 ms':>8}", end="")
    print(f"{'p99 ms':>8}{'errors':>7}{'p95/trivial':>12}")
    rows = [("trivial view, solo", solo, "trivial view")]
    rows += [(label, pages, label) for label in order if pages.times[label]]
    mixed_order = ["trivial view", *order]
    rows += [(f"{label}, mixed", mixed, label) for label in mixed_order if mixed.times[label]]
    for name, phase, label in rows:
        times = phase.times[label]
        p50, p95, p99 = (percentile(times, s) * 1000 for s in (0.5, 0.95, 0.99))
        print(f"{name:<34}{len(times):>6}{len(times) / phase.seconds:>7.1f}{p50:>8.0f}", end="")
        print(f"{p95:>8.0f}{p99:>8.0f}{phase.errors[label]:>7}{p95 / 1000 / base:>11.1f}x")
    mixed_p95 = percentile(mixed.times["trivial view"], 0.95)
    print(f"\ntrivial view p95: solo {base * 1000:.0f} ms, mixed {mixed_p95 * 1000:.0f} ms", end="")
    print(f" ({mixed_p95 / base:.1f}x its solo p95)")
    print(f"\n{'queries (HTML KB)':<20}" + "".join(f"{label:>18}" for label in ("small", "large")))
    for page in dict.fromkeys(page for page, _ in counts):
        cells = [counts.get((page, label)) for label in ("small", "large")]
        print(f"{page:<20}" + "".join(_count(cell) for cell in cells))
    errors = sum(sum(phase.errors.values()) for phase in (solo, pages, mixed))
    print(f"\n{errors} error responses" if errors else "\nNo errors.")
    return errors


def _count(cell: tuple[int, int] | None) -> str:
    return f"{cell[0]:>10} ({cell[1] // 1024:>4})" if cell else f"{'-':>17}"


if __name__ == "__main__":
    main()
