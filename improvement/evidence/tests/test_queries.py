import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from improvement.evidence import queries
from improvement.evidence.tests.factories import (
    BenchmarkFactory,
    CaseAuditFactory,
    MeasureFactory,
    VoiceThemeFactory,
    monthly,
)
from improvement.plans.tests.factories import ObjectiveFactory

TODAY = datetime.date(2024, 3, 1)


@pytest.fixture
def objective(council):
    return ObjectiveFactory(council=council, title="Timely front door")


def test_objective_is_flagged_by_an_off_target_measure_that_has_not_improved(council, objective):
    measure = MeasureFactory(
        council=council, code="CTR", name="Contacts leading to referral", objectives=[objective]
    )
    monthly(measure, [60, 63, 62, 61])
    flags = queries.objective_measure_flags(council, TODAY)
    assert flags == {
        objective.pk: [
            "Contacts leading to referral is off target (61.0% against 75.0%) "
            "and has not improved over its last three values"
        ]
    }


def test_improving_or_within_tolerance_measures_do_not_flag(council, objective):
    improving = MeasureFactory(council=council, objectives=[objective])
    monthly(improving, [50, 55, 60])
    tolerable = MeasureFactory(council=council, objectives=[objective])
    monthly(tolerable, [72, 71, 70])
    assert queries.objective_measure_flags(council, TODAY) == {}


def test_flags_are_as_at_the_date_given(council, objective):
    measure = MeasureFactory(council=council, objectives=[objective])
    monthly(measure, [60, 60, 60, 80], start=datetime.date(2023, 11, 1))
    assert objective.pk in queries.objective_measure_flags(council, datetime.date(2024, 1, 15))
    assert queries.objective_measure_flags(council, datetime.date(2024, 2, 15)) == {}


def test_archived_measures_and_other_councils_do_not_flag(council, other_council, objective):
    archived = MeasureFactory(
        council=council,
        objectives=[objective],
        archived_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
    )
    monthly(archived, [10, 10, 10])
    other = MeasureFactory(council=other_council)
    monthly(other, [10, 10, 10])
    assert queries.objective_measure_flags(council, TODAY) == {}
    assert queries.objective_measure_flags(other_council, TODAY) == {}


def test_lower_is_better_measure_flags_when_rising(council, objective):
    measure = MeasureFactory(
        council=council,
        code="AGENCY",
        name="Agency rate",
        polarity="lower",
        target=Decimal("15"),
        tolerance=Decimal("2"),
        objectives=[objective],
    )
    monthly(measure, [22, 23, 24])
    [reason] = queries.objective_measure_flags(council, TODAY)[objective.pk]
    assert "off target (24.0% against 15.0%)" in reason


def _count_queries(council):
    with CaptureQueriesContext(connection) as ctx:
        queries.objective_measure_flags(council, TODAY)
        summaries = queries.measure_summaries(council, TODAY)
        for s in summaries:
            assert s.rating or s.direction or s.england or s.latest_display
    return len(ctx.captured_queries)


def test_query_count_does_not_grow_with_measures_and_values(council, objective):
    measure = MeasureFactory(council=council, objectives=[objective])
    monthly(measure, [60, 61])
    few = _count_queries(council)
    for _ in range(5):
        more = MeasureFactory(
            council=council, objectives=[objective, ObjectiveFactory(council=council)]
        )
        monthly(more, [60, 61, 62, 63, 64, 65])
        BenchmarkFactory(measure=more)
    assert _count_queries(council) == few


def test_evidence_for_objective_gathers_measures_audits_and_voice(council, objective):
    measure = MeasureFactory(council=council, objectives=[objective])
    monthly(measure, [60, 61, 62])
    audit = CaseAuditFactory(council=council)
    audit.objectives.set([objective])
    theme = VoiceThemeFactory(event__council=council, objectives=[objective])
    VoiceThemeFactory(event__council=council, title="Unrelated")
    evidence = queries.evidence_for_objective(objective, TODAY)
    assert [s.measure for s in evidence["measures"]] == [measure]
    assert evidence["measures"][0].direction == "improving"
    assert evidence["audits"] == [audit]
    assert evidence["voice_themes"] == [theme]


def test_measures_for_action_lists_its_live_measures(council, objective):
    from improvement.plans.tests.factories import ActionFactory

    action = ActionFactory(objective=objective)
    measure = MeasureFactory(council=council)
    measure.actions.set([action])
    monthly(measure, [70])
    MeasureFactory(council=council)
    [summary] = queries.measures_for_action(action, TODAY)
    assert (summary.measure, summary.rating_label) == (measure, "Within tolerance")
