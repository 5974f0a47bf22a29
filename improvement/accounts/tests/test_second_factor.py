"""The second factor: setting up an authenticator app, signing in with its code or a
recovery code, wrong codes, who must have one, and the administrator's reset."""

import datetime
import re

import pytest
import time_machine
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from improvement.accounts import second_factor
from improvement.accounts.second_factor_views import CODES_KEY, SETUP_KEY
from improvement.core.models import AuditEntry

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
KEY = "3132333435363738393031323334353637383930"
DASHBOARD = "/councils/testshire/"


@pytest.fixture(autouse=True)
def _required(settings):
    settings.OTP_REQUIRED = True


def code_for(key: str = KEY) -> str:
    """The code an authenticator app with this key shows now."""
    return f"{TOTP(bytes.fromhex(key)).token():06d}"


def later(seconds: int):
    """Move the frozen clock on: a code is used once, and wrong codes make one wait."""
    return time_machine.travel(timezone.now() + datetime.timedelta(seconds=seconds), tick=False)


def with_app(user, key: str = KEY) -> list[str]:
    """Give a person an authenticator app (the test's key) and ten recovery codes."""
    TOTPDevice.objects.create(user=user, name="Authenticator app", key=key, confirmed=True)
    return second_factor._replace_recovery_codes(user)


def password_sign_in(client, username: str, next_url: str = DASHBOARD):
    return client.post(
        "/sign-in/", {"username": username, "password": PASSWORD, "next": next_url}, follow=True
    )


# Who must have one


def test_a_role_that_reads_personal_data_is_sent_to_set_up_before_any_council_page(
    client, board_manager, council
):
    response = password_sign_in(client, "manager")
    assert response.redirect_chain[-1][0] == "/two-factor/set-up/?next=%2Fcouncils%2Ftestshire%2F"
    assert "Set up your authenticator app" in response.content.decode()
    assert client.get(f"{DASHBOARD}plan/").status_code == 302


def test_an_action_owner_may_go_without_and_may_choose_one(client, owner, council):
    response = password_sign_in(client, "owner")
    assert response.redirect_chain[-1][0] == DASHBOARD
    assert "Set up an authenticator app" in client.get("/two-factor/").content.decode()
    assert client.get("/two-factor/set-up/").status_code == 200


def test_with_the_requirement_off_the_demo_signs_in_with_a_password(
    client, settings, board_manager, council
):
    settings.OTP_REQUIRED = False
    response = password_sign_in(client, "manager")
    assert response.redirect_chain[-1][0] == DASHBOARD


def test_public_pages_and_sign_out_stay_open_before_the_second_factor(
    client, board_manager, council
):
    password_sign_in(client, "manager")
    assert client.get("/sign-out/").status_code == 200
    assert client.get("/accessibility/").status_code == 200


def test_each_role_is_decided(cast):
    required = {name for name, user in cast.items() if second_factor.required_for(user)}
    assert required == {
        "board_manager",
        "chair",
        "board_member",
        "councillor",
        "complaints_manager",
        "other_officer",
    }
    assert not second_factor.required_for(cast["owner"])


# Setting up


def test_set_up_shows_a_qr_code_and_the_key_as_text_then_ten_codes_once(
    client, board_manager, council
):
    password_sign_in(client, "manager")
    page = client.get("/two-factor/set-up/?next=/councils/testshire/").content.decode()
    assert '<svg role="img" aria-label="QR code to scan with your authenticator app"' in page
    assert "http" not in page.split("<svg", 1)[1].split("</svg>")[0].replace(
        "http://www.w3.org/2000/svg", ""
    )
    key = client.session[SETUP_KEY]
    assert second_factor.secret_as_text(key) in page

    response = client.post(
        "/two-factor/set-up/", {"code": code_for(key), "next": DASHBOARD}, follow=True
    )
    page = response.content.decode()
    assert response.redirect_chain[-1][0].startswith("/two-factor/recovery-codes/")
    assert "Save your recovery codes" in page
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", page)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert 'href="/councils/testshire/"' in page
    # Shown once: the page does not show them again.
    assert client.get("/two-factor/recovery-codes/").url == "/two-factor/"
    assert CODES_KEY not in client.session
    assert client.get(DASHBOARD).status_code == 200
    assert TOTPDevice.objects.get(user=board_manager).confirmed
    assert AuditEntry.objects.filter(verb="second factor set up").count() == 1


def test_set_up_refuses_a_wrong_code_naming_the_field(client, board_manager, council):
    password_sign_in(client, "manager")
    client.get("/two-factor/set-up/")
    page = client.post("/two-factor/set-up/", {"code": "000000"}).content.decode()
    assert "There is a problem" in page and 'href="#id_code"' in page
    assert "The code is not correct" in page
    page = client.post("/two-factor/set-up/", {"code": ""}).content.decode()
    assert "Enter the 6-digit code from your authenticator app" in page
    assert not TOTPDevice.objects.filter(user=board_manager).exists()
    assert client.get(DASHBOARD).status_code == 302


def test_the_key_stays_the_same_while_setting_up(client, board_manager, council):
    password_sign_in(client, "manager")
    client.get("/two-factor/set-up/")
    first = client.session[SETUP_KEY]
    client.post("/two-factor/set-up/", {"code": "000000"})
    assert client.session[SETUP_KEY] == first


# Signing in with a code


def test_a_person_with_an_app_gives_its_code_after_the_password(client, board_manager, council):
    with_app(board_manager)
    response = password_sign_in(client, "manager")
    assert response.redirect_chain[-1][0] == "/sign-in/code/?next=%2Fcouncils%2Ftestshire%2F"
    assert "Enter the code from your authenticator app" in response.content.decode()
    assert client.get(DASHBOARD).status_code == 302

    response = client.post("/sign-in/code/", {"code": code_for(), "next": DASHBOARD})
    assert response.url == DASHBOARD
    assert client.get(DASHBOARD).status_code == 200


