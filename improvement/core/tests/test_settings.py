import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]


def _env_example() -> dict[str, str]:
    """The production variables as .env.example documents them."""
    lines = (ROOT / ".env.example").read_text().splitlines()
    pairs = (line.split("=", 1) for line in lines if "=" in line and not line.startswith("#"))
    return {name.strip(): value.strip() for name, value in pairs}


# .env.example, with a real key in place of its placeholder: what an installation
# following the README sets, so `check --deploy` is tried against that.
PRODUCTION = {
    **_env_example(),
    "SECRET_KEY": "k3Jp9vQz-Lw2Rt8nXc5Bm7Hs4Dg6Fy1Ea0Ui!Oq@Zx#Vb$Nm%Pl^Kj&Hg*Fd(Sa)",
}


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_deploy_check_is_clean_with_production_variables():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout


def test_a_bad_boolean_stops_start_up_with_its_name():
    result = _manage("check", env={**PRODUCTION, "DEBUG": "perhaps"})
    assert result.returncode != 0
    assert "DEBUG must be true or false, not 'perhaps'" in result.stderr


def test_debug_is_off_unless_set():
    env = {k: v for k, v in os.environ.items() if k != "DEBUG"}
    result = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-c",
            "import django,os;os.environ.setdefault('DJANGO_SETTINGS_MODULE',"
            "'config.settings');from django.conf import settings;print(settings.DEBUG)",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "False"


def test_the_shared_cache_is_the_database_unless_redis_is_configured():
    code = (
        "import django,os;os.environ.setdefault('DJANGO_SETTINGS_MODULE','config.settings');"
        "from django.conf import settings;print(settings.CACHES['default']['BACKEND'])"
    )
    for env, backend in (
        ({}, "django.core.cache.backends.db.DatabaseCache"),
        ({"REDIS_URL": "redis://cache:6379/0"}, "django.core.cache.backends.redis.RedisCache"),
    ):
        base = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
        result = subprocess.run(  # noqa: S603
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={**base, **env},
            capture_output=True,
            text=True,
            check=True,
        )
        assert result.stdout.strip() == backend


def test_migrate_makes_the_cache_table(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}", "DEBUG": "true"}
    assert _manage("migrate", "--no-input", "-v", "0", env=env).returncode == 0
    result = _manage("createcachetable", "--dry-run", env=env)
    assert result.returncode == 0
    assert "CREATE TABLE" not in result.stdout


def test_gunicorn_serves_with_threads_so_one_slow_request_does_not_queue_the_rest():
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py", "--print-config"]
        + ["config.wsgi"],
        cwd=ROOT,
        env={**os.environ, **PRODUCTION},
        capture_output=True,
        text=True,
        check=True,
    )
    config = dict(
        (name.strip(), value.strip())
        for name, _, value in (line.partition("=") for line in result.stdout.splitlines())
    )
    assert config["worker_class"] == "gthread"
    assert int(config["threads"]) > 1
    # Nothing in a request needs long (docs/adr/012); a hung process goes soon.
    assert 0 < int(config["timeout"]) <= 60
    assert int(config["graceful_timeout"]) > 0
    assert "%(q)s" not in config["access_log_format"]  # no query strings in the log


def test_compose_serves_the_public_site_from_its_own_pool_with_bounded_queries():
    services = yaml.safe_load((ROOT / "compose.yaml").read_text())["services"]
    command = ["gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi"]
    assert services["web"]["command"] == services["public"]["command"] == command
    assert services["web"]["ports"] != services["public"]["ports"]
    bounded = "statement_timeout%3D30s"
    for name in ("web", "public"):
        assert bounded in services[name]["environment"]["DATABASE_URL"]
    for name in ("worker", "migrate"):  # imports and index builds may take longer
        assert bounded not in services[name]["environment"]["DATABASE_URL"]
