"""The areas a DfE review may cover (Improvement Notice, paragraph 7), as tags.

Objectives, measures and case file audits each carry the areas they bear on, set by
the board manager in their forms, so the self-assessment is organised by area from
what the council recorded, never by matching words (docs/adr/028)."""

from collections.abc import Iterable
from typing import Any

from django import forms
from django.db import models


class ReviewArea(models.TextChoices):
    CULTURE = "culture", "Culture"
    PERFORMANCE = "performance", "Performance"
    LEADERSHIP = "leadership", "Leadership"
    MANAGEMENT_GOVERNANCE = "management_governance", "Management and governance"
    WORKFORCE = "workforce", "Workforce and management oversight"
    ASSESSMENTS = "assessments", "Assessments"
    MASH = "mash", "The Multi-Agency Safeguarding Hub"
    MULTI_AGENCY = "multi_agency", "Multi-agency arrangements"


def review_area_field(label: str = "Review areas it bears on") -> forms.MultipleChoiceField:
    """The one form field that tags a record with review areas: GOV.UK checkboxes."""
    return forms.MultipleChoiceField(
        label=label,
        choices=ReviewArea.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=(
            "The areas of a DfE review (Improvement Notice, paragraph 7) this bears on. "
            "The self-assessment is organised by them."
        ),
    )


def tagged(records: Iterable[Any], area: str) -> list[Any]:
    """The records tagged with an area, in their order. Tags are a short list on each
    record, so this reads them in Python: the same on SQLite and PostgreSQL."""
    return [record for record in records if area in (record.review_areas or [])]


def area_labels(codes: Iterable[str]) -> list[str]:
    """The names of the areas, in the notice's order; unknown codes are left out."""
    held = set(codes or [])
    return [label for code, label in ReviewArea.choices if code in held]
