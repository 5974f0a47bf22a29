"""The demo loads, loads again without change, and shows what it promises.

Time is frozen at 1 March 2024 by the root conftest, so these tests also prove
the scenario works whatever "today" is."""

import datetime
import io

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from improvement.accounts.models import Membership, Person, Role
from improvement.core.models import Council
from improvement.plans.models import Finding, Notice, Update
from improvement.plans.picture import plan_picture

pytestmark = pytest.mark.django_db

SLOW_REASONS = [
    "Past its due date",
    "Rated Red",
    "Amber on two consecutive updates",
    "No update for more than",
    "Due within",
]


def _load() -> None:
    call_command("load_demo", stdout=io.StringIO())


def _counts() -> dict[str, int]:
    """Rows of every model of ours, the audit log included."""
    models = [m for m in apps.get_models() if m.__module__.startswith("improvement.")]
    return {model._meta.label: model._base_manager.count() for model in models}


@pytest.fixture
def demo():
    _load()
    return Council.objects.get(slug="peterborough")


def test_load_demo_prints_every_sign_in(capsys):
    call_command("load_demo")
    out = capsys.readouterr().out
    for username in [
        "manager",
        "chair",
        "owner",
        "owner2",
        "member",
        "councillor",
        "complaints",
        "shropshire",
    ]:
        assert f"\n{username} " in out
    assert "improvement-demo" in out


def test_loading_twice_creates_nothing_new(demo):
    first = _counts()
    _load()
    assert _counts() == first
    assert first["plans.Action"] >= 35
    assert first["plans.Update"] > 100
    assert first["meetings.Meeting"] and first["complaints.Representation"]
    assert first["forward_plan.Edition"] and first["evidence.MeasureValue"]


def test_dashboard_today_shows_each_slow_to_progress_reason(demo):
    picture = plan_picture(demo)
    reasons = [reason for item in picture.slow for reason in item.reasons]
    for expected in SLOW_REASONS:
        assert any(reason.startswith(expected) for reason in reasons), expected


def test_every_update_is_dated_on_or_before_today(demo):
    assert not Update.objects.filter(as_of__gt=timezone.localdate()).exists()


def test_blue_awaiting_acceptance_and_returned_blue_exist(demo):
    updates = Update.objects.filter(action__council=demo, rating="blue")
    assert updates.filter(approval="proposed").exists()
    returned = updates.get(approval="returned")
    assert returned.review_comment
    assert updates.filter(approval="accepted", reviewed_by__username="chair").exists()


def test_notice_findings_and_requirements_carry_the_seed_dates(demo):
    notice = Notice.objects.get(council=demo)
    assert notice.issued_on == datetime.date(2023, 8, 2)
    assert notice.deadline == datetime.date(2024, 11, 30)
    assert notice.adviser == "Sally Rowe"
    assert notice.inspection.started_on == datetime.date(2023, 3, 1)
    assert notice.inspection.published_on == datetime.date(2023, 5, 9)
    paragraphs = set(notice.requirements.values_list("paragraph", flat=True))
    assert {"1", "5a", "5e", "10d", "14"} <= paragraphs
    priority = demo.findings.filter(kind=Finding.Kind.PRIORITY_ACTION)
    assert priority.count() == 2
    assert priority.first().made_on == datetime.date(2023, 5, 9)


def test_every_finding_is_answered_by_an_objective(demo):
    for council in Council.objects.all():
        unanswered = council.findings.filter(objectives__isnull=True)
        assert not unanswered.exists(), list(unanswered)


def test_other_councils_officer_has_no_role_in_peterborough(demo):
    outsider = get_user_model().objects.get(username="shropshire")
    assert not Membership.objects.filter(user=outsider, council=demo).exists()
    assert Membership.objects.filter(user=outsider, council__slug="shropshire").exists()
    assert not Notice.objects.filter(council__slug="shropshire").exists()


def test_partner_owner_signs_in_as_the_person_owning_police_actions(demo):
    person = Person.objects.get(council=demo, user__username="owner")
    assert person.organisation.kind == "police"
    assert person.actions.count() >= 4
    assert Membership.objects.get(user=person.user, council=demo).role == Role.ACTION_OWNER


def test_some_due_dates_were_reprofiled(demo):
    moved = demo.actions.filter(due_changes__isnull=False).distinct()
    assert moved.exists()
    for action in moved:
        assert action.due_on == action.due_changes.last().new_due_on


def test_the_dfe_adviser_has_roles_in_both_councils_and_sees_them_side_by_side(demo):
    from improvement.board.portfolio import portfolio_for

    chair = get_user_model().objects.get(username="chair")
    roles = dict(Membership.objects.filter(user=chair).values_list("council__slug", "role"))
    # Only an observer in Shropshire: its board manager still accepts its completions.
    assert roles == {"peterborough": Role.CHAIR, "shropshire": Role.BOARD_MEMBER}
    peterborough, shropshire = portfolio_for(chair, timezone.localdate())
    assert (peterborough.slug, shropshire.slug) == ("peterborough", "shropshire")
    assert peterborough.has_notice and peterborough.trend and not shropshire.has_notice
    assert shropshire.actions and shropshire.trend
