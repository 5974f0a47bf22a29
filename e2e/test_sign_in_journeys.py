"""Journeys through signing in: an invitation to a second factor, a forgotten password,
and a lockout the council administrator lifts. Written as given / when / then."""

import base64
import re

import pytest
from django.core import mail
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from e2e.conftest import check_page, sign_in
from improvement.accounts.models import Role
from improvement.accounts.tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

NEW_PASSWORD = "a-river-of-quiet-lamps-42"


@pytest.fixture
def council_admin(council, council_org):
    user = UserFactory(username="admin", first_name="Ada", last_name="Admin")
    MembershipFactory(user=user, council=council, organisation=council_org, role=Role.COUNCIL_ADMIN)
    return user


@pytest.fixture
def emailed_links(settings, live_server):
    """Links in emails point at the live server; returns the links in the last email."""
    settings.SITE_URL = live_server.url

    def links() -> list[str]:
        return re.findall(r"https?://\S+", mail.outbox[-1].body)

    return links


def code_from_key(text: str) -> str:
    """What an authenticator app shows for a key typed in from the set-up page."""
    key = text.replace(" ", "")
    key += "=" * (-len(key) % 8)
    return f"{TOTP(base64.b32decode(key)).token():06d}"


def set_new_password(page, name: str) -> None:
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("New password confirmation").fill(NEW_PASSWORD)
    check_page(page, name)
    page.get_by_role("button", name="Save password").click()
    page.get_by_role("heading", name="Your password has been saved").wait_for()


def test_an_invited_person_sets_a_password_and_a_second_factor_and_signs_in(
    page, settings, council, council_admin, emailed_links
):
    # Given the second factor is required, and the administrator has an authenticator app
    settings.OTP_REQUIRED = True
    TOTPDevice.objects.create(user=council_admin, name="Authenticator app", confirmed=True)
    sign_in(page, "admin")
    page.goto("/councils/testshire/people/")
    check_page(page, "people-page")

    # When they invite a board member
    page.get_by_role("link", name="Invite a person").click()
    page.get_by_label("First name").fill("Bea")
    page.get_by_label("Last name").fill("Board")
    page.get_by_label("Email address").fill("bea.board@example.org")
    page.get_by_label("Role").select_option(label="Board member")
    page.get_by_label("Organisation").select_option(label="Testshire Council")
    check_page(page, "invite-form")
    page.get_by_role("button", name="Send invitation").click()
    page.get_by_text("Person added").wait_for()
    assert page.get_by_text("Invited").first.is_visible()
    check_page(page, "invited-person")

    # Then the person opens the emailed link and sets a password
    link = emailed_links()[0]
    assert "/invitation/" in link
    page.context.clear_cookies()
    page.goto(link)
    page.get_by_role("heading", name="Set your password").wait_for()
    set_new_password(page, "invitation-set-password")

    # And signing in, they are sent to set up an authenticator app first
    sign_in(page, "bea.board@example.org", NEW_PASSWORD)
    page.get_by_role("heading", name="Set up your authenticator app").wait_for()
    assert page.get_by_role("img", name="QR code to scan with your authenticator app").is_visible()
    check_page(page, "set-up-second-factor")
    page.get_by_text("I cannot scan the QR code").click()
    key = page.locator("#secret-key").inner_text()

    # A wrong code is named in the error summary
    page.get_by_label("Code from your authenticator app").fill("000000")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("heading", name="There is a problem").wait_for()
    assert page.get_by_role("link", name=re.compile("The code is not correct")).is_visible()
    check_page(page, "set-up-wrong-code")

    page.get_by_label("Code from your authenticator app").fill(code_from_key(key))
    page.get_by_role("button", name="Continue").click()

    # Then they see ten recovery codes, once, and go on to the board
    page.get_by_role("heading", name="Save your recovery codes").wait_for()
    recovery_codes = page.locator("#recovery-codes li").all_inner_texts()
    assert len(recovery_codes) == 10
    check_page(page, "recovery-codes")
    page.get_by_role("link", name="I have saved my recovery codes").click()
    page.wait_for_url("**/councils/testshire/")
    check_page(page, "dashboard-after-set-up")

    # And the next time they sign in, they give a code from their app
    page.context.clear_cookies()
    page.goto("/sign-in/")
    page.get_by_label("Username").fill("bea.board@example.org")
    page.get_by_label("Password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Enter the code from your authenticator app").wait_for()
    check_page(page, "second-factor-code")
    page.get_by_label("Code from your authenticator app").fill("000000")
    page.get_by_role("button", name="Continue").click()
    assert page.get_by_role(
        "link", name="The code is not correct. Enter the 6-digit code from your authenticator app"
    ).is_visible()
    check_page(page, "second-factor-wrong-code")

    # And a recovery code, from the ones they saved, works instead of the app
    page.get_by_text("I cannot use my authenticator app").click()
    page.get_by_role("link", name="Use a recovery code").click()
    page.get_by_label("Recovery code").fill(recovery_codes[0].strip())
    check_page(page, "recovery-code")
    page.get_by_role("button", name="Continue").click()
    page.get_by_text("You used a recovery code. You have 9 left").wait_for()
    assert "/councils/testshire/" in page.url

    # And the next time, the app's code signs them in
    page.context.clear_cookies()
    sign_in(page, "bea.board@example.org", NEW_PASSWORD)
    assert "/councils/testshire/" in page.url


def test_a_forgotten_password_is_reset_from_the_emailed_link(
    page, council, board_member, emailed_links
):
    # Given a board member who has forgotten their password
    page.goto("/sign-in/")
    page.get_by_role("link", name="Forgotten your password?").click()
    check_page(page, "forgotten-password")

    # When they ask for a link
    page.get_by_label("Email").fill(board_member.email)
    page.get_by_role("button", name="Send reset link").click()
    page.get_by_role("heading", name="Check your email").wait_for()
    check_page(page, "check-your-email")

    # Then the emailed link lets them set a new password and sign in with it
    page.goto(next(link for link in emailed_links() if "/password/reset/" in link))
    set_new_password(page, "reset-password")
    check_page(page, "password-saved")
    sign_in(page, "member", NEW_PASSWORD)
    assert "/councils/testshire/" in page.url


def test_ten_wrong_passwords_lock_the_account_until_the_administrator_unlocks_it(
    page, council, council_admin, board_member
):
    # Given a board member who types the wrong password ten times
    for _ in range(10):
        sign_in(page, "member", "not-my-password")
    page.get_by_role("heading", name="Your account is locked").wait_for()
    check_page(page, "locked-out")

    # Then even the right password is refused
    sign_in(page, "member")
    page.get_by_role("heading", name="Your account is locked").wait_for()

    # When the administrator looks at the people pages
    page.context.clear_cookies()
    sign_in(page, "admin")
    page.goto("/councils/testshire/people/")
    row = page.get_by_role("row").filter(has_text=board_member.get_full_name())
    assert row.get_by_text("Locked").is_visible()
    check_page(page, "people-locked")
    row.get_by_role("link").first.click()
    page.get_by_text("Their sign-in is locked after too many wrong passwords.").wait_for()
    check_page(page, "person-locked")

    # And unlocks them
    page.get_by_role("button", name="Unlock their sign-in").click()
    page.get_by_text("Unlocked: they can sign in again").wait_for()

    # Then the board member signs in
    page.context.clear_cookies()
    sign_in(page, "member")
    assert "/councils/testshire/" in page.url
