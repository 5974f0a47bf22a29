"""GOV.UK Design System form fields, rendered from one place.

Every form in the app mixes in `GovukForm`; Django's form renderer then draws
each field with its label, hint and error message as the Design System's
component, and the form with its error summary.
"""

import datetime
import re
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.forms.utils import pretty_name
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from improvement.core.text import clean_text
from improvement.core.tracking import StaleEdit

ERROR_CLASSES = {
    "govuk-input": "govuk-input--error",
    "govuk-select": "govuk-select--error",
    "govuk-textarea": "govuk-textarea--error",
    "govuk-file-upload": "govuk-file-upload--error",
}


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "govuk/form.html"
    field_template_name = "govuk/field.html"


class DateWidget(forms.MultiWidget):
    """The GOV.UK date input: day, month and year boxes."""

    template_name = "govuk/date_widget.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        widgets = {
            "day": forms.TextInput(
                attrs={
                    "class": "govuk-input govuk-date-input__input govuk-input--width-2",
                    "inputmode": "numeric",
                }
            ),
            "month": forms.TextInput(
                attrs={
                    "class": "govuk-input govuk-date-input__input govuk-input--width-2",
                    "inputmode": "numeric",
                }
            ),
            "year": forms.TextInput(
                attrs={
                    "class": "govuk-input govuk-date-input__input govuk-input--width-4",
                    "inputmode": "numeric",
                }
            ),
        }
        super().__init__(widgets, attrs)

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        if isinstance(value, str) and value:
            try:
                parsed = datetime.date.fromisoformat(value)
            except ValueError:
                return [None, None, None]
            return [parsed.day, parsed.month, parsed.year]
        return [None, None, None]


class DateField(forms.MultiValueField):
    """A date from three boxes, with the Design System's error messages."""

    widget = DateWidget

    def __init__(self, **kwargs: Any) -> None:
        # Each box is optional on its own so compress() can name what is missing.
        fields = tuple(forms.CharField(required=False) for _ in range(3))
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, data_list: list[str]) -> datetime.date | None:
        if not data_list or not any(data_list):
            return None
        day, month, year = (part.strip() if part else "" for part in data_list)
        missing = [
            name
            for name, part in zip(("day", "month", "year"), (day, month, year), strict=True)
            if not part
        ]
        label = self.label or "The date"
        if missing:
            raise forms.ValidationError(f"{label} must include a {' and '.join(missing)}")
        if not (day.isdigit() and month.isdigit() and year.isdigit()) or len(year) != 4:
            raise forms.ValidationError(f"{label} must be a real date, for example 27 3 2024")
        try:
            return datetime.date(int(year), int(month), int(day))
        except ValueError as exc:
            raise forms.ValidationError(
                f"{label} must be a real date, for example 27 3 2024"
            ) from exc


# How a time may be written (docs/adr/045):
# - with am or pm, on the 12-hour clock: "2pm", "2.30pm", "2:30 p.m.", "12am" (midnight),
#   "12pm" (midday); the hour 1 to 12, minutes (if any) two digits;
# - without, on the 24-hour clock with a two-digit hour: "14:30", "14.30", "1430",
#   "09:15", "00:00"; "24:00" is refused (write "midnight" or "00:00");
# - "noon", "midday", "12 noon", "12 midday" and "midnight" (00:00).
# A one-digit hour with no am or pm ("2.30", "9:15") is refused, not guessed: in
# Britain "2.30" is usually the afternoon, and reading it as 02:30 would put a meeting
# in the small hours without a word. Single-digit minutes ("2.3") are refused too.
TWELVE_HOUR = re.compile(r"^(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<half>[ap])\.?m\.?$")
TWENTY_FOUR_HOUR = re.compile(r"^(?P<hour>\d{2})[:.]?(?P<minute>\d{2})$")
ONE_DIGIT_HOUR = re.compile(r"^\d[:.]\d{2}$")
NAMED_TIMES = {
    "midday": datetime.time(12),
    "noon": datetime.time(12),
    "12 noon": datetime.time(12),
    "12 midday": datetime.time(12),
    "midnight": datetime.time(0),
}
TIME_HINT = "For example, 2pm, 2:30pm or 14:30"
AMBIGUOUS_TIME = (
    "must say am or pm, for example 2:30pm, or use the 24-hour clock, for example 14:30"
)
NOT_A_TIME = "must be a real time, for example 2pm, 2:30pm or 14:30"


