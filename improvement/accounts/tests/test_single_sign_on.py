"""Signing in with a council account, against a real OpenID Connect provider served by
a thread in this process (oidc_provider.py): nothing of ours is mocked."""

from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from axes.models import AccessLog
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from joserfc.jwk import RSAKey

from improvement.accounts import sso_config
from improvement.accounts.models import SingleSignOn
from improvement.accounts.tests.factories import UserFactory
from improvement.accounts.tests.oidc_provider import CLIENT_ID, CLIENT_SECRET, Provider
from improvement.core.models import AuditEntry

pytestmark = pytest.mark.django_db

NO_ACCESS = "You do not have access to Testshire Council’s improvement board"
COULD_NOT = "We could not sign you in with your council account"


@pytest.fixture(scope="module")
def running_provider():
    provider = Provider().start()
    yield provider
    provider.stop()


@pytest.fixture
def provider(running_provider):
    running_provider.reset()
    yield running_provider
    running_provider.reset()


@pytest.fixture
def platform_admin(db):
    return UserFactory(username="root", is_staff=True, is_superuser=True)


@pytest.fixture
def sso(council, provider, platform_admin):
    config = SingleSignOn(
        council=council,
        enabled=True,
        issuer=provider.issuer,
        client_id=CLIENT_ID,
        allowed_email_domains="example.org",
    )
    return sso_config.save(platform_admin, config, CLIENT_SECRET)


def through_provider(client, start_url="/sign-in/council/testshire/"):
    """Start at our page, follow the provider's redirect as a browser would, and come
    back to our callback with the provider's code."""
    start = client.get(start_url)
    assert start.status_code == 302, start.content
    at_provider = requests.get(start["Location"], allow_redirects=False, timeout=5)
    assert at_provider.status_code == 302
    back = urlsplit(at_provider.headers["Location"])
    return client.get(f"{back.path}?{back.query}")


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


def test_a_member_signs_in_and_lands_on_their_councils_dashboard(
    client, sso, provider, board_member
):
    provider.person = {"email": board_member.email.upper(), "amr": ["pwd", "mfa"]}
    response = through_provider(client)
    assert response.status_code == 302 and response["Location"] == "/councils/testshire/"
    assert signed_in_user_id(client) == str(board_member.pk)
    assert client.get(response["Location"]).status_code == 200
    # state, nonce and PKCE went to the provider, and the verifier came back to it
    sent = provider.authorize_requests[0]
    assert sent["client_id"] == CLIENT_ID and sent["code_challenge_method"] == "S256"
    assert sent["state"] and sent["nonce"] and "openid" in sent["scope"].split()
    assert provider.token_requests[0]["code_verifier"]
    # recorded as a sign-in: in the audit log and django-axes' access log
    entry = AuditEntry.objects.get(verb="signed in with council account")
    assert entry.actor == board_member and entry.council.slug == "testshire"
    assert AccessLog.objects.filter(username=board_member.username).exists()


def test_where_next_is_given_the_person_lands_there(client, sso, provider, board_member):
    provider.person = {"email": board_member.email}
    response = through_provider(
        client, "/sign-in/council/testshire/?next=/councils/testshire/plan/"
    )
    assert response["Location"] == "/councils/testshire/plan/"


def test_a_person_with_no_role_in_that_council_is_refused_and_nothing_is_created(
    client, sso, provider, other_officer
):
    provider.person = {"email": other_officer.email}
    users = get_user_model().objects.count()
    response = through_provider(client)
    page = response.content.decode()
    assert response.status_code == 403
    assert NO_ACCESS in page and "Ask your council administrator to invite you." in page
    assert signed_in_user_id(client) is None
    assert get_user_model().objects.count() == users
    assert not AuditEntry.objects.filter(verb="signed in with council account").exists()


