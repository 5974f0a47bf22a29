import datetime

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib import admin
from django.core import mail
from django.test import RequestFactory

from improvement.accounts.middleware import client_address
from improvement.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


def sign_in(client, username, password, address="198.51.100.7"):
    return client.post(
        "/sign-in/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_the_sign_in_page_offers_a_forgotten_password_link(client):
    page = client.get("/sign-in/").content.decode()
    assert 'name="username"' in page and 'name="password"' in page and ">Sign in</button>" in page
    assert 'href="/password/reset/"' in page and "Forgotten your password?" in page


def test_the_sign_in_page_sends_the_public_to_the_public_site(client, db):
    page = client.get("/sign-in/").content.decode()
    assert 'href="/public/"' in page and "public site" in page


def test_signing_in_through_the_form_still_works(client, board_member):
    response = sign_in(client, "member", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(board_member.pk)


def test_sign_out_asks_for_confirmation(client_for, board_member):
    client = client_for(board_member)
    page = client.get("/sign-out/").content.decode()
    assert "Sign out" in page and "_auth_user_id" in client.session
    client.post("/sign-out/confirm/")
    assert "_auth_user_id" not in client.session


def test_forgotten_password_sends_a_link_and_says_check_your_email(client, board_member):
    assert "Reset your password" in client.get("/password/reset/").content.decode()
    response = client.post("/password/reset/", {"email": board_member.email}, follow=True)
    assert "Check your email" in response.content.decode()
    assert len(mail.outbox) == 1 and "/password/reset/" in mail.outbox[0].body
    assert mail.outbox[0].subject == "Reset your improvement board password"


def test_an_unknown_email_gets_the_same_answer_and_no_mail(client, board_member):
    response = client.post("/password/reset/", {"email": "nobody@example.org"}, follow=True)
    assert "Check your email" in response.content.decode() and mail.outbox == []


def test_a_missing_email_is_named_in_the_error_summary(client):
    page = client.post("/password/reset/", {"email": ""}).content.decode()
    assert 'href="#id_email"' in page and "Enter your email address" in page


def test_the_reset_link_sets_a_new_password(client, board_member):
    client.post("/password/reset/", {"email": board_member.email})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password/reset/" in line)
    form_url = client.get(link.split("testserver", 1)[1]).url
    assert "Create a new password" in client.get(form_url).content.decode()
    new = {"new_password1": "another-long-phrase", "new_password2": "another-long-phrase"}
    response = client.post(form_url, new, follow=True)
    assert "Your password has been saved" in response.content.decode()
    board_member.refresh_from_db()
    assert board_member.check_password("another-long-phrase")


def test_ten_wrong_passwords_lock_the_username_from_that_address(client, board_member):
    for _ in range(9):
        assert sign_in(client, "member", "wrong").status_code == 200
    response = sign_in(client, "member", "wrong")
    assert response.status_code == 429
    assert "Your account is locked" in response.content.decode()
    # even the right password is refused now, from that address
    assert sign_in(client, "member", PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session
    # another address is keyed separately
    assert sign_in(client, "member", PASSWORD, address="192.0.2.44").status_code == 302


def test_the_lockout_ends_after_the_cool_off(client, board_member, settings):
    for _ in range(10):
        sign_in(client, "member", "wrong")
    assert sign_in(client, "member", PASSWORD).status_code == 429
    later = datetime.datetime.now(tz=datetime.UTC) + settings.AXES_COOLOFF_TIME
    with time_machine.travel(later + datetime.timedelta(minutes=1), tick=False):
        assert sign_in(client, "member", PASSWORD).status_code == 302


def test_a_successful_sign_in_clears_earlier_failures(client, board_member):
    for _ in range(5):
        sign_in(client, "member", "wrong")
    sign_in(client, "member", PASSWORD)
    assert not AccessAttempt.objects.filter(username="member", failures_since_start__gt=0).exists()


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.1", "10.0.0.1"),
        (1, "203.0.113.1", "203.0.113.1"),
        (1, "6.6.6.6, 203.0.113.1", "203.0.113.1"),  # the client's own claim is ignored
        (2, "6.6.6.6, 203.0.113.1, 10.0.0.2", "203.0.113.1"),
        (1, "", "10.0.0.1"),
    ],
)
def test_the_client_address_trusts_only_our_own_proxies(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


def test_the_django_admin_refuses_staff_who_are_not_superusers(client):
    staff = UserFactory(username="staff", is_staff=True)
    request = RequestFactory().get("/django-admin/")
    request.user = staff
    assert admin.site.has_permission(request) is False
    client.force_login(staff)
    assert client.get("/django-admin/").status_code == 302  # to the admin's sign-in


def test_a_superuser_creates_councils_in_the_django_admin(client):
    root = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(root)
    assert client.get("/django-admin/core/council/add/").status_code == 200
    assert client.get("/django-admin/accounts/user/").status_code == 200
