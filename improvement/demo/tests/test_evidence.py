import datetime

import pytest

from improvement.core.models import AuditEntry
from improvement.demo.evidence import SHIPPED, benchmarks_path, load_evidence_demo
from improvement.evidence import queries
from improvement.evidence.models import Benchmark, MeasureValue
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory

TODAY = datetime.date(2024, 3, 1)
KPI_KEYS = [
    "contacts_to_referral_pct", "referral_nfa_pct", "rereferral_12m_pct",
    "assessments_within_45wd_pct", "assessments_open_over_45wd", "assessment_child_seen_pct",
    "s47_to_icpc_pct", "icpc_within_15wd_pct",
]  # fmt: skip


@pytest.fixture
def plan(council, owner_person):
    titles = [
        ("Front door timeliness", "Every contact receives a timely response"),
        ("Extra-familial harm", "Children at risk outside the home are protected"),
        ("Voice and lived experience", "Children's voice shapes our work"),
        ("Quality of practice and management oversight", "Practice is consistently good"),
        ("Workforce", "A stable, skilled and permanent workforce"),
        ("Partnership and governance", "Strong governance"),
    ]
    objectives = [ObjectiveFactory(council=council, theme=t, title=title) for t, title in titles]
    ActionFactory(objective=objectives[0], owners=[owner_person])
    return objectives


def test_demo_loads_measures_values_benchmarks_audits_voice_and_a_request(council, plan):
    load_evidence_demo(council)
    codes = set(council.measures.values_list("code", flat=True))
    assert set(KPI_KEYS) <= codes
    assert {"sw_turnover_pct", "sw_agency_pct", "sw_vacancy_pct", "sw_caseload"} <= codes
    values = MeasureValue.objects.filter(measure__code="icpc_within_15wd_pct")
    assert values.count() == 14  # January 2023 to February 2024, the last complete month
    assert Benchmark.objects.get(measure__code="icpc_within_15wd_pct", year="2022-23").value == 78.5
    assert council.case_audits.exists() and council.voice_events.exists()
    assert council.voice_events.filter(themes__objectives__isnull=False).exists()
    assert council.update_requests.get().recipients.count() == 1


def test_every_demo_measure_has_a_rating_and_a_measure_flags_an_objective(council, plan):
    load_evidence_demo(council)
    summaries = queries.measure_summaries(council, TODAY)
    assert all(s.rating and s.direction for s in summaries)
    flags = queries.objective_measure_flags(council, TODAY)
    workforce = plan[4]
    assert any(
        reason.startswith("Agency social workers is off target") for reason in flags[workforce.pk]
    )


def test_demo_is_idempotent(council, plan):
    load_evidence_demo(council)
    counts = (AuditEntry.objects.count(), MeasureValue.objects.count())
    load_evidence_demo(council)
    assert (AuditEntry.objects.count(), MeasureValue.objects.count()) == counts


def test_demo_loads_without_a_plan(council):
    load_evidence_demo(council)
    assert council.measures.count() == 19
    assert not council.update_requests.exists()


def test_benchmarks_fall_back_to_the_shipped_copy(settings, tmp_path):
    settings.BASE_DIR = tmp_path / "repo"
    assert benchmarks_path() == SHIPPED
    assert SHIPPED.exists()


def test_a_report_as_at_8_november_2023_uses_no_benchmark_published_after_it(council, plan):
    load_evidence_demo(council)
    as_at = datetime.date(2023, 11, 8)
    assert Benchmark.objects.filter(measure__council=council, published_on__gt=as_at).exists()
    for summary in queries.measure_summaries(council, as_at):
        for benchmark in summary.benchmarks:
            assert benchmark.published_on <= as_at, (summary.measure.code, benchmark.year)
    years = {
        b.year for summary in queries.measure_summaries(council, as_at) for b in summary.benchmarks
    }
    assert "2024-25" not in years and "2022-23" in years
