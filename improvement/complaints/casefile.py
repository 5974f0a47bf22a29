"""A case's fields for display, grouped by stage, so the template holds no logic."""

import datetime
from typing import Any

GROUPS = [
    ("Representation", ["reference", "received_on", "kind", "process", "not_logged_reason",
                        "explanation_sent_on", "service", "team", "category", "complainant_name",
                        "complainant_type", "complainant_address", "complainant_email",
                        "complainant_telephone", "preferred_contact", "on_behalf_of",
                        "advocate", "summary"]),
    ("Stage 1", ["acknowledged_on", "stage1_route", "stage1_extended", "stage1_responded_on",
                 "stage1_outcome", "manager_contacted", "service_improvement"]),
    ("Stage 2", ["stage2_requested_on", "stage2_extended", "stage2_investigating_officer",
                 "stage2_independent_person", "stage2_completed_on", "stage2_outcome"]),
    ("Stage 3", ["stage3_requested_on", "stage3_panel_on", "stage3_report_on",
                 "stage3_response_on", "stage3_outcome"]),
    ("Ombudsman", ["ombudsman_referred_on", "ombudsman_decided_on", "ombudsman_outcome",
                   "ombudsman_reference"]),
    ("Annual report", ["in_annual_report", "report_text", "report_impact"]),
]  # fmt: skip


def _display(rep: Any, name: str) -> str:
    field = rep._meta.get_field(name)
    value = getattr(rep, name)
    if field.choices:
        return getattr(rep, f"get_{name}_display")() or "–"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.date):
        return f"{value:%-d %B %Y}"
    return str(value) if value else "–"


def _label(rep: Any, name: str) -> str:
    return str(rep._meta.get_field(name).verbose_name).capitalize()


def case_groups(rep: Any) -> list[tuple[str, list[tuple[str, str]]]]:
    return [
        (heading, [(_label(rep, name), _display(rep, name)) for name in names])
        for heading, names in GROUPS
    ]