class TimeError(ValueError):
    """Why a text is not a time: `ambiguous` when it needs am or pm to be one."""

    def __init__(self, ambiguous: bool = False) -> None:
        super().__init__(AMBIGUOUS_TIME if ambiguous else NOT_A_TIME)
        self.ambiguous = ambiguous


def read_time(text: str) -> datetime.time:
    """A time as a person writes it, by the rule above, or `TimeError` saying why not."""
    text = " ".join(text.strip().lower().split())
    if text in NAMED_TIMES:
        return NAMED_TIMES[text]
    if ONE_DIGIT_HOUR.match(text):
        raise TimeError(ambiguous=True)
    twelve = TWELVE_HOUR.match(text)
    if twelve is not None:
        hour, minute = int(twelve["hour"]), int(twelve["minute"] or 0)
        if not 1 <= hour <= 12 or minute > 59:
            raise TimeError
        return datetime.time(hour % 12 + (12 if twelve["half"] == "p" else 0), minute)
    match = TWENTY_FOUR_HOUR.match(text)
    if match is None:
        raise TimeError
    hour, minute = int(match["hour"]), int(match["minute"])
    if hour > 23 or minute > 59:
        raise TimeError
    return datetime.time(hour, minute)


def parse_time(text: str) -> datetime.time | None:
    """A time as a person writes it (`read_time`), or None when it is not one."""
    try:
        return read_time(text)
    except TimeError:
        return None


class TimeField(forms.Field):
    """A time of day typed as people write it: "2pm", "2:30pm", "14:30" (`read_time`)."""

    widget = forms.TextInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", TIME_HINT)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("class", "govuk-input--width-5")
        self.widget.attrs.setdefault("maxlength", "20")

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, datetime.time):
            return value.strftime("%H:%M")
        return value

    def to_python(self, value: Any) -> datetime.time | None:
        if isinstance(value, datetime.time):
            return value
        text = str(value or "").strip()
        if not text:
            return None
        label = self.label or "The time"
        try:
            if len(text) > 20:
                raise TimeError
            return read_time(text)
        except TimeError as error:
            raise forms.ValidationError(f"{label} {error}") from error


# Django's own message, which names no field: replaced by one built from the label.
DJANGO_REQUIRED = str(forms.Field.default_error_messages["required"])


def required_message(label: str, widget: forms.Widget) -> str:
    """The Design System's message for an empty required field, from its label: "Enter
    the title", "Select the rating", "Choose a file for the evidence"."""
    question = label.rstrip().endswith("?")
    thing = label if question or _proper(label) else label[:1].lower() + label[1:]
    if isinstance(widget, forms.CheckboxInput):
        return f"Tick “{label}” to continue" if not question else f"Answer “{label}”"
    if isinstance(widget, forms.FileInput):
        return f"Choose a file for {_the(thing)}"
    if isinstance(widget, (forms.Select, forms.RadioSelect, forms.CheckboxSelectMultiple)):
        return f"Select an answer to “{label}”" if question else f"Select {_the(thing)}"
    return f"Enter an answer to “{label}”" if question else f"Enter {_the(thing)}"


def _proper(label: str) -> bool:
    """A label that opens with a name or an acronym (KPI, DfE) keeps its capital."""
    first = label.split(" ", 1)[0]
    return len(first) > 1 and any(ch.isupper() for ch in first[1:])


def _the(thing: str) -> str:
    opening = thing.split(" ", 1)[0].lower()
    if opening in {"the", "a", "an", "your", "their", "its", "who", "what", "when", "why", "how"}:
        return thing
    return f"the {thing}"


