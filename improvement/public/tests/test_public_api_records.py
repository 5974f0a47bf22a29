"""Reports, decisions and forward plan editions in the public API: the published
ones, as the public pages show them, and nothing exempt."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from improvement.forward_plan import call_in, editions, services
from improvement.forward_plan.tests.factories import ScrutinyFactory
from improvement.reports import services as reports
from improvement.reports.tests.factories import board_meeting, finalise, scrutiny

API = "/api/v1/public"
D = datetime.date
EXEMPT = "SECRET valuation of the estate"


@pytest.fixture
def published_reports(council, board_manager):
    meeting = board_meeting(council)
    shown = reports.create_report(
        board_manager, council, "self_assessment", as_at=D(2024, 2, 7), title="Our progress"
    )
    finalise(board_manager, shown)
    reports.publish(board_manager, shown)
    reports.revise(board_manager, shown)
    reports.update_draft(board_manager, shown, {"title": "SECRET later draft title"})
    exempt = reports.create_report(
        board_manager,
        council,
        "committee",
        meeting=meeting,
        body=scrutiny(council),
        as_at=D(2024, 2, 7),
        exempt_paragraph=3,
        title="SECRET exempt report",
    )
    finalise(board_manager, exempt)
    reports.create_report(board_manager, council, "self_assessment", as_at=D(2024, 2, 7))
    return shown


def test_reports_are_the_published_ones_as_published(council, published_reports, client):
    response = client.get(f"{API}/councils/{council.slug}/reports")
    data = response.json()["items"]
    assert [(r["id"], r["title"], r["version"]) for r in data] == [
        (published_reports.pk, "Our progress", 1)
    ]
    assert "SECRET" not in response.content.decode()


@pytest.fixture
def plan(council, board_manager):
    edition = editions.create_edition(board_manager, council, D(2024, 1, 5), D(2024, 2, 5))
    services.add_decision(
        board_manager,
        council,
        {"title": "Education IT System Award", "is_key": True, "expected_month": D(2024, 2, 1)},
    )
    services.add_decision(
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
    return edition


def test_an_edition_lists_its_decisions_with_no_exempt_detail(council, plan, client):
    listing = client.get(f"{API}/councils/{council.slug}/forward-plan/editions").json()
    assert [e["id"] for e in listing["items"]] == [plan.pk]  # the new draft is not listed
    response = client.get(f"{API}/councils/{council.slug}/forward-plan/editions/{plan.pk}")
    entries = response.json()["entries"]
    assert {e["title"]: e["private"] for e in entries} == {
        "Education IT System Award": False,
        "Disposal of rural estate": True,
    }
    private = next(e for e in entries if e["private"])
    assert private["exempt_paragraph"] == 3 and "paragraph 3" in private["documents"]
    assert EXEMPT not in response.content.decode()


def test_a_draft_edition_is_not_found(council, plan, client):
    draft = council.forward_plan_editions.get(status="draft")
    url = f"{API}/councils/{council.slug}/forward-plan/editions/{draft.pk}"
    assert client.get(url).status_code == 404


def test_executive_decisions_are_listed_with_their_call_in(council, board_manager, client):
    committee = ScrutinyFactory(council=council)
    call_in.publish_executive_decision(
        board_manager,
        council,
        "To award the contract",
        D(2024, 2, 26),
        "Cabinet",
        published_on=D(2024, 2, 27),
        scrutiny=committee,
    )
    data = client.get(f"{API}/councils/{council.slug}/decisions").json()["items"]
    assert [d["text"] for d in data] == ["To award the contract"]
    assert data[0]["published_on"] == "2024-02-27" and data[0]["call_in_ends_on"]


def test_the_forward_plan_file_is_the_current_edition_with_no_exempt_detail(council, plan, client):
    response = client.get(reverse("public:data_file", args=[council.slug, "forward-plan"]))
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted(r["title"] for r in rows) == [
        "Disposal of rural estate",
        "Education IT System Award",
    ]
    assert EXEMPT not in text
