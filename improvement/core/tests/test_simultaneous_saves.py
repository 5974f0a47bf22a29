"""Two people saving the same record at the same moment on SQLite: one save lands and
the other is told someone changed it, never "database is locked" (a 500)."""

import subprocess
import sys
from pathlib import Path

SCRIPT = r"""
import os, sys, threading
import django
django.setup()
from django.core.management import call_command
from django.db import connection
call_command("migrate", verbosity=0)

from improvement.accounts.models import Organisation
from improvement.core.actors import SystemActor
from improvement.core.models import Council
from improvement.core.tracking import StaleEdit, create_tracked, save_tracked

setup = SystemActor("test setup")
council = Council.objects.create(slug="testshire", name="Testshire")
org = create_tracked(Organisation(council=council, name="Police"), setup)
connection.close()

barrier = threading.Barrier(20)
outcomes = []

def save(n):
    mine = Organisation.objects.get(pk=org.pk)
    barrier.wait()
    try:
        save_tracked(mine, SystemActor(f"saver {n}"), expected_version=1,
                     apply=lambda: setattr(mine, "name", f"Police {n}"))
        outcomes.append("saved")
    except StaleEdit:
        outcomes.append("stale")
    except Exception as exc:
        outcomes.append(f"error: {exc}")
    finally:
        connection.close()

threads = [threading.Thread(target=save, args=(n,)) for n in range(20)]
for t in threads: t.start()
for t in threads: t.join()
print(sorted(outcomes))
print(Organisation.objects.get(pk=org.pk).version)
"""


def test_simultaneous_saves_end_in_one_save_and_stale_edit_messages(tmp_path: Path):
    database = tmp_path / "race.sqlite3"
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "PATH": "",
        "PYTHONPATH": str(Path(__file__).resolve().parents[3]),
    }
    done = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    outcomes, version = done.stdout.strip().splitlines()
    assert outcomes == str(sorted(["saved"] + ["stale"] * 19))
    assert version == "2"
