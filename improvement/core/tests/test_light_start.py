"""Starting a process is light: `manage.py check` (and so every command and web
worker's start) loads neither matplotlib nor openpyxl, which only documents and
exports need."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

SCRIPT = """
import sys
from django.core.management import call_command
import django
django.setup()
call_command("check")
from django.urls import get_resolver
get_resolver().url_patterns  # the URLs, and so every view module, are loaded
heavy = sorted(name for name in ("matplotlib", "openpyxl", "weasyprint", "docx")
               if name in sys.modules)
print(",".join(heavy) or "none")
"""


def test_check_and_the_urls_load_no_heavy_library():
    done = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env={"DJANGO_SETTINGS_MODULE": "config.settings", "PATH": "", "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "none"
