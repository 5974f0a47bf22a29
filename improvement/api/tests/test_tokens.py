"""Tokens are made, named, limited, revoked and expire; only their hash is kept, and
every use is in the audit log."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from improvement.api import services
from improvement.api.models import ApiToken
from improvement.core.actors import NoActor, SystemActor
from improvement.core.models import AuditEntry


def test_only_the_hash_of_a_token_is_stored(board_manager, council):
    made = services.create_token(board_manager, "Power BI")

    stored = ApiToken.objects.get()
    assert made.secret.startswith("ib_") and len(made.secret) > 40
    assert made.secret not in {stored.hashed, stored.prefix}
    assert stored.hashed == services.hash_token(made.secret)
    assert made.secret.startswith(stored.prefix)
    assert stored.read_only is True
    assert stored.expires_at.date() == datetime.date(2024, 5, 30)  # 90 days from 1 March


@pytest.mark.parametrize("days", [0, 366])
def test_a_token_lasts_at_most_a_year(board_manager, days):
    with pytest.raises(ValidationError):
        services.create_token(board_manager, "Too long", days=days)
    assert not ApiToken.objects.exists()


def test_a_token_cannot_be_limited_to_a_council_its_owner_is_no_member_of(
    board_manager, other_council
):
    with pytest.raises(ValidationError):
        services.create_token(board_manager, "Elsewhere", council=other_council)


def test_nobody_and_no_job_makes_a_token(board_manager):
    with pytest.raises(NoActor):
        services.create_token(None, "Nobody's")
    with pytest.raises(PermissionDenied):
        services.create_token(SystemActor("load_demo"), "The system's")


def test_only_the_owner_revokes_a_token(board_manager, chair):
    made = services.create_token(board_manager, "Mine")

    with pytest.raises(PermissionDenied):
        services.revoke_token(chair, made.token)
    services.revoke_token(board_manager, made.token)

    made.token.refresh_from_db()
    assert made.token.revoked_at is not None
    assert AuditEntry.objects.filter(verb="revoked API token", actor=board_manager).count() == 1


def test_each_use_is_audited_with_its_address_at_most_once_a_minute(
    board_manager, council, api_get
):
    made = services.create_token(board_manager, "BI")

    for _ in range(3):
        api_get(made.secret, "councils/testshire/objectives")
    with time_machine.travel(datetime.datetime(2024, 3, 1, 12, 2, tzinfo=datetime.UTC), tick=False):
        api_get(made.secret, "councils/testshire/objectives")

    uses = AuditEntry.objects.filter(verb="used API token").order_by("at")
    assert [entry.after for entry in uses] == [{"address": "127.0.0.1"}] * 2
    assert {entry.actor for entry in uses} == {board_manager}
    made.token.refresh_from_db()
    assert made.token.last_used_at == datetime.datetime(2024, 3, 1, 12, 2, tzinfo=datetime.UTC)
    assert made.token.last_used_from == "127.0.0.1"


def test_a_use_from_a_new_address_is_audited_at_once(board_manager, council, client):
    made = services.create_token(board_manager, "BI")
    headers = {"Authorization": f"Bearer {made.secret}"}

    client.get("/api/v1/councils", headers=headers, REMOTE_ADDR="10.0.0.1")
    client.get("/api/v1/councils", headers=headers, REMOTE_ADDR="10.0.0.2")

    uses = AuditEntry.objects.filter(verb="used API token").order_by("id")
    assert [entry.after["address"] for entry in uses] == ["10.0.0.1", "10.0.0.2"]


def test_a_person_makes_a_token_and_sees_it_once(client_for, board_manager, council):
    client = client_for(board_manager)

    response = client.post(
        reverse("api_token_new"), {"name": "Power BI plan", "council": council.pk, "days": 30}
    )
    assert response["Location"] == reverse("api_token_check")
    assert not ApiToken.objects.exists()
    check = client.get(reverse("api_token_check")).content.decode()
    assert "Power BI plan" in check and "Testshire Council" in check
    assert "31 March 2024 (30 days)" in check

    assert client.post(reverse("api_token_check")).status_code == 302
    token = ApiToken.objects.get()
    assert (token.name, token.council, token.owner) == ("Power BI plan", council, board_manager)
    shown = client.get(reverse("api_token_made"))
    secret = shown.context["secret"]
    assert services.hash_token(secret) == token.hashed
    assert secret in shown.content.decode()
    again = client.get(reverse("api_token_made"))
    assert again.status_code == 302 and secret not in again.content.decode()


def test_changing_an_answer_keeps_the_others(client_for, board_manager, council):
    client = client_for(board_manager)
    client.post(reverse("api_token_new"), {"name": "Excel", "council": "", "days": 365})

    form = client.get(reverse("api_token_new")).context["form"]

    assert form.initial == {"name": "Excel", "council": "", "days": 365}


def test_the_check_page_without_answers_goes_back_to_the_form(client_for, board_manager):
    client = client_for(board_manager)

    assert client.post(reverse("api_token_check"))["Location"] == reverse("api_token_new")
    assert not ApiToken.objects.exists()


def test_a_token_needs_a_name(client_for, board_manager):
    response = client_for(board_manager).post(reverse("api_token_new"), {"name": "", "days": 90})

    assert response.status_code == 200
    assert "Enter a name for the token" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_the_list_shows_a_persons_own_tokens_and_their_state(
    client_for, board_manager, chair, council
):
    services.create_token(board_manager, "Excel workbook")
    services.revoke_token(board_manager, services.create_token(board_manager, "Old report").token)
    services.create_token(chair, "The chair's")

    page = client_for(board_manager).get(reverse("api_tokens")).content.decode()

    assert "Excel workbook" in page and "Expires 30 May 2024" in page
    assert "Old report" in page and "Revoked 1 March 2024" in page
    assert "The chair&#x27;s" not in page and "The chair's" not in page


def test_the_list_says_when_there_are_none(client_for, councillor):
    assert (
        "You have no tokens." in client_for(councillor).get(reverse("api_tokens")).content.decode()
    )


def test_a_person_revokes_their_token_after_confirming(client_for, board_manager):
    token = services.create_token(board_manager, "BI").token
    client = client_for(board_manager)
    url = reverse("api_token_revoke", args=[token.pk])

    assert "Revoke ‘BI’?" in client.get(url).content.decode()
    assert client.post(url).status_code == 302

    token.refresh_from_db()
    assert token.revoked_at is not None


def test_nobody_revokes_another_persons_token(client_for, board_manager, chair):
    token = services.create_token(board_manager, "BI").token

    response = client_for(chair).post(reverse("api_token_revoke", args=[token.pk]))

    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_the_token_pages_ask_to_sign_in(client):
    response = client.get(reverse("api_tokens"))

    assert response.status_code == 302 and "/sign-in/" in response["Location"]


def test_your_account_links_to_the_tokens(client_for, councillor):
    page = client_for(councillor).get(reverse("otp_overview")).content.decode()

    assert reverse("api_tokens") in page


def test_a_token_is_made_only_after_the_second_factor_the_role_requires(
    settings, client_for, board_manager
):
    settings.OTP_REQUIRED = True

    response = client_for(board_manager).get(reverse("api_token_new"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("otp_setup"))


@pytest.mark.parametrize("name", ["", "   ", "x" * 101])
def test_a_token_needs_a_name_the_list_can_show(board_manager, name):
    with pytest.raises(ValidationError) as refused:
        services.create_token(board_manager, name)

    assert "name" in refused.value.message_dict
    assert not ApiToken.objects.exists()
