"""Every forward plan page for every role of the fixed cast, the forms that change the plan,
and the public pages, which show published editions only and nothing exempt."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from improvement.documents.models import DocumentBuild
from improvement.forward_plan import comments, editions, services
from improvement.forward_plan.models import DecisionComment, ForwardDecision, ForwardPlanSettings
from improvement.forward_plan.tests.factories import ScrutinyFactory

D = datetime.date
ROLES = ["board_manager", "chair", "owner", "board_member", "councillor", "complaints_manager"]
EXEMPT = "Valuation: the confidential figure"
SENDER = "Alice Resident"


@pytest.fixture(autouse=True)
def _fresh_rate_limit(db):
    """The comment form's per-address limit lives in the shared (database) cache:
    start each test clean."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def setup(council, board_manager):
    scrutiny = ScrutinyFactory(council=council)
    edition = editions.create_edition(board_manager, council, D(2024, 1, 5), D(2024, 2, 5))
    open_one = services.add_decision(
        board_manager,
        council,
        {
            "title": "Education IT System Award",
            "is_key": True,
            "scrutiny": scrutiny,
            "contact": "Chris Stromberg",
            "contact_email": "chris@example.gov.uk",
            "expected_month": D(2024, 2, 1),
        },
    )
    private = services.add_decision(
        board_manager,
        council,
        {
            "title": "Disposal of rural estate",
            "is_key": True,
            "is_private": True,
            "exempt_paragraph": 3,
            "exempt_detail": EXEMPT,
        },
    )
    editions.publish_edition(board_manager, edition)
    draft = council.forward_plan_editions.get(status="draft")
    return {
        "scrutiny": scrutiny,
        "edition": edition,
        "draft": draft,
        "open": open_one,
        "private": private,
    }


def read_urls(council, s):
    slug = council.slug
    return [
        reverse("forward_plan:register", args=[slug]),
        reverse("forward_plan:decision_detail", args=[slug, s["open"].pk]),
        reverse("forward_plan:decision_detail", args=[slug, s["private"].pk]),
        reverse("forward_plan:edition_list", args=[slug]),
        reverse("forward_plan:edition_detail", args=[slug, s["edition"].pk]),
        reverse("forward_plan:edition_detail", args=[slug, s["draft"].pk]),
        reverse("forward_plan:edition_file", args=[slug, s["edition"].pk, "json"]),
    ]


def manage_urls(council, s):
    slug, pk = council.slug, s["open"].pk
    return [
        reverse("forward_plan:decision_add", args=[slug]),
        reverse("forward_plan:general_exception", args=[slug, pk]),
        reverse("forward_plan:special_urgency", args=[slug, pk]),
        reverse("forward_plan:take", args=[slug, pk]),
        reverse("forward_plan:work_programme", args=[slug, pk]),
        reverse("forward_plan:edition_add", args=[slug]),
        reverse("forward_plan:edition_publish", args=[slug, s["draft"].pk]),
        reverse("forward_plan:comment_list", args=[slug]),
    ]