def test_an_unknown_person_is_refused_and_no_account_is_created(client, sso, provider):
    provider.person = {"email": "stranger@example.org", "roles": ["board_manager"]}
    users = get_user_model().objects.count()
    response = through_provider(client)
    assert response.status_code == 403 and NO_ACCESS in response.content.decode()
    assert get_user_model().objects.count() == users and signed_in_user_id(client) is None


def test_a_deactivated_person_is_refused(client, sso, provider, board_member):
    board_member.is_active = False
    board_member.save()
    provider.person = {"email": board_member.email}
    response = through_provider(client)
    assert response.status_code == 403 and NO_ACCESS in response.content.decode()
    assert signed_in_user_id(client) is None


def test_an_email_outside_the_allowed_domains_is_refused(client, sso, provider, board_member):
    board_member.email = "member@elsewhere.example"
    board_member.save()
    provider.person = {"email": board_member.email}
    response = through_provider(client)
    assert response.status_code == 403 and signed_in_user_id(client) is None


def test_the_matching_claim_can_be_the_sign_in_name(
    client, sso, provider, board_member, platform_admin
):
    sso.match_claim = SingleSignOn.Claim.PREFERRED_USERNAME
    sso_config.save(platform_admin, sso)
    provider.person = {
        "email": "someone.else@example.org",
        "preferred_username": board_member.email,
    }
    through_provider(client)
    assert signed_in_user_id(client) == str(board_member.pk)


@pytest.mark.parametrize(
    "tamper",
    [
        {"aud": "another-application"},
        {"aud": "another-application", "azp": CLIENT_ID},
        {"nonce": "not-the-nonce-we-sent"},
        {"iss": "http://127.0.0.1:1/someone-else"},
        {"exp": 1},
    ],
    ids=["wrong audience", "wrong audience, our azp", "wrong nonce", "wrong issuer", "expired"],
)
def test_an_id_token_that_fails_a_check_is_refused(client, sso, provider, board_member, tamper):
    provider.person = {"email": board_member.email}
    provider.overrides = tamper
    response = through_provider(client)
    assert response.status_code == 403 and COULD_NOT in response.content.decode()
    assert signed_in_user_id(client) is None


def test_an_id_token_signed_with_another_key_is_refused(client, sso, provider, board_member):
    provider.person = {"email": board_member.email}
    provider.sign_with = RSAKey.generate_key(2048, parameters={"kid": "signing-key"}, private=True)
    response = through_provider(client)
    assert response.status_code == 403 and COULD_NOT in response.content.decode()
    assert signed_in_user_id(client) is None


def test_a_callback_is_used_once(client, sso, provider, board_member):
    provider.person = {"email": board_member.email}
    start = client.get("/sign-in/council/testshire/")
    back = urlsplit(
        requests.get(start["Location"], allow_redirects=False, timeout=5).headers["Location"]
    )
    client.get(f"{back.path}?{back.query}")
    client.logout()
    again = client.get(f"{back.path}?{back.query}")
    assert again.status_code == 403 and signed_in_user_id(client) is None


def test_a_callback_with_someone_elses_state_is_refused(client, sso, provider, board_member):
    provider.person = {"email": board_member.email}
    start = client.get("/sign-in/council/testshire/")
    state = parse_qs(urlsplit(start["Location"]).query)["state"][0]
    response = client.get(
        "/sign-in/council/testshire/callback/", {"code": "x", "state": state + "x"}
    )
    assert response.status_code == 403 and signed_in_user_id(client) is None


def test_the_sign_in_page_offers_the_council_account_when_one_is_enabled(client, sso):
    page = client.get("/sign-in/").content.decode()
    assert "Sign in with your council account" in page
    assert 'href="/sign-in/council/testshire/"' in page
    assert "Sign in with your Testshire Council account" in page


def test_a_council_with_sign_on_turned_off_offers_no_button(client, sso, platform_admin):
    sso.enabled = False
    sso_config.save(platform_admin, sso)
    page = client.get("/sign-in/").content.decode()
    assert "council account" not in page
    assert client.get("/sign-in/council/testshire/").status_code == 404
    assert client.get("/sign-in/council/").status_code == 404


