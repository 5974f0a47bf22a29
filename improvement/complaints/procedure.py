"""The procedure's order, checked alike for a form, a service call and a register row.

Each rule names the field at fault so the register can report its column and a form
can put the message beside the box.
"""

import datetime
from typing import Any

OUTCOME_DATES = [
    ("stage1_outcome", "stage1_responded_on", "a stage 1 outcome needs the response date"),
    ("stage2_outcome", "stage2_completed_on", "a stage 2 outcome needs the completion date"),
    ("stage3_outcome", "stage3_panel_on", "a stage 3 outcome needs the panel date"),
    ("ombudsman_outcome", "ombudsman_decided_on", "an ombudsman outcome needs the decision date"),
]

LABELS = {
    "received_on": "the date received",
    "acknowledged_on": "the acknowledgement",
    "stage1_responded_on": "the stage 1 response",
    "stage2_requested_on": "the stage 2 request",
    "stage2_completed_on": "the stage 2 completion",
    "stage3_requested_on": "the stage 3 request",
    "stage3_panel_on": "the stage 3 panel",
    "stage3_report_on": "the panel report",
    "stage3_response_on": "the council response to the panel",
    "ombudsman_referred_on": "the ombudsman referral",
    "ombudsman_decided_on": "the ombudsman decision",
}

# (later, earlier): the later date may not come before, or without, the earlier one.
# A referral to the ombudsman straight after stage 1 is allowed.
ORDER = [
    ("acknowledged_on", "received_on"),
    ("stage1_responded_on", "received_on"),
    ("stage2_requested_on", "stage1_responded_on"),
    ("stage2_completed_on", "stage2_requested_on"),
    ("stage3_requested_on", "stage2_completed_on"),
    ("stage3_panel_on", "stage3_requested_on"),
    ("stage3_report_on", "stage3_panel_on"),
    ("stage3_response_on", "stage3_report_on"),
    ("ombudsman_referred_on", "stage1_responded_on"),
    ("ombudsman_decided_on", "ombudsman_referred_on"),
]


# Dates of things that have happened: a response, decision or letter cannot be sent
# tomorrow, so a date after today is a typing mistake and is refused.
PAST_DATES = {
    "received_on": "The date received",
    "explanation_sent_on": "The date the letter of explanation was sent",
    "acknowledged_on": "The date the acknowledgement was sent",
    "stage1_responded_on": "The date the stage 1 response was sent",
    "stage2_completed_on": "The date the stage 2 investigation was completed",
    "stage3_report_on": "The date the panel report was sent",
    "stage3_response_on": "The date the council's response to the panel was sent",
    "ombudsman_decided_on": "The date of the ombudsman decision",
}


def future_errors(data: dict[str, Any], today: datetime.date) -> dict[str, str]:
    """Field name -> message for each response or decision date after `today`."""
    return {
        name: f"{label} must be today or in the past"
        for name, label in PAST_DATES.items()
        if (day := _date(data.get(name))) is not None and day > today
    }


# The preferred way to reach the complainant needs the detail it uses.
CONTACT_NEEDS = {
    "letter": ("complainant_address", "Enter the complainant's address, or choose another way"),
    "email": ("complainant_email", "Enter the complainant's email address, or choose another way"),
    "telephone": (
        "complainant_telephone",
        "Enter the complainant's telephone number, or choose another way",
    ),
}


def _contact_errors(data: dict[str, Any]) -> dict[str, str]:
    need = CONTACT_NEEDS.get(data.get("preferred_contact") or "")
    if need is None or (data.get(need[0]) or "").strip():
        return {}
    return {need[0]: need[1]}


def _kind_errors(data: dict[str, Any]) -> dict[str, str]:
    errors = {}
    process = data.get("process")
    if data.get("kind") == "complaint" and not process:
        errors["process"] = "a complaint needs its process: statutory, corporate or not_logged"
    if process == "not_logged" and not data.get("not_logged_reason"):
        errors["not_logged_reason"] = "a complaint not logged needs its reason"
    if process != "not_logged" and data.get("not_logged_reason"):
        errors["not_logged_reason"] = "a reason is given only when the complaint is not logged"
    return errors


def _date(value: Any) -> datetime.date | None:
    return value if isinstance(value, datetime.date) else None


def procedure_errors(data: dict[str, Any], today: datetime.date | None = None) -> dict[str, str]:
    """Field name -> what is wrong, for a representation's values; empty when it is sound.
    With `today`, a response or decision date after it is wrong too (the services and
    the register pass it; the pure order rules need no clock)."""
    errors = {**_kind_errors(data), **_contact_errors(data)}
    if today is not None:
        errors.update(future_errors(data, today))
    for outcome, date, message in OUTCOME_DATES:
        if data.get(outcome) and not data.get(date):
            errors.setdefault(outcome, message)
    for later, earlier in ORDER:
        later_day, earlier_day = _date(data.get(later)), _date(data.get(earlier))
        if later_day is None:
            continue
        if earlier_day is None:
            errors.setdefault(later, f"{LABELS[later]} is given without {LABELS[earlier]}")
        elif later_day < earlier_day:
            errors.setdefault(later, f"{LABELS[later]} is before {LABELS[earlier]}")
    return errors
