"""Measures and case file audits are tagged, in their forms, with the areas of a DfE
review (Improvement Notice, 7), so the self-assessment finds supervision evidence by
its tag, not by the words of its name (docs/adr/028)."""

import pytest
from django.urls import reverse

from improvement.core.models import AuditEntry
from improvement.evidence.tests.factories import MeasureFactory

pytestmark = pytest.mark.django_db


def test_a_measure_is_tagged_with_review_areas_in_its_form(board_manager, council, client_for):
    response = client_for(board_manager).post(
        reverse("evidence:measure_create", args=[council.slug]),
        {
            "code": "AGENCY",
            "name": "Agency social workers",
            "unit": "percentage",
            "polarity": "lower",
            "tolerance": "0",
            "frequency": "monthly",
            "source": "entered",
            "review_areas": ["workforce"],
        },
    )
    assert response.status_code == 302
    measure = council.measures.get(code="AGENCY")
    assert measure.review_areas == ["workforce"]
    created = AuditEntry.objects.get(verb="created", object_id=str(measure.pk))
    assert created.after["review_areas"] == ["workforce"]


def test_a_measures_tags_are_changed_and_audited(board_manager, council, client_for):
    measure = MeasureFactory(council=council, code="CASES", name="Caseloads")
    client_for(board_manager).post(
        reverse("evidence:measure_edit", args=[council.slug, measure.pk]),
        {
            "code": "CASES",
            "name": "Caseloads",
            "unit": "count",
            "polarity": "lower",
            "tolerance": "0",
            "frequency": "monthly",
            "source": "entered",
            "review_areas": ["workforce", "performance"],
            "version": measure.version,
        },
    )
    measure.refresh_from_db()
    assert measure.review_areas == ["workforce", "performance"]
    changed = AuditEntry.objects.get(verb="changed", object_id=str(measure.pk))
    assert changed.before["review_areas"] == [] and "performance" in changed.after["review_areas"]


def test_an_unknown_review_area_is_refused_naming_the_field(board_manager, council, client_for):
    response = client_for(board_manager).post(
        reverse("evidence:measure_create", args=[council.slug]),
        {
            "code": "X",
            "name": "X",
            "unit": "count",
            "polarity": "lower",
            "tolerance": "0",
            "frequency": "monthly",
            "source": "entered",
            "review_areas": ["supervision"],
        },
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not council.measures.exists()


def test_an_audit_is_tagged_with_review_areas_in_its_form(board_manager, council, client_for):
    form = client_for(board_manager).get(reverse("evidence:audit_create", args=[council.slug]))
    assert "Workforce and management oversight" in form.content.decode()
    response = client_for(board_manager).post(
        reverse("evidence:audit_create", args=[council.slug]),
        {
            "held_on_day": "10", "held_on_month": "1", "held_on_year": "2024",
            "theme": "Management oversight", "service_area": "Safeguarding teams",
            "cases": "6", "outstanding": "0", "good": "2", "requires_improvement": "3",
            "inadequate": "1", "review_areas": ["workforce"],
        },
    )  # fmt: skip
    assert response.status_code == 302
    assert council.case_audits.get().review_areas == ["workforce"]