def public_urls(council, s):
    slug = council.slug
    return [
        reverse("public_forward_plan:edition_list", args=[slug]),
        reverse("public_forward_plan:edition_detail", args=[slug, s["edition"].pk]),
        reverse("public_forward_plan:edition_file", args=[slug, s["edition"].pk, "json"]),
        reverse("public_forward_plan:comment", args=[slug, s["open"].pk]),
        reverse("public_forward_plan:comment", args=[slug, s["private"].pk]),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_every_role_reads_the_plan(cast, council, setup, client_for, role):
    client = client_for(cast[role])
    for url in read_urls(council, setup):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", [r for r in ROLES if r != "board_manager"])
def test_only_the_board_manager_changes_the_plan(cast, council, setup, client_for, role):
    client = client_for(cast[role])
    for url in manage_urls(council, setup):
        assert client.get(url).status_code == 403, url


def test_the_board_manager_opens_every_form(board_manager, council, setup, client_for):
    client = client_for(board_manager)
    for url in manage_urls(council, setup):
        assert client.get(url).status_code == 200, url


def test_an_officer_of_another_council_sees_nothing(other_officer, council, setup, client_for):
    client = client_for(other_officer)
    for url in read_urls(council, setup) + manage_urls(council, setup):
        assert client.get(url).status_code == 404, url


def test_the_public_is_sent_to_sign_in(council, setup, client_for):
    client = client_for(None)
    for url in read_urls(council, setup):
        assert client.get(url).status_code == 302, url


def test_the_exempt_detail_is_shown_to_the_board_manager_only(
    board_manager, councillor, council, setup, client_for
):
    url = reverse("forward_plan:decision_detail", args=[council.slug, setup["private"].pk])
    assert EXEMPT in client_for(board_manager).get(url).content.decode()
    assert EXEMPT not in client_for(councillor).get(url).content.decode()


def test_public_pages_show_published_editions_and_nothing_exempt(
    council, setup, client_for, board_manager, django_capture_on_commit_callbacks
):
    client = client_for(None)
    for url in public_urls(council, setup):
        response = client.get(url)
        assert response.status_code == 200, url
        assert EXEMPT not in response.content.decode()
    page = client.get(public_urls(council, setup)[1]).content.decode()
    assert "Disposal of rural estate" in page and "By virtue of paragraph 3" in page
    draft = reverse("public_forward_plan:edition_detail", args=[council.slug, setup["draft"].pk])
    assert client.get(draft).status_code == 404
    pdf = reverse(
        "public_forward_plan:edition_file", args=[council.slug, setup["edition"].pk, "pdf"]
    )
    # The worker makes the file while the public waits; the same address then serves it.
    with django_capture_on_commit_callbacks(execute=True):
        waiting = client.get(pdf).content.decode()
    assert "is being made" in waiting and 'http-equiv="refresh"' not in waiting
    assert 'data-module="ib-check-again" data-seconds="3" data-check-state="queued"' in waiting
    for _ in range(2):
        assert b"".join(client.get(pdf).streaming_content).startswith(b"%PDF")
    assert DocumentBuild.objects.filter(kind="forward_plan_edition").count() == 1
    # A signed-in download of the same edition is the same stored file.
    signed_in = reverse(
        "forward_plan:edition_file", args=[council.slug, setup["edition"].pk, "pdf"]
    )
    response = client_for(board_manager).get(signed_in)
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert DocumentBuild.objects.count() == 1


def test_a_decision_not_yet_published_takes_no_public_comments(
    board_manager, council, setup, client_for
):
    unpublished = services.add_decision(board_manager, council, {"title": "Later"})
    url = reverse("public_forward_plan:comment", args=[council.slug, unpublished.pk])
    assert client_for(None).get(url).status_code == 404


def test_the_board_manager_adds_a_decision(board_manager, council, setup, client_for):
    response = client_for(board_manager).post(
        reverse("forward_plan:decision_add", args=[council.slug]),
        {
            "title": "New school places",
            "is_key": "on",
            "maker_kind": "cabinet",
            "wards_affected": 0,
        },
    )
    decision = ForwardDecision.objects.get(title="New school places")
    assert response.status_code == 302
    assert decision.reference.startswith("KEY/") and decision.reference.endswith("/01")
    assert setup["draft"].entries.filter(decision=decision).exists()


def current_version(record):
    """The version the form would carry, read now (publishing an edition changes it)."""
    record.refresh_from_db()
    return record.version


def test_taking_too_soon_is_refused_on_the_page_with_the_reason(
    board_manager, council, setup, client_for
):
    response = client_for(board_manager).post(
        reverse("forward_plan:take", args=[council.slug, setup["open"].pk]),
        {
            "taken_on_day": "1",
            "taken_on_month": "2",
            "taken_on_year": "2024",
            "outcome": "Approved",
            "version": current_version(setup["open"]),
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "at least 28 clear days before it is taken" in page
    setup["open"].refresh_from_db()
    assert setup["open"].status == "planned"


def test_taking_after_notice_publishes_for_call_in(board_manager, council, setup, client_for):
    response = client_for(board_manager).post(
        reverse("forward_plan:take", args=[council.slug, setup["open"].pk]),
        {
            "taken_on_day": "1",
            "taken_on_month": "3",
            "taken_on_year": "2024",
            "outcome": "Approved",
            "version": current_version(setup["open"]),
        },
    )
    assert response.status_code == 302
    setup["open"].refresh_from_db()
    assert setup["open"].record.call_in_ends_on == D(2024, 3, 6)


def test_recording_urgency_and_adding_to_the_work_programme(
    board_manager, council, setup, client_for
):
    client = client_for(board_manager)
    pk = setup["open"].pk
    response = client.post(
        reverse("forward_plan:special_urgency", args=[council.slug, pk]),
        {
            "reason": "Contract ends",
            "chair": "Cllr Chair",
            "agreed_on_day": "29",
            "agreed_on_month": "2",
            "agreed_on_year": "2024",
            "version": current_version(setup["open"]),
        },
    )
    assert response.status_code == 302
    setup["open"].refresh_from_db()
    response = client.post(
        reverse("forward_plan:work_programme", args=[council.slug, pk]),
        {"body": setup["scrutiny"].pk, "version": current_version(setup["open"])},
    )
    assert response.status_code == 302
    setup["open"].refresh_from_db()
    assert setup["open"].urgency_route == "special_urgency"
    assert setup["open"].work_programme_item.body == setup["scrutiny"]


def test_publishing_an_edition_from_the_page(board_manager, council, setup, client_for):
    url = reverse("forward_plan:edition_publish", args=[council.slug, setup["draft"].pk])
    client = client_for(board_manager)
    refused = client.post(url)
    assert "This page is out of date" in refused.content.decode()
    setup["draft"].refresh_from_db()
    assert not setup["draft"].is_published
    assert client.post(url, {"version": setup["draft"].version}).status_code == 302
    setup["draft"].refresh_from_db()
    assert setup["draft"].is_published


def stamp_ago(seconds):
    """The form's signed timestamp as if the form had been shown `seconds` ago."""
    shown = timezone.now() - datetime.timedelta(seconds=seconds)
    with time_machine.travel(shown, tick=False):
        return comments.form_stamp()


def _comment(client, council, decision, **fields):
    url = reverse("public_forward_plan:comment", args=[council.slug, decision.pk])
    data = {
        "comment": "Will the new system work with schools' own systems?",
        "name": SENDER,
        "email": "alice@example.org",
        "stamp": fields.pop("stamp", comments.form_stamp()),
    }
    data.update(fields)
    return client.post(url, data)


def test_a_comment_goes_to_the_decisions_contact(council, setup, client_for):
    client = client_for(None)
    stamp = stamp_ago(30)
    response = _comment(client, council, setup["open"], stamp=stamp)
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["chris@example.gov.uk"]
    assert SENDER in mail.outbox[0].body
    assert DecisionComment.objects.get().name == SENDER
    for url in public_urls(council, setup):
        assert SENDER not in client.get(url).content.decode()


def test_the_board_manager_reads_comments_with_their_senders(
    board_manager, council, setup, client_for
):
    stamp = stamp_ago(30)
    _comment(client_for(None), council, setup["open"], stamp=stamp)
    page = client_for(board_manager).get(reverse("forward_plan:comment_list", args=[council.slug]))
    assert SENDER in page.content.decode()


def test_the_honeypot_refuses_robots(council, setup, client_for):
    stamp = stamp_ago(30)
    response = _comment(client_for(None), council, setup["open"], stamp=stamp, website="x")
    assert response.status_code == 200
    assert not DecisionComment.objects.exists() and not mail.outbox


def test_a_form_sent_back_too_fast_or_too_late_is_refused(council, setup, client_for):
    client = client_for(None)
    response = _comment(client, council, setup["open"])
    assert "too quickly" in response.content.decode()
    stamp = stamp_ago(2 * 24 * 60 * 60)
    response = _comment(client, council, setup["open"], stamp=stamp)
    assert "expired" in response.content.decode()
    response = _comment(client, council, setup["open"], stamp="forged")
    assert "using the form" in response.content.decode()
    assert not DecisionComment.objects.exists()


def test_comments_are_rate_limited_per_address(council, setup, client_for):
    client = client_for(None)
    stamp = stamp_ago(30)
    statuses = [_comment(client, council, setup["open"], stamp=stamp).status_code for _ in range(6)]
    assert statuses == [302] * 5 + [200]


SETTINGS = {
    "key_threshold": "250000",
    "key_ward_count": "2",
    "notice_clear_days": "28",
    "clear_days_counting": "calendar",
    "general_exception_clear_days": "5",
    "edition_interval_days": "28",
    "comments_email": "democratic.services@example.gov.uk",
    "call_in_members_needed": "3",
    "call_in_counts": "voting",
}


def test_the_board_manager_changes_the_settings_at_the_version_read(
    board_manager, council, client_for
):
    client = client_for(board_manager)
    url = reverse("forward_plan:settings", args=[council.slug])
    assert client.get(url).status_code == 200
    assert "This page is out of date" in client.post(url, SETTINGS).content.decode()
    assert not ForwardPlanSettings.objects.filter(council=council).exists()
    assert client.post(url, {**SETTINGS, "version": 1}).status_code == 302
    saved = ForwardPlanSettings.objects.get(council=council)
    assert saved.key_threshold == 250_000 and saved.edition_interval_days == 28
    assert saved.call_in_members_needed == 3 and saved.call_in_counts == "voting"
    opened = saved.version
    assert (
        client.post(url, {**SETTINGS, "key_ward_count": "3", "version": opened}).status_code == 302
    )
    stale = client.post(url, {**SETTINGS, "key_ward_count": "4", "version": opened})
    assert "after you opened it. Your changes have not been saved" in stale.content.decode()
    saved.refresh_from_db()
    assert saved.key_ward_count == 3


def test_the_settings_refuse_less_notice_than_the_regulations_require(
    board_manager, council, client_for
):
    url = reverse("forward_plan:settings", args=[council.slug])
    data = {**SETTINGS, "notice_clear_days": "10", "version": 1}
    response = client_for(board_manager).post(url, data)
    assert response.status_code == 200
    assert not ForwardPlanSettings.objects.filter(council=council).exists()


@pytest.mark.parametrize("role", ["chair", "councillor", "owner"])
def test_only_the_board_manager_opens_the_settings(council, cast, client_for, role):
    url = reverse("forward_plan:settings", args=[council.slug])
    assert client_for(cast[role]).get(url).status_code == 403


def test_a_comment_longer_than_the_limit_is_refused(council, setup, client):
    decision = setup["open"]
    url = reverse("public_forward_plan:comment", args=[council.slug, decision.pk])
    data = {"comment": "x" * 5001, "stamp": stamp_ago(60)}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "at most 5000 characters" in response.content.decode()
    assert not DecisionComment.objects.exists()


def test_the_comment_limit_holds_across_separate_clients_and_cache_connections(
    council, setup, client
):
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client

    stamp = stamp_ago(30)
    # Five comments through one client, as one web process would see them...
    for _ in range(5):
        assert _comment(client, council, setup["open"], stamp=stamp).status_code == 302
    # ...and a fresh connection to the shared cache, as another process would open,
    # holds the same count, so a sixth through another client is refused.
    other_process = caches.create_connection("default")
    assert other_process.get("decisions-comment:127.0.0.1") == 5
    # The count is a row of the database cache table, which every process reads.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*) FROM ib_cache WHERE cache_key LIKE %s",
            ["%decisions-comment:127.0.0.1"],
        )
        assert cursor.fetchone() == (1,)
    response = _comment(Client(), council, setup["open"], stamp=stamp)
    assert response.status_code == 200
    assert "Too many comments" in response.content.decode()


def test_the_comment_limit_keys_on_the_client_behind_our_proxy(council, setup, client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    stamp = stamp_ago(30)
    url = reverse("public_forward_plan:comment", args=[council.slug, setup["open"].pk])
    data = {"comment": "A question", "stamp": stamp}

    def send(forwarded):
        return client.post(url, data, HTTP_X_FORWARDED_FOR=forwarded).status_code

    # One client behind the proxy, claiming a new address each time: still limited.
    statuses = [send(f"6.6.6.{n}, 203.0.113.1") for n in range(6)]
    assert statuses == [302] * 5 + [200]
    # Another client behind the same proxy is not.
    assert send("198.51.100.7") == 302