class GovukForm:
    """Gives each widget its GOV.UK class and each required field a message that names
    it; the field template does the rest."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for name, field in self.fields.items():  # type: ignore[attr-defined]
            if str(field.error_messages.get("required", "")) == DJANGO_REQUIRED:
                label = str(field.label or pretty_name(name))
                field.error_messages["required"] = required_message(label, field.widget)
            widget = field.widget
            css = _widget_class(widget)
            if css:
                existing = widget.attrs.get("class", "")
                widget.attrs["class"] = f"{css} {existing}".strip()
            if field.help_text:
                widget.attrs.setdefault("aria-describedby", f"id_{name}-hint")

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        cleaned = getattr(self, "cleaned_data", None)
        if cleaned:
            # Characters no document can hold go at the door (see core.text).
            for name, value in cleaned.items():
                cleaned[name] = clean_text(value)
        for name in self.errors:  # type: ignore[attr-defined]
            field = self.fields.get(name)  # type: ignore[attr-defined]
            if field is None:
                continue
            if isinstance(field.widget, DateWidget):
                _mark_date_error(field.widget)
                continue
            css = field.widget.attrs.get("class", "")
            for base, error in ERROR_CLASSES.items():
                if base in css.split() and error not in css:
                    css = f"{css} {error}"
            field.widget.attrs["class"] = css
            described = field.widget.attrs.get("aria-describedby", "")
            field.widget.attrs["aria-describedby"] = f"{described} id_{name}-error".strip()


class VersionedForm(GovukForm, forms.Form):
    """A form that edits a record: it carries the version the record was read at, and
    a form without one is refused, so no edit can skip the stale-edit check."""

    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={
            "required": "This page is out of date: go back, reload it and make your changes again",
            "invalid": "This page is out of date: go back, reload it and make your changes again",
        },
    )


def _mark_date_error(widget: DateWidget) -> None:
    """Each box of a date keeps its own GOV.UK classes and gains the error border: a
    class set on the date as a whole would replace the boxes' own (MultiWidget passes
    its attributes down), leaving three unstyled boxes after an error."""
    for box in widget.widgets:
        css = box.attrs.get("class", "")
        if "govuk-input--error" not in css.split():
            box.attrs["class"] = f"{css} govuk-input--error".strip()


def _widget_class(widget: forms.Widget) -> str:
    if isinstance(widget, (forms.RadioSelect, forms.CheckboxSelectMultiple, DateWidget)):
        return ""
    if isinstance(widget, forms.CheckboxInput):
        return "govuk-checkboxes__input"
    if isinstance(widget, forms.Textarea):
        return "govuk-textarea"
    if isinstance(widget, forms.Select):
        return "govuk-select"
    if isinstance(widget, forms.FileInput):
        return "govuk-file-upload"
    if isinstance(widget, forms.HiddenInput):
        return ""
    return "govuk-input"


def run_service(form: forms.Form, call: Any) -> Any:
    """Run a service for a form. On success return what it returned (True for nothing);
    when the service refuses (a stale edit or a rule), put the reason on the form, on
    the field it names where there is one, keep the input, and return None."""
    try:
        result = call()
    except StaleEdit as exc:
        form.add_error(None, str(exc))
    except ValidationError as exc:
        by_field = exc.error_dict if hasattr(exc, "error_dict") else {None: exc.error_list}
        for field, errors in by_field.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        return True if result is None else result
    return None


def bound(request: HttpRequest, form_class: type, *args: Any, **kwargs: Any) -> Any:
    """A form bound to the request's data and files on POST, unbound otherwise."""
    if request.method == "POST":
        return form_class(request.POST, request.FILES, *args, **kwargs)
    return form_class(None, None, *args, **kwargs)


def form_page(
    request: HttpRequest,
    form: Any,
    *,
    service: Callable[[dict[str, Any]], Any],
    done: str | Callable[[Any], str],
    title: str,
    success: str = "Saved",
    template: str = "form_page.html",
    **context: Any,
) -> HttpResponse:
    """The one form view: on a valid POST run `service(cleaned_data)`; on success say so
    and redirect to `done` (a URL, or a function of what the service returned); when the
    service refuses, show its reason on the form with the input kept."""
    if request.method == "POST" and form.is_valid():
        result = run_service(form, lambda: service(form.cleaned_data))
        if result is not None:
            if success:
                messages.success(request, success)
            return redirect(done(result) if callable(done) else done)
    return render(request, template, {"form": form, "title": title, **context})
