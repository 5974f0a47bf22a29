"""The demo is one story up to the day it is loaded, whatever that day is.

Loaded once per date for the module (as if on 30 November 2026 and on 15 March 2027),
twice each, inside a transaction rolled back at the end."""

import datetime

import pytest
import time_machine
from django.apps import apps
from django.db import transaction
from django.urls import reverse

from improvement.accounts.models import Person
from improvement.accounts.tests.factories import CouncilFactory
from improvement.complaints.years import financial_year_of
from improvement.core.models import Council
from improvement.core.working_days import add_working_days, is_working_day
from improvement.demo.forward_plan import load_forward_plan_demo
from improvement.demo.meetings import load_meetings_demo
from improvement.demo.scenario import load_demo
from improvement.demo.tests.test_forward_plan_headings import first_advertised_in
from improvement.demo.today_forward_plan import load_forward_plan_today, open_to_call_in
from improvement.evidence import ratings
from improvement.forward_plan import notice, queries
from improvement.meetings import services as meetings

D = datetime.date
DATES = [D(2026, 11, 30), D(2027, 3, 15)]


def _counts() -> dict[str, int]:
    models = [m for m in apps.get_models() if m.__module__.startswith("improvement.")]
    return {model._meta.label: model._base_manager.count() for model in models}


def _noon(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)


@pytest.fixture(scope="module", params=DATES, ids=str)
def loaded(request, django_db_setup, django_db_blocker):
    today = request.param
    with django_db_blocker.unblock(), time_machine.travel(_noon(today), tick=False):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load_demo(today)
            first = _counts()
            load_demo(today)
            council = Council.objects.get(slug="peterborough")
            yield today, council, first, _counts()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def test_loading_twice_on_the_same_day_leaves_the_same_rows(loaded, db):
    _, _, first, second = loaded
    assert first == second


def test_the_councillor_calls_in_a_decision_on_the_load_date(loaded, db, client):
    today, council, _, _ = loaded
    scrutiny = council.bodies.get(slug="children-education-scrutiny")
    open_now = open_to_call_in(council, today).filter(scrutiny=scrutiny)
    assert open_now.exists()
    decision = open_now.first()
    assert decision.published_on <= today <= decision.call_in_ends_on
    assert council.decisions.filter(kind="executive", call_in_ends_on__lt=today).count() > 10
    councillor = Person.objects.get(council=council, name="Councillor A Shaheed")
    members = [councillor.pk]
    members += list(
        scrutiny.memberships.filter(substitute=False, position="member", co_opted="").values_list(
            "person_id", flat=True
        )[:2]
    )
    with time_machine.travel(_noon(today), tick=False):
        client.force_login(council.memberships.get(user__username="councillor").user)
        url = reverse("forward_plan:executive_decisions", args=[council.slug])
        assert "record a call-in" in client.get(url).content.decode()
        call_in = reverse("forward_plan:call_in", args=[council.slug, decision.pk])
        assert client.get(call_in).status_code == 200
        response = client.post(call_in, {"members": members, "version": decision.version})
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.called_in_on == today


def test_the_scrutiny_committee_meets_on_working_days_after_the_load_date(loaded, db):
    today, council, _, _ = loaded
    scrutiny = council.bodies.get(slug="children-education-scrutiny")
    days = [meetings.meeting_day(m) for m in scrutiny.meetings.all()]
    assert [day for day in days if day > today]
    assert len([day for day in days if D(2024, 2, 1) <= day <= today]) > 15
    for meeting in scrutiny.meetings.all():
        day = meetings.meeting_day(meeting)
        assert is_working_day(day), day
        if meeting.agenda_published_on:
            assert is_working_day(meeting.agenda_published_on)
            assert meeting.agenda_published_on <= today
            assert meetings.clear_days(meeting.agenda_published_on, day) >= 5
    recent = [
        m
        for m in scrutiny.meetings.all()
        if today - datetime.timedelta(60) < m.starts_at.date() <= today
    ]
    assert recent and all(m.agenda_published_on and m.items.exists() for m in recent)
    board_reports = scrutiny.forward_items.exclude(source_meeting=None)
    assert board_reports.filter(meeting__starts_at__date__gt=D(2025, 1, 1)).exists()
    assert not board_reports.filter(
        meeting=None, source_meeting__starts_at__lt=_noon(today - datetime.timedelta(days=120))
    ).exists()


def test_forward_plan_editions_up_to_the_load_month_pass_the_rule(loaded, db):
    today, council, _, _ = loaded
    settings = queries.settings_for(council)
    published = list(queries.published_editions(council).order_by("published_on"))
    assert published[-1].published_on > today - datetime.timedelta(days=31)
    assert published[-1].published_on <= today
    assert len(published) > 30
    for edition in published:
        assert is_working_day(edition.published_on), edition
        decision = first_advertised_in(edition)
        assert notice.refusal(decision, edition.decisions_from, settings) == "", edition
        expected = notice.earliest_key_decision(edition.published_on, settings)
        if edition.published_on > D(2023, 10, 20):
            assert edition.decisions_from == expected
    draft = queries.draft_edition(council)
    assert draft.published_on > today and draft.entries.exists()


def test_the_current_and_last_complete_complaints_years_have_cases(loaded, db):
    today, council, _, _ = loaded
    current = financial_year_of(today)
    statutory = council.representations.filter(process="statutory")
    for year in (current - 1, current):
        cases = statutory.filter(
            received_on__gte=D(year, 4, 1), received_on__lte=D(year + 1, 3, 31)
        )
        assert cases.count() >= 25, year
        assert cases.filter(stage1_outcome="upheld").exists()
        assert cases.exclude(stage2_completed_on=None).exists() or year == current
    for rep in council.representations.all():
        for field in ("stage1_responded_on", "stage2_completed_on", "stage3_response_on"):
            value = getattr(rep, field)
            assert value is None or value <= today, (rep.reference, field)
    waiting = statutory.filter(stage1_route="formal", stage1_responded_on=None)
    assert any(add_working_days(rep.received_on, 20) < today for rep in waiting)
    assert any(add_working_days(rep.received_on, 20) >= today for rep in waiting) or waiting


def test_measures_run_to_the_last_complete_month_with_whole_counts(loaded, db):
    today, council, _, _ = loaded
    last_month = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    latest = set()
    for measure in council.measures.all():
        values = list(measure.values.order_by("period"))
        assert values[-1].period == last_month, measure.code
        if measure.unit == "count":
            assert all(v.value == v.value.to_integral_value() for v in values), measure.code
        latest.add(
            ratings.rate(values[-1].value, measure.target, measure.tolerance, measure.polarity)
        )
    assert {ratings.ON_TARGET, ratings.OFF_TARGET} <= latest


def test_loaded_again_later_a_decision_is_open_to_call_in_under_the_general_exception(db):
    council = CouncilFactory(slug="laterton", name="Laterton Council")
    first, later = D(2026, 11, 30), D(2026, 12, 10)
    with time_machine.travel(_noon(later), tick=False):
        load_meetings_demo(council)
        load_forward_plan_demo(council)
        load_forward_plan_today(council, first)
        load_forward_plan_today(council, later)
    scrutiny = council.bodies.get(slug="children-education-scrutiny")
    assert open_to_call_in(council, first).filter(scrutiny=scrutiny).exists()
    assert open_to_call_in(council, later).filter(scrutiny=scrutiny).exists()
    urgent = council.forward_decisions.get(urgency_route=notice.GENERAL_EXCEPTION)
    assert urgent.status == "taken" and urgent.taken_on < later
    draft = queries.draft_edition(council)
    assert draft.entries.get(decision=urgent).part == 4