def test_with_several_councils_the_person_picks_theirs(
    client, sso, provider, other_council, platform_admin
):
    other = SingleSignOn(council=other_council, enabled=True, issuer=provider.issuer, client_id="b")
    sso_config.save(platform_admin, other, "another-secret")
    page = client.get("/sign-in/").content.decode()
    assert 'href="/sign-in/council/"' in page
    choose = client.get("/sign-in/council/").content.decode()
    assert "Otherton Council" in choose and "Testshire Council" in choose
    error = client.get("/sign-in/council/", {"council": ""}).content.decode()
    assert 'href="#council-otherton"' in error and "Select your council" in error
    chosen = client.get("/sign-in/council/", {"council": "testshire"})
    assert chosen["Location"] == "/sign-in/council/testshire/"


def test_the_secret_is_never_shown_or_audited(
    client, sso, council_admin, platform_admin, django_user_model
):
    client.force_login(council_admin)
    people = client.get("/councils/testshire/people/").content.decode()
    assert CLIENT_ID in people and sso.issuer in people
    assert CLIENT_SECRET not in people and CLIENT_SECRET[-4:] not in people
    client.force_login(platform_admin)
    admin_page = client.get(f"/django-admin/accounts/singlesignon/{sso.pk}/change/")
    assert admin_page.status_code == 200
    assert CLIENT_SECRET not in admin_page.content.decode()
    assert "Set (ending 0042)" in admin_page.content.decode()
    for entry in AuditEntry.objects.all():
        assert CLIENT_SECRET not in str(entry.before) + str(entry.after)


def test_a_platform_administrator_changes_it_in_the_admin_and_it_is_versioned(
    client, sso, platform_admin
):
    client.force_login(platform_admin)
    form = {
        "council": sso.council_id,
        "enabled": "on",
        "issuer": sso.issuer,
        "client_id": "new-client-id",
        "allowed_email_domains": "example.org",
        "match_claim": "email",
        "new_client_secret": "",
    }
    response = client.post(f"/django-admin/accounts/singlesignon/{sso.pk}/change/", form)
    assert response.status_code == 302
    sso.refresh_from_db()
    assert sso.client_id == "new-client-id" and sso.version == 2
    assert sso.client_secret == CLIENT_SECRET  # an empty field keeps it
    change = AuditEntry.objects.filter(verb="changed", object_id=str(sso.pk)).get()
    assert change.after == {"client_id": "new-client-id"}


def test_a_new_secret_replaces_the_old_and_is_audited_without_its_value(
    client, sso, platform_admin
):
    client.force_login(platform_admin)
    form = {
        "council": sso.council_id,
        "enabled": "on",
        "issuer": "https://login.microsoftonline.com/tenant-id/v2.0",
        "client_id": CLIENT_ID,
        "allowed_email_domains": "",
        "match_claim": "upn",
        "new_client_secret": "the-new-secret-from-entra-9999",
    }
    response = client.post(f"/django-admin/accounts/singlesignon/{sso.pk}/change/", form)
    assert response.status_code == 302
    sso = sso_config.for_council(sso.council)
    assert sso.client_secret == "the-new-secret-from-entra-9999" and sso.match_claim == "upn"
    replaced = AuditEntry.objects.filter(verb="client secret replaced", object_id=str(sso.pk))
    assert [entry.after for entry in replaced] == [{"client_secret": "replaced"}] * 2


def test_the_admin_refuses_an_issuer_without_https(client, sso, platform_admin):
    client.force_login(platform_admin)
    form = {
        "council": sso.council_id,
        "issuer": "http://login.example.org/tenant",
        "client_id": CLIENT_ID,
        "match_claim": "email",
    }
    response = client.post(f"/django-admin/accounts/singlesignon/{sso.pk}/change/", form)
    assert response.status_code == 200 and "starting with https://" in response.content.decode()


