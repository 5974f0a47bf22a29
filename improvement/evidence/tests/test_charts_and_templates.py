import datetime
import re

import pytest
from django.template.loader import render_to_string

from improvement.evidence import charts, queries
from improvement.evidence.tests.factories import (
    BenchmarkFactory,
    CaseAuditFactory,
    MeasureFactory,
    VoiceThemeFactory,
    monthly,
)
from improvement.plans.tests.factories import ObjectiveFactory


@pytest.fixture
def measure(council):
    measure = MeasureFactory(council=council, name="Assessments <in> time")
    monthly(measure, [60, 65, 70])
    BenchmarkFactory(measure=measure)
    return measure


def test_chart_is_labelled_for_screen_readers_and_carries_no_inline_css(measure):
    svg = charts.measure_chart(measure, list(measure.values.all()), list(measure.benchmarks.all()))
    assert svg.startswith(f'<svg role="img" aria-labelledby="chart-{measure.pk}-title ')
    assert "<title id=" in svg and "Trend of Assessments &lt;in&gt; time" in svg
    assert "from October 2023 (60.0%) to December 2023 (70.0%); target 75.0%" in svg
    # The content security policy forbids inline styles: colours are attributes instead.
    assert "style" not in svg
    assert 'stroke="#1d70b8"' in svg
    assert "<metadata>" not in svg


def test_chart_with_no_values_still_renders(council):
    measure = MeasureFactory(council=council, target=None)
    svg = charts.measure_chart(measure, [], [])
    assert "No values have been recorded" in svg


def test_objective_evidence_partial_renders_measures_audits_and_voice(council):
    objective = ObjectiveFactory(council=council)
    measure = MeasureFactory(council=council, code="CTR", objectives=[objective])
    monthly(measure, [60, 61, 62])
    audit = CaseAuditFactory(council=council, theme="Strategy meetings")
    audit.objectives.set([objective])
    VoiceThemeFactory(event__council=council, title="Waiting too long", objectives=[objective])
    evidence = queries.evidence_for_objective(objective, datetime.date(2024, 3, 1))
    html = render_to_string("evidence/_objective_evidence.html", {"evidence": evidence})
    text = re.sub(r"\s+", " ", html)
    assert "Measures linked to this objective" in text
    assert "62.0%" in text and "Off target" in text and "Improving" in text
    assert "Strategy meetings" in text and "Waiting too long" in text
    assert f"/councils/testshire/evidence/measures/{measure.pk}/" in text
