import datetime

import pytest
import time_machine

from improvement.accounts.middleware import LAST_SEEN, STARTED

pytestmark = pytest.mark.django_db

START = datetime.datetime(2024, 3, 1, 12, 0, tzinfo=datetime.UTC)


def signed_in(client):
    return "_auth_user_id" in client.session


def test_a_session_ends_after_the_idle_time(client_for, council, board_member, settings):
    settings.SESSION_IDLE_MINUTES = 30
    client = client_for(board_member)
    home = f"/councils/{council.slug}/"
    with time_machine.travel(START, tick=False):
        assert client.get(home).status_code == 200
    with time_machine.travel(START + datetime.timedelta(minutes=29), tick=False):
        assert client.get(home).status_code == 200 and signed_in(client)
    with time_machine.travel(START + datetime.timedelta(minutes=60), tick=False):
        response = client.get(home)
    assert response.status_code == 302 and response.url.startswith("/sign-in/")
    assert not signed_in(client)


def test_a_busy_session_still_ends_after_its_maximum_length(
    client_for, council, board_member, settings
):
    settings.SESSION_IDLE_MINUTES = 30
    settings.SESSION_MAX_HOURS = 12
    client = client_for(board_member)
    home = f"/councils/{council.slug}/"
    for minutes in range(0, 12 * 60, 25):  # a request every 25 minutes all day
        with time_machine.travel(START + datetime.timedelta(minutes=minutes), tick=False):
            assert client.get(home).status_code == 200, minutes
    with time_machine.travel(START + datetime.timedelta(hours=12, minutes=1), tick=False):
        assert client.get(home).status_code == 302
    assert not signed_in(client)


def test_signing_out_for_inactivity_says_why(client_for, council, board_member):
    client = client_for(board_member)
    with time_machine.travel(START, tick=False):
        client.get(f"/councils/{council.slug}/")
    with time_machine.travel(START + datetime.timedelta(hours=1), tick=False):
        page = client.get(f"/councils/{council.slug}/", follow=True).content.decode()
    assert "You were signed out to keep your account secure." in page


def test_the_session_is_not_written_on_every_request(client_for, council, board_member):
    client = client_for(board_member)
    with time_machine.travel(START, tick=False):
        client.get(f"/councils/{council.slug}/")
    first = client.session[LAST_SEEN]
    with time_machine.travel(START + datetime.timedelta(seconds=30), tick=False):
        client.get(f"/councils/{council.slug}/")
    assert client.session[LAST_SEEN] == first
    with time_machine.travel(START + datetime.timedelta(minutes=2), tick=False):
        client.get(f"/councils/{council.slug}/")
    assert client.session[LAST_SEEN] == first + 120


def test_the_session_clock_starts_at_sign_in(client, board_member):
    client.post("/sign-in/", {"username": "member", "password": "correct-horse-battery"})
    assert client.session[STARTED] == START.timestamp()
