"""/healthz: 200 with every check passing, 503 naming the one that failed."""

import datetime
import io

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command
from django.db import OperationalError, connection

from improvement.core import health


@pytest.fixture
def worker_alive(db):
    health.beat(force=True)


def _get(client):
    response = client.get("/healthz")
    return response, response.json()


def test_all_checks_pass(client, worker_alive):
    response, body = _get(client)
    assert response.status_code == 200
    assert body["status"] == "ok"
    assert {name: check["ok"] for name, check in body["checks"].items()} == {
        "database": True,
        "media": True,
        "worker": True,
    }
    assert response["Cache-Control"].startswith("max-age=0")


def test_no_sign_in_needed_and_no_session_made(client, worker_alive):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert "sessionid" not in response.cookies


def test_the_media_check_leaves_no_file(client, worker_alive, settings):
    client.get("/healthz")
    assert not list((settings.MEDIA_ROOT / "healthz").iterdir())


def test_a_database_that_does_not_answer_fails(client, worker_alive, monkeypatch):
    def refuse():
        raise OperationalError("connection refused")

    with monkeypatch.context() as patched:
        patched.setattr(connection, "cursor", refuse)
        response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 503
    assert body["status"] == "failing"
    assert body["checks"]["database"] == {"ok": False, "error": "OperationalError"}


def test_unwritable_media_storage_fails(client, worker_alive, settings, tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = blocker
    response, body = _get(client)
    assert response.status_code == 503
    assert body["checks"]["media"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True


def test_a_worker_never_seen_fails(client, db):
    cache.delete(health.HEARTBEAT_KEY)
    response, body = _get(client)
    assert response.status_code == 503
    assert body["checks"]["worker"] == {"ok": False, "error": "no heartbeat recorded"}


def test_a_stale_worker_fails_after_the_setting(client, worker_alive, settings):
    settings.HEALTH_WORKER_STALE_SECONDS = 120
    with time_machine.travel(datetime.timedelta(seconds=119)):
        assert client.get("/healthz").status_code == 200
    with time_machine.travel(datetime.timedelta(seconds=121)):
        response, body = _get(client)
    assert response.status_code == 503
    assert body["checks"]["worker"]["ok"] is False
    assert "stale" in body["checks"]["worker"]["error"]


@pytest.mark.django_db(transaction=True)
def test_the_worker_records_its_heartbeat(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    cache.delete(health.HEARTBEAT_KEY)
    call_command("run_worker", "--batch", "--memory-limit-mb=0", stdout=io.StringIO())
    assert health.worker_age() is not None
    assert client.get("/healthz").status_code == 200


def test_the_answer_holds_nothing_personal(client, worker_alive, board_manager):
    client.force_login(board_manager)
    text = client.get("/healthz").content.decode()
    for value in (board_manager.email, board_manager.username, board_manager.get_full_name()):
        if value:
            assert value not in text


def test_a_load_balancer_may_ask_with_head(client, worker_alive):
    assert client.head("/healthz").status_code == 200


def test_many_rate_limit_entries_do_not_push_the_heartbeat_out(client, worker_alive):
    # Django's database cache culls a third of its entries past MAX_ENTRIES (300 by
    # default), those whose keys sort first, whatever they hold: a burst of keys
    # sorting after the heartbeat's would lose it.
    cache.set_many({f"zz-limit:10.0.{n // 256}.{n % 256}": 1 for n in range(400)})
    cache.set("one-more", 1)
    assert client.get("/healthz").status_code == 200
