import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "k3Jp9vQz-Lw2Rt8nXc5Bm7Hs4Dg6Fy1Ea0Ui!Oq@Zx#Vb$Nm%Pl^Kj&Hg*Fd(Sa)",
    "SECURE_HSTS_PRELOAD": "true",
    "ALLOWED_HOSTS": "improvement.example.gov.uk",
    "CSRF_TRUSTED_ORIGINS": "https://improvement.example.gov.uk",
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
