"""A server refuses to start with DEBUG off and a SECRET_KEY anyone could know."""

import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import refuse_insecure_start


@pytest.mark.parametrize(
    "key",
    [
        "insecure-development-key-set-SECRET_KEY-in-production",
        "change-me-to-a-long-random-string-of-at-least-fifty-characters",
        "",
    ],
)
def test_production_refuses_the_default_or_placeholder_key(key):
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        refuse_insecure_start(False, key)


def test_development_may_use_the_default_key():
    refuse_insecure_start(True, "insecure-development-key-set-SECRET_KEY-in-production")


def test_production_accepts_a_real_key():
    refuse_insecure_start(False, "k3y-" + "x" * 60)


def test_the_wsgi_entry_point_refuses_the_default_key():
    env = {"DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "false", "PATH": ""}
    done = subprocess.run(
        [sys.executable, "-c", "import config.wsgi"], env=env, capture_output=True, text=True
    )
    assert done.returncode != 0
    assert "SECRET_KEY is the development default" in done.stderr
