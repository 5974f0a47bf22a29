"""The national dataset generator (manage.py generate_national), at a tiny scale."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from improvement.complaints.models import Representation
from improvement.core.models import AuditEntry, Council
from improvement.demo.national import Sizes
from improvement.demo.national_run import generate
from improvement.demo.people import DEMO_PASSWORD
from improvement.meetings.models import Meeting
from improvement.plans.models import Action, Update

TODAY = datetime.date(2024, 3, 1)
TINY = Sizes(councils=3, large=1, scale=0.02, seed=7)
PAGES = [
    "board:dashboard",
    "board:objective_list",
    "board:exceptions",
    "meetings:index",
    "evidence:index",
    "complaints:index",
    "forward_plan:register",
]


@pytest.fixture
def generated(db):
    return generate(TINY, TODAY)


def snapshot() -> list:
    return list(
        Update.objects.order_by("action__council__slug", "action__ref", "as_of").values_list(
            "action__council__slug", "action__ref", "as_of", "rating", "approval"
        )
    )


def test_it_makes_large_and_small_councils_with_years_of_updates(generated):
    assert generated["councils"] == 3
    large, small = (
        Council.objects.get(slug="national-001"),
        Council.objects.get(slug="national-003"),
    )
    assert Action.objects.filter(council=large).count() == 40  # 2,000 x 0.02
    assert Action.objects.filter(council=small).count() == 1  # 40 x 0.02, at least one
    assert generated["actions"] == Action.objects.count()
    assert generated["updates"] == Update.objects.count()
    per_action = Update.objects.count() / Action.objects.count()
    assert 10 < per_action < 40  # monthly, since the plan began a year or more ago
    assert Update.objects.filter(as_of__gt=TODAY).count() == 0
    assert all(action.owners.exists() for action in Action.objects.all())
    assert Meeting.objects.filter(council=large).count() > 10
    assert Representation.objects.filter(council=large).count() == 19  # 950 x 0.02
    for row in Update.objects.all()[:50]:
        assert row.version == 1 and row.created_at.date() == row.as_of


def test_each_council_has_one_audit_entry_by_the_system_job(generated):
    entries = AuditEntry.objects.filter(verb="generated")
    assert entries.count() == 3
    assert {entry.actor_name for entry in entries} == {"System (generate_national)"}
    assert {entry.council.slug for entry in entries} == {
        "national-001",
        "national-002",
        "national-003",
    }
    assert entries.get(council__slug="national-001").after["actions"] == 40


class Undo(Exception):
    pass


def test_it_is_deterministic_and_a_second_run_adds_nothing(db):
    try:
        with transaction.atomic():
            generate(TINY, TODAY)
            first = snapshot()
            raise Undo
    except Undo:
        pass
    assert not Council.objects.filter(slug="national-001").exists()
    generate(TINY, TODAY)
    assert snapshot() == first
    assert generate(TINY, TODAY) == {}
    assert snapshot() == first


def test_the_command_reports_what_it_made(db):
    out = io.StringIO()
    call_command("generate_national", councils=2, large=1, scale=0.01, today=TODAY, stdout=out)
    assert "Generated 2 councils" in out.getvalue()
    assert "national-001-manager" in out.getvalue()


@pytest.mark.parametrize("name", PAGES)
def test_a_generated_board_manager_signs_in_and_the_main_pages_render(
    generated, client, settings, name
):
    settings.OTP_REQUIRED = False
    signed_in = client.post(
        reverse("login"), {"username": "national-001-manager", "password": DEMO_PASSWORD}
    )
    assert signed_in.status_code == 302
    response = client.get(reverse(name, kwargs={"slug": "national-001"}))
    assert response.status_code == 200
