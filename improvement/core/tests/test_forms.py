import datetime

from django import forms

from improvement.core.forms import DateField, GovukForm, parse_time


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


class ItemForm(GovukForm, forms.Form):
    title = forms.CharField(label="Title of the item")
    rating = forms.ChoiceField(choices=[("red", "Red")], widget=forms.RadioSelect)
    paper = forms.FileField(label="Paper")
    KPI_name = forms.CharField(label="KPI name")
    decided = forms.ChoiceField(choices=[("y", "Yes")], label="Was it agreed?")
    owner = forms.CharField(error_messages={"required": "Enter who owns the action"})


def test_an_empty_required_field_is_named_in_the_message_never_this_field_is_required():
    errors = ItemForm({}).errors
    assert errors["title"] == ["Enter the title of the item"]
    assert errors["rating"] == ["Select the rating"]
    assert errors["paper"] == ["Choose a file for the paper"]
    assert errors["KPI_name"] == ["Enter the KPI name"]
    assert errors["decided"] == ["Select an answer to “Was it agreed?”"]
    assert errors["owner"] == ["Enter who owns the action"]
    assert "This field is required" not in str(ItemForm({}))


def test_an_empty_date_is_named_too():
    assert DueForm({}).errors["due"] == ["Enter the due date"]


def test_a_date_keeps_its_gov_uk_boxes_after_an_error():
    form = DueForm({"due_day": "31", "due_month": "2", "due_year": "2024"})
    html = str(form)
    assert html.count("govuk-input govuk-date-input__input") == 3
    assert html.count("govuk-input--error") == 3
    assert 'class=""' not in html
    # The next form of the same kind starts clean.
    assert "govuk-input--error" not in str(DueForm())


class MeetingTimeForm(GovukForm, forms.Form):
    from improvement.core.forms import TimeField

    time = TimeField(label="Time")


def test_a_time_is_understood_as_people_write_it():
    for typed, meant in [
        ("2pm", datetime.time(14)),
        ("2 pm", datetime.time(14)),
        ("2.30pm", datetime.time(14, 30)),
        ("2:30 PM", datetime.time(14, 30)),
        ("2:30 p.m.", datetime.time(14, 30)),
        ("9.15am", datetime.time(9, 15)),
        ("14:00", datetime.time(14)),
        ("14.30", datetime.time(14, 30)),
        ("1430", datetime.time(14, 30)),
        ("09:15", datetime.time(9, 15)),
        ("00:00", datetime.time(0)),
        ("23:59", datetime.time(23, 59)),
        ("12pm", datetime.time(12)),
        ("12.30pm", datetime.time(12, 30)),
        ("12am", datetime.time(0)),
        ("12.15am", datetime.time(0, 15)),
        ("midday", datetime.time(12)),
        ("Noon", datetime.time(12)),
        ("12 noon", datetime.time(12)),
        ("12  midday", datetime.time(12)),
        ("midnight", datetime.time(0)),
    ]:
        form = MeetingTimeForm({"time": typed})
        assert form.is_valid(), typed
        assert form.cleaned_data["time"] == meant, typed


def test_a_time_that_is_not_one_is_refused_by_name():
    for typed in [
        "2", "14", "13pm", "0am", "25:00", "24:00", "14:75", "2.3", "2.3pm", "14.3",
        "230", "230pm", "2:60pm", "teatime", "2pm tomorrow", "-1:00", "x" * 21,
    ]:  # fmt: skip
        form = MeetingTimeForm({"time": typed})
        assert form.errors["time"] == [
            "Time must be a real time, for example 2pm, 2:30pm or 14:30"
        ], typed


def test_a_time_with_a_one_digit_hour_and_no_am_or_pm_is_refused_not_guessed():
    # "2.30" is the afternoon to most who write it; read as 02:30 it would put the
    # meeting in the small hours without a word.
    for typed in ["2.30", "2:30", "9.15", "0:30"]:
        form = MeetingTimeForm({"time": typed})
        assert form.errors["time"] == [
            "Time must say am or pm, for example 2:30pm, or use the 24-hour clock, "
            "for example 14:30"
        ], typed


def test_an_empty_time_is_required_by_name_and_the_hint_gives_the_forms_accepted():
    form = MeetingTimeForm({"time": "  "})
    assert form.errors["time"] == ["Enter the time"]
    assert "For example, 2pm, 2:30pm or 14:30" in str(MeetingTimeForm())
    assert parse_time("") is None and parse_time("garbage") is None