def test_staff_who_are_not_platform_administrators_cannot_open_it_in_the_admin(client, sso):
    client.force_login(UserFactory(username="staff", is_staff=True))
    response = client.get(f"/django-admin/accounts/singlesignon/{sso.pk}/change/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_people_page_says_when_it_is_not_set_up(client, council_admin):
    client.force_login(council_admin)
    page = client.get("/councils/testshire/people/").content.decode()
    assert "Not set up. People sign in with a username and password." in page


def test_only_a_platform_administrator_may_set_it_up(council, council_admin):
    with pytest.raises(PermissionDenied):
        sso_config.save(
            council_admin, SingleSignOn(council=council, issuer="https://x", client_id="c")
        )
    assert not SingleSignOn.objects.exists()


def test_the_providers_second_factor_is_enough_when_its_token_says_so(
    client, sso, provider, board_member, settings
):
    settings.OTP_REQUIRED = True
    provider.person = {"email": board_member.email, "amr": ["pwd", "mfa"]}
    through_provider(client)
    assert client.get("/councils/testshire/").status_code == 200


def test_without_the_providers_second_factor_ours_is_asked(
    client, sso, provider, board_member, settings
):
    settings.OTP_REQUIRED = True
    provider.person = {"email": board_member.email, "amr": ["pwd"]}
    through_provider(client)
    response = client.get("/councils/testshire/")
    assert response.status_code == 302 and response["Location"].startswith("/two-factor/set-up/")


def test_a_provider_that_cannot_be_reached_gets_a_clear_page(client, sso, platform_admin):
    sso.issuer = "http://127.0.0.1:1/tenant"
    sso_config.save(platform_admin, sso)
    response = client.get("/sign-in/council/testshire/")
    assert response.status_code == 403 and COULD_NOT in response.content.decode()


def test_a_person_who_cancels_at_the_provider_is_not_signed_in(client, sso, provider):
    start = client.get("/sign-in/council/testshire/")
    state = parse_qs(urlsplit(start["Location"]).query)["state"][0]
    response = client.get(
        "/sign-in/council/testshire/callback/", {"error": "access_denied", "state": state}
    )
    assert response.status_code == 403 and COULD_NOT in response.content.decode()
    assert signed_in_user_id(client) is None and provider.token_requests == []


def test_a_password_sign_in_afterwards_does_not_keep_the_providers_second_factor(
    client, sso, provider, board_member, settings
):
    settings.OTP_REQUIRED = True
    provider.person = {"email": board_member.email, "amr": ["mfa"]}
    through_provider(client)
    client.post("/sign-in/", {"username": "member", "password": "correct-horse-battery"})
    response = client.get("/councils/testshire/")
    assert response.status_code == 302 and response["Location"].startswith("/two-factor/set-up/")


def test_a_platform_administrator_sets_it_up_in_the_admin(client, council, platform_admin):
    client.force_login(platform_admin)
    assert client.get("/django-admin/accounts/singlesignon/add/").status_code == 200
    form = {
        "council": council.pk,
        "enabled": "on",
        "issuer": "https://login.microsoftonline.com/tenant-id/v2.0",
        "client_id": CLIENT_ID,
        "allowed_email_domains": "testshire.gov.uk",
        "match_claim": "email",
        "new_client_secret": "",
    }
    refused = client.post("/django-admin/accounts/singlesignon/add/", form)
    assert "Enter the client secret to turn sign-on on" in refused.content.decode()
    form["new_client_secret"] = CLIENT_SECRET
    assert client.post("/django-admin/accounts/singlesignon/add/", form).status_code == 302
    sso = sso_config.for_council(council)
    assert sso.enabled and sso.client_secret == CLIENT_SECRET and sso.version == 1
    created = AuditEntry.objects.get(verb="created", object_id=str(sso.pk))
    assert created.actor == platform_admin and CLIENT_SECRET not in str(created.after)
