import datetime

from django import forms

from improvement.core.forms import DateField, GovukForm


class DueForm(GovukForm, forms.Form):
    due = DateField(label="Due date")


def test_date_field_reads_the_three_boxes():
    form = DueForm({"due_day": "5", "due_month": "11", "due_year": "2024"})
    assert form.is_valid() and form.cleaned_data["due"] == datetime.date(2024, 11, 5)


def test_date_field_names_the_missing_part():
    form = DueForm({"due_day": "5", "due_month": "", "due_year": "2024"})
    assert form.errors["due"] == ["Due date must include a month"]


def test_date_field_refuses_an_impossible_date():
    form = DueForm({"due_day": "31", "due_month": "2", "due_year": "2024"})
    assert form.errors["due"] == ["Due date must be a real date, for example 27 3 2024"]


def test_form_renders_an_error_summary_linking_to_the_field():
    form = DueForm({"due_day": "", "due_month": "", "due_year": ""})
    html = str(form)
    assert "There is a problem" in html and 'href="#id_due_0"' in html
    assert "govuk-form-group--error" in html


def test_run_service_puts_a_refusal_on_its_field_and_keeps_the_input():
    from django.core.exceptions import ValidationError

    from improvement.core.forms import run_service

    form = DueForm({"due_day": "5", "due_month": "11", "due_year": "2024"})
    assert form.is_valid()

    def refuse():
        raise ValidationError({"due": "Due date must be after the start"})

    assert run_service(form, refuse) is None
    assert form.errors["due"] == ["Due date must be after the start"]
    assert run_service(form, lambda: None) is True


def test_run_service_puts_a_general_refusal_at_the_top():
    from django.core.exceptions import ValidationError

    from improvement.core.forms import run_service

    form = DueForm({"due_day": "5", "due_month": "11", "due_year": "2024"})
    form.is_valid()

    def refuse():
        raise ValidationError("The board has decided on this completion")

    assert run_service(form, refuse) is None
    assert form.non_field_errors() == ["The board has decided on this completion"]
