"""Starting a process is light (issue 18, docs/adr/019).

`manage.py check` (which loads the URLs, as runserver and a web worker's first
request do) imports none of the libraries only documents, exports, feeds, sign-in
by SSO and the QR code need. A command that serves no pages skips the URL checks,
so it loads no view module at all, nor numpy unless its own work needs it."""

import subprocess
import sys
from pathlib import Path

from django.core.checks import Tags

from improvement.core.commands import CouncilCommand

ROOT = Path(__file__).resolve().parents[3]

# Each costs 20-450 ms of every start; each is imported inside the code that uses it.
HEAVY = ["matplotlib", "openpyxl", "weasyprint", "docx", "requests", "icalendar", "qrcode"]

# Run `manage.py ARGS` as the shell would, then name the watched modules it loaded.
MANAGE = """
import atexit, runpy, sys
watched = sys.argv[1].split(",")
atexit.register(lambda: print("loaded:" + ",".join(m for m in watched if m in sys.modules)))
sys.argv = ["manage.py", *sys.argv[2:]]
runpy.run_path("manage.py", run_name="__main__")
"""

# What a command's start costs: Django's set-up, the command's module, and the
# checks BaseCommand.execute runs for it before `handle`.
COMMAND_START = """
import sys
import django
django.setup()
from django.core.management import load_command_class
command = load_command_class(sys.argv[2], sys.argv[3])
tags = command.requires_system_checks
command.check() if tags == "__all__" else command.check(tags=tags)
print("loaded:" + ",".join(m for m in sys.argv[1].split(",") if m in sys.modules))
"""


def loaded(script: str, watched: list[str], *args: str) -> list[str]:
    done = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script, ",".join(watched), *args],
        cwd=ROOT,
        env={"DJANGO_SETTINGS_MODULE": "config.settings", "PATH": "", "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    last = done.stdout.strip().splitlines()[-1]
    assert last.startswith("loaded:"), done.stdout
    return [name for name in last.removeprefix("loaded:").split(",") if name]


def test_manage_py_check_loads_the_urls_but_no_heavy_library():
    found = loaded(MANAGE, ["config.urls", *HEAVY], "check")
    assert found == ["config.urls"]


def test_a_command_that_serves_no_pages_starts_without_the_urls_or_numpy():
    found = loaded(
        COMMAND_START, ["config.urls", "numpy", "holidays", *HEAVY], "improvement.annex_a", "kpis"
    )
    assert found == []


def test_commands_run_every_system_check_but_the_urls():
    tags = CouncilCommand().requires_system_checks
    assert Tags.urls not in tags
    assert {Tags.models, Tags.templates, Tags.security} <= set(tags)


WORKING_DAYS = """
import datetime, sys
from improvement.core.working_days import working_days_between
assert working_days_between(datetime.date(2023, 12, 22), datetime.date(2024, 12, 31)) == 257
print("loaded:" + ",".join(m for m in sys.argv[1].split(",") if m in sys.modules))
"""


def test_a_working_day_sum_for_a_written_year_loads_no_holidays_package():
    assert loaded(WORKING_DAYS, ["holidays"]) == []