def test_a_wrong_code_is_refused_with_an_error_summary_then_throttled(
    client, board_manager, council
):
    with_app(board_manager)
    password_sign_in(client, "manager")
    page = client.post("/sign-in/code/", {"code": "000000"}).content.decode()
    assert "There is a problem" in page and 'href="#id_code"' in page
    assert "The code is not correct. Enter the 6-digit code from your authenticator app" in page
    assert page.count("govuk-error-message") == 1
    # Straight away, even the right code waits: django-otp's throttle.
    page = client.post("/sign-in/code/", {"code": code_for()}).content.decode()
    assert "You entered a wrong code too many times. Wait 1 second" in page
    assert client.get(DASHBOARD).status_code == 302
    with later(2):
        assert client.post("/sign-in/code/", {"code": code_for()}).status_code == 302
        assert client.get(DASHBOARD).status_code == 200


def test_a_missing_or_malformed_code_is_named(client, board_manager, council):
    with_app(board_manager)
    password_sign_in(client, "manager")
    page = client.post("/sign-in/code/", {"code": ""}).content.decode()
    assert "Enter the 6-digit code from your authenticator app" in page
    page = client.post("/sign-in/code/", {"code": "12ab"}).content.decode()
    assert "The code must be 6 digits, like 123456" in page


def test_a_code_works_once(client, board_manager, council):
    with_app(board_manager)
    password_sign_in(client, "manager")
    client.post("/sign-in/code/", {"code": code_for()})
    client.post("/sign-out/confirm/")
    password_sign_in(client, "manager")
    page = client.post("/sign-in/code/", {"code": code_for()}).content.decode()
    assert "The code is not correct" in page


def test_a_recovery_code_signs_in_once(client, board_manager, council):
    codes = with_app(board_manager)
    password_sign_in(client, "manager")
    response = client.post("/sign-in/recovery-code/", {"code": codes[0], "next": DASHBOARD})
    assert response.url == DASHBOARD
    assert "You have 9 left" in client.get(DASHBOARD).content.decode()
    client.post("/sign-out/confirm/")

    with later(5):
        password_sign_in(client, "manager")
        page = client.post("/sign-in/recovery-code/", {"code": codes[0]}).content.decode()
        assert "The recovery code is not correct, or it has been used" in page
        assert 'href="#id_code"' in page
        assert client.get(DASHBOARD).status_code == 302
    assert StaticToken.objects.filter(device__user=board_manager).count() == 9


def test_new_recovery_codes_replace_the_old(client, board_manager, council):
    old = with_app(board_manager)
    password_sign_in(client, "manager")
    client.post("/sign-in/code/", {"code": code_for()})
    page = client.post("/two-factor/recovery-codes/new/", follow=True).content.decode()
    new = re.findall(r"<li><code>([a-z0-9]+)</code></li>", page)
    assert len(new) == 10
    assert not set(old) & set(
        StaticToken.objects.filter(device__user=board_manager).values_list("token", flat=True)
    )


# The council administrator's reset


def test_the_administrator_resets_a_second_factor_after_confirming(
    client_for, settings, council_admin, board_manager, council
):
    settings.OTP_REQUIRED = False  # the administrator is signed in with force_login
    with_app(board_manager)
    client = client_for(council_admin)
    person = f"/councils/testshire/people/{board_manager.pk}/"
    page = client.get(person).content.decode()
    assert "Authenticator app set up" in page and "second-factor/reset/" in page

    page = client.get(f"{person}second-factor/reset/").content.decode()
    assert "Are you sure you want to reset" in page
    assert TOTPDevice.objects.filter(user=board_manager).exists()

    response = client.post(f"{person}second-factor/reset/", follow=True)
    assert "second factor has been reset" in response.content.decode()
    assert "Not set up" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=board_manager).exists()
    assert not StaticToken.objects.filter(device__user=board_manager).exists()
    entry = AuditEntry.objects.get(verb="second factor reset")
    assert entry.actor == council_admin and entry.council == council


def test_after_a_reset_the_person_sets_up_a_new_app(client, council_admin, board_manager, council):
    with_app(board_manager)
    second_factor.reset(council_admin, council, board_manager)
    response = password_sign_in(client, "manager")
    assert response.redirect_chain[-1][0].startswith("/two-factor/set-up/")


def test_only_the_administrator_may_reset(client_for, settings, board_manager, chair, council):
    settings.OTP_REQUIRED = False
    with_app(chair)
    client = client_for(board_manager)
    url = f"/councils/testshire/people/{chair.pk}/second-factor/reset/"
    assert client.post(url).status_code == 403
    assert TOTPDevice.objects.filter(user=chair).exists()


def test_the_code_page_never_sends_a_person_to_another_site(client, board_manager, council):
    with_app(board_manager)
    password_sign_in(client, "manager")
    response = client.post("/sign-in/code/", {"code": code_for(), "next": "https://evil.example/"})
    assert response.url == "/"


def test_a_recovery_code_clears_the_wait_after_wrong_app_codes(client, board_manager, council):
    codes = with_app(board_manager)
    password_sign_in(client, "manager")
    client.post("/sign-in/code/", {"code": "000000"})
    assert second_factor.wait_seconds(second_factor.app_device(board_manager)) == 1
    client.post("/sign-in/recovery-code/", {"code": codes[0]})
    assert second_factor.wait_seconds(second_factor.app_device(board_manager)) == 0
