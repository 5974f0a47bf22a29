"""What the page benchmarks share: the national dataset's database, its councils,
their main pages, and Django set up in this process to read them.

`bench/load.py` (the pages under load, served by gunicorn) and `bench/pages.py`
(each page's own server time, in-process) measure the same pages of the same two
councils, so their figures can be read side by side.
"""

import argparse
import datetime
import os
import secrets
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
TRIVIAL = "/accessibility/"
PASSWORD = "improvement-demo"  # noqa: S105 - the published demo password
# A past board date for the "as at" page: far enough back to replay months of updates.
AS_AT = datetime.date.today() - datetime.timedelta(days=180)
PAGES = {
    "dashboard": "",
    "dashboard as at": (
        f"?as_at_day={AS_AT.day}&as_at_month={AS_AT.month}&as_at_year={AS_AT.year}"
    ),
    "plan list": "plan/",
    "slow to progress": "evidence/slow-to-progress/",
    "meetings": "meetings/",
    "evidence": "evidence/",
    "complaints": "complaints/",
    "forward plan": "forward-plan/",
    "activity": "activity/",
}


def add_size_arguments(parser: argparse.ArgumentParser) -> None:
    """The dataset's shape, as `manage.py generate_national` takes it."""
    parser.add_argument("--councils", type=int, default=152)
    parser.add_argument("--large", type=int, default=2)
    parser.add_argument("--scale", type=float, default=1.0)


def councils(args: argparse.Namespace) -> dict[str, str]:
    """The small council (the last: 40 actions x scale) and a large one (2,000 x scale)."""
    return {"small": f"national-{args.councils:03d}", "large": "national-001"}


def database_url() -> tuple[str, str]:
    """The server and the database name: IB_BENCH_PG, IB_BENCH_DB (default ib_bench)."""
    server = os.environ.get("IB_BENCH_PG", "postgres://postgres@127.0.0.1:5432")
    return server, os.environ.get("IB_BENCH_DB", "ib_bench")


def environment(media: str, **extra: str) -> dict[str, str]:
    """The settings a benchmark runs the application with: production's, on the
    benchmark database, over plain HTTP and without the second factor (as `make run`)."""
    server, name = database_url()
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": f"{server}/{name}",
        "MEDIA_ROOT": media,
        "LOG_LEVEL": "WARNING",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "PYTHONWARNINGS": "ignore:No directory at",  # whitenoise: no collectstatic needed
        "OTP_REQUIRED": "false",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "SECURE_HSTS_SECONDS": "0",
        **extra,
    }


def prepare_database(args: argparse.Namespace, env: dict[str, str]) -> None:
    """Create the database if it is missing, migrate it and generate the councils
    not yet there (the first full run takes minutes; later runs reuse the data)."""
    import psycopg
    from psycopg import sql

    server, name = database_url()
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        exists = "SELECT 1 FROM pg_database WHERE datname = %s"
        if not connection.execute(exists, [name]).fetchone():
            print(f"Creating the database {name} ...")
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    manage = [str(PYTHON), "manage.py"]
    for command in (["migrate", "--no-input", "-v0"], ["createcachetable"]):
        subprocess.run(manage + command, cwd=ROOT, env=env, check=True)  # noqa: S603 - our own manage.py
    sizes = ["--councils", str(args.councils), "--large", str(args.large)]
    sizes += ["--scale", str(args.scale)]
    print(f"Generating the councils not yet in {name} ({' '.join(sizes)}) ...")
    generate = [*manage, "generate_national", *sizes]
    subprocess.run(generate, cwd=ROOT, env=env, check=True)  # noqa: S603 - our own manage.py


def setup_django(env: dict[str, str]) -> None:
    """Django in this process, on the benchmark's settings."""
    import django

    os.environ.update(env)
    warnings.filterwarnings("ignore", "No directory at")  # whitenoise: no collectstatic
    sys.path.insert(0, str(ROOT))
    django.setup()


def signed_in_client(slug: str) -> Any:
    """Django's test client, signed in as the council's board manager."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username=f"{slug}-manager"))
    return client


def council_pages(slug: str) -> dict[str, str]:
    """The main pages' paths for one council, with its largest objective's page, and
    its draft board report's page when it has one."""
    from django.db.models import Count

    from improvement.core.models import Council

    council = Council.objects.get(slug=slug)
    paths = {page: f"/councils/{slug}/{path}" for page, path in PAGES.items()}
    largest = (
        council.objectives.live().annotate(size=Count("actions")).order_by("-size", "pk").first()
    )
    if largest is not None:
        paths["largest objective"] = f"/councils/{slug}/plan/objectives/{largest.pk}/"
    draft = council.reports.filter(kind="board_progress", status="draft").order_by("-pk").first()
    if draft is not None:
        paths["draft board report"] = f"/councils/{slug}/reports/{draft.pk}/"
    return paths
