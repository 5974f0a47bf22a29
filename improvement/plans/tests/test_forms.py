"""Every form that edits a plan record carries the version it was read at, and one
without it is refused; free text is bounded to fit its use."""

import datetime

import pytest
from django.urls import reverse

from improvement.core.text import LONG_TEXT, NOTES_TEXT
from improvement.plans import forms
from improvement.plans.tests.factories import (
    ActionFactory,
    FindingFactory,
    InspectionFactory,
    NoticeFactory,
    ObjectiveFactory,
    RequirementFactory,
    UpdateFactory,
)

OUT_OF_DATE = "This page is out of date"


def _records(council):
    notice = NoticeFactory(council=council)
    action = ActionFactory(objective=ObjectiveFactory(council=council))
    review = notice.reviews.create(held_on=datetime.date(2024, 2, 1))
    return {
        forms.ObjectiveForm: (action.objective, {"council": council}),
        forms.ActionForm: (action, {"council": council}),
        forms.InspectionForm: (InspectionFactory(council=council), {}),
        forms.FindingForm: (FindingFactory(council=council), {}),
        forms.NoticeForm: (notice, {}),
        forms.RequirementForm: (RequirementFactory(notice=notice), {}),
        forms.ReviewForm: (review, {}),
    }


def test_every_record_edit_form_carries_the_version_and_refuses_a_missing_one(council):
    for form_class, (record, extra) in _records(council).items():
        shown = form_class(instance=record, **extra)
        assert shown["version"].value() == record.version, form_class
        posted = form_class({}, instance=record, **extra)
        assert not posted.is_valid()
        assert OUT_OF_DATE in str(posted.errors["version"]), form_class


def test_a_form_that_adds_a_record_has_no_version_to_carry(council):
    assert "version" not in forms.ObjectiveForm(council=council).fields
    assert "version" not in forms.InspectionForm().fields


@pytest.mark.parametrize("form_class", [forms.ArchiveForm, forms.ReprofileForm, forms.DecisionForm])
def test_the_archive_reprofile_and_decision_forms_refuse_a_missing_version(form_class):
    form = form_class({})
    assert not form.is_valid() and OUT_OF_DATE in str(form.errors["version"])


def _update_form(council, data, editing):
    return forms.UpdateForm(
        data,
        council=council,
        proposer=True,
        earliest=datetime.date(2024, 2, 7),
        may_backdate=False,
        editing=editing,
    )


def test_correcting_an_update_refuses_a_missing_version(council):
    data = {"as_of_day": 29, "as_of_month": 2, "as_of_year": 2024, "rating": "green"}
    correcting = _update_form(council, {**data, "reason": "ok"}, editing=True)
    assert not correcting.is_valid() and "version" in correcting.errors
    recording = _update_form(council, {**data, "reason": "ok"}, editing=False)
    assert recording.is_valid(), recording.errors


def test_an_edit_posted_without_its_version_is_refused_and_nothing_changes(
    council, board_manager, client_for
):
    objective = ObjectiveFactory(council=council, title="Before")
    response = client_for(board_manager).post(
        reverse("plans:objective_edit", args=[council.slug, objective.pk]),
        {"ref": "1", "title": "After", "position": 1},
    )
    assert response.status_code == 200 and OUT_OF_DATE in response.content.decode()
    objective.refresh_from_db()
    assert objective.title == "Before"


def test_correcting_an_update_without_its_version_is_refused(
    council, owner, owner_person, client_for
):
    action = ActionFactory(objective=ObjectiveFactory(council=council), owners=[owner_person])
    update = UpdateFactory(action=action, as_of=datetime.date(2024, 2, 28), created_by=owner)
    response = client_for(owner).post(
        reverse("plans:update_edit", args=[council.slug, update.pk]),
        {"as_of_day": 28, "as_of_month": 2, "as_of_year": 2024, "rating": "red", "reason": "x"},
    )
    assert OUT_OF_DATE in response.content.decode()
    update.refresh_from_db()
    assert update.rating == "green"


def test_free_text_is_bounded_to_fit_its_use(council):
    data = {"as_of_day": 29, "as_of_month": 2, "as_of_year": 2024, "rating": "green"}
    long = _update_form(
        council,
        {**data, "reason": "r" * (LONG_TEXT + 1), "narrative": "n" * (NOTES_TEXT + 1)},
        False,
    )
    assert not long.is_valid()
    assert {"reason", "narrative"} <= set(long.errors)
    objective = forms.ObjectiveForm(
        {"title": "t", "position": 1, "description": "d" * (LONG_TEXT + 1)}, council=council
    )
    assert not objective.is_valid() and "description" in objective.errors
