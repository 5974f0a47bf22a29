"""Complaints and compliments from April 2023 up to `today`, after the seed's two years.

Volumes are like the seed's 2022-23 (about fifty statutory complaints a year, as many
not logged, a few corporate ones, seventy compliments). Each case is told by a small
deterministic draw from its reference, and only what has happened by `today` is
recorded: a case whose response falls after today is still open, and one received
long enough ago is open and overdue; escalations to stages 2 and 3 and to the
Ombudsman follow the same rule, so every clock is honest on the load date.
Idempotent: a reference already recorded is left alone.
"""

import datetime
import zlib
from typing import Any

from improvement.complaints import services
from improvement.complaints.years import financial_year_of
from improvement.core.models import Council
from improvement.core.working_days import add_working_days
from improvement.demo.complaints import corporate_complaint
from improvement.demo.records import DEMO

FIRST_YEAR = 2023
TEAMS = [
    "Children in Care",
    "Family Safeguarding",
    "Leaving Care",
    "SGO",
    "Children in Care",
    "Assessment Team",
    "0-25 Team",
    "Fostering",
    "Family Safeguarding",
    "Regional Adoption Agency",
]
CATEGORIES = [
    "Delay/Failed Service",
    "Denial/Withdrawal of Service",
    "Staff Conduct",
    "Delay/Failed Service",
    "Communication",
    "Quality of Service",
    "Policy/Procedure",
    "Financial",
]
TYPES = [
    "parent_or_guardian",
    "parent_or_guardian",
    "looked_after_or_care_leaver",
    "parent_or_guardian",
    "relative",
    "looked_after_now_adult",
    "foster_carer",
    "child_not_looked_after",
]
NOT_LOGGED = [
    "general_enquiry",
    "alternative_process",
    "court_related",
    "out_of_time_or_jurisdiction",
    "safeguarding_referral",
    "insufficient_interest",
    "s47_child_protection",
    "other",
]
COMPLIMENT_TEAMS = [
    ("childrens_social_care", "Children in Care Team 1", "foster_carer"),
    ("childrens_social_care", "Leaving Care", "looked_after_or_care_leaver"),
    ("childrens_social_care", "Family Safeguarding", "parent_or_guardian"),
    ("education", "SEN & Inclusion", "parent_or_guardian"),
    ("childrens_social_care", "Children in Care Team 2", "professional"),
]
CORPORATE_TEAMS = [
    ("education", "SEN"),
    ("education", "School Transport"),
    ("childrens_social_care", "Early Help"),
    ("education", "Admissions"),
    ("education", "SEN"),
]


def draw(reference: str, salt: str = "") -> int:
    """A number 0 to 99 fixed by the reference: the case's own roll of the dice."""
    return zlib.crc32(f"{reference}{salt}".encode()) % 100


def _spread(year: int, index: int, total: int) -> datetime.date:
    return datetime.date(year, 4, 1) + datetime.timedelta(days=3 + index * 361 // total)


def _until(row: dict[str, Any], today: datetime.date) -> dict[str, Any]:
    """Drop every event after today, and what depends on it: the case is still open."""
    order = [
        ("stage1_responded_on", ("stage1_outcome", "manager_contacted")),
        ("stage2_requested_on", ("stage2_extended",)),
        ("stage2_completed_on", ("stage2_outcome",)),
        ("stage3_requested_on", ()),
        ("stage3_panel_on", ("stage3_outcome",)),
        ("stage3_report_on", ()),
        ("stage3_response_on", ()),
        ("ombudsman_referred_on", ()),
        ("ombudsman_decided_on", ("ombudsman_outcome",)),
    ]
    cut = False
    for date_field, depends in order:
        if date_field not in row:
            continue
        if cut or row[date_field] > today:
            cut = True
            for name in (date_field, *depends):
                row.pop(name, None)
    return row


def _stage2(row: dict[str, Any], reference: str) -> None:
    roll = draw(reference, "s2")
    if roll >= 14:
        return
    requested = add_working_days(row["stage1_responded_on"], 8 + roll)
    days = 22 if roll < 8 else 45 + roll
    row.update(
        stage2_requested_on=requested,
        stage2_extended=days > 25,
        stage2_completed_on=add_working_days(requested, days),
        stage2_outcome=["partially_upheld", "not_upheld", "upheld"][roll % 3],
    )
    if roll < 4:
        s3 = add_working_days(row["stage2_completed_on"], 10)
        panel = add_working_days(s3, 25)
        report = add_working_days(panel, 4)
        row.update(
            stage3_requested_on=s3,
            stage3_panel_on=panel,
            stage3_report_on=report,
            stage3_response_on=add_working_days(report, 12),
            stage3_outcome="not_upheld" if roll % 2 else "partially_upheld",
        )
        if roll == 1:
            referred = add_working_days(row["stage3_response_on"], 20)
            row.update(
                ombudsman_referred_on=referred,
                ombudsman_decided_on=add_working_days(referred, 90),
                ombudsman_outcome="no_fault",
            )


def _statutory(year: int, n: int, total: int) -> dict[str, Any]:
    reference = f"CSC-{year}-{n + 1:03d}"
    roll = draw(reference)
    received = _spread(year, n, total)
    row: dict[str, Any] = {
        "reference": reference,
        "received_on": received,
        "kind": "complaint",
        "process": "statutory",
        "service": "childrens_social_care",
        "team": TEAMS[(n + year) % len(TEAMS)],
        "category": CATEGORIES[roll % len(CATEGORIES)],
        "complainant_type": (kind := TYPES[(n * 3 + year) % len(TYPES)]),
        "advocate": kind == "looked_after_or_care_leaver",
        "summary": "Demonstration complaint about the service received.",
    }
    if roll < 4:
        row.update(stage1_route="informal", stage1_responded_on=add_working_days(received, 2))
        return row
    if roll < 8:
        row["stage1_route"] = "withdrawn"
        return row
    # Within 10 working days, within an agreed extension to 20, or late.
    days = 6 + roll % 5 if roll < 45 else (12 + roll % 8 if roll < 80 else 22 + roll % 20)
    row.update(
        stage1_route="formal",
        stage1_extended=days > 10,
        stage1_responded_on=add_working_days(received, days),
        stage1_outcome=["partially_upheld", "not_upheld", "upheld", "partially_upheld"][roll % 4],
        manager_contacted=roll % 2 == 0,
    )
    _stage2(row, reference)
    return row


def _not_logged(year: int, n: int, total: int) -> dict[str, Any]:
    received = _spread(year, n, total)
    return {
        "reference": f"NL-{year}-{n + 1:03d}",
        "received_on": received,
        "kind": "complaint",
        "process": "not_logged",
        "not_logged_reason": NOT_LOGGED[(n * 5 + year) % len(NOT_LOGGED)],
        "explanation_sent_on": add_working_days(received, 3),
        "service": "childrens_social_care",
    }


def _compliment(year: int, n: int, total: int) -> dict[str, Any]:
    service, team, source = COMPLIMENT_TEAMS[n % len(COMPLIMENT_TEAMS)]
    return {
        "reference": f"CMP-{year}-{n + 1:03d}",
        "received_on": _spread(year, n, total),
        "kind": "compliment",
        "service": service,
        "team": team,
        "complainant_type": source,
        "summary": "Demonstration compliment: thanks for the support given.",
    }


def _corporate(year: int, n: int, total: int) -> dict[str, Any]:
    service, team = CORPORATE_TEAMS[n % len(CORPORATE_TEAMS)]
    reference = f"CORP-{year}-{n + 1:03d}"
    received = _spread(year, n, total)
    roll = draw(reference)
    responded = add_working_days(received, 10 + roll % 12)
    return corporate_complaint(reference, received, service, team, responded, roll < 40)


def year_rows(year: int, today: datetime.date) -> list[dict[str, Any]]:
    """The year's records received by `today`, as planned (before `_until`)."""
    statutory = 48 + (year * 7) % 11
    makers = [(_statutory, statutory), (_not_logged, 52 + year % 9), (_corporate, 16)]
    makers.append((_compliment, 64 + (year * 5) % 13))
    rows = []
    for make, total in makers:
        for n in range(total):
            row = make(year, n, total)
            if row["received_on"] > today:
                break
            if row.get("explanation_sent_on", today) > today:
                row.pop("explanation_sent_on")
            rows.append(row)
    return rows


def _overdue(rows: list[dict[str, Any]], today: datetime.date) -> None:
    """The last formal statutory complaint received five weeks or more before today is
    still unanswered: on the load date the register always shows one overdue."""
    old = [
        row
        for row in rows
        if row.get("process") == "statutory"
        and row.get("stage1_route") == "formal"
        and row["received_on"] <= today - datetime.timedelta(days=35)
    ]
    if old:
        row = max(old, key=lambda row: row["received_on"])
        row["stage1_responded_on"] = add_working_days(today, 10)
        row["stage1_extended"] = True


def rows_on(today: datetime.date) -> list[dict[str, Any]]:
    """Every record from 2023-24 to the current year, each as it stood on `today`."""
    rows = []
    for year in range(FIRST_YEAR, financial_year_of(today) + 1):
        rows += year_rows(year, today)
    _overdue(rows, today)
    return [_until(row, today) for row in rows]


def load_complaints_today(council: Council, today: datetime.date) -> None:
    """Every year from 2023-24 to the current one; idempotent."""
    existing = set(council.representations.values_list("reference", flat=True))
    for row in rows_on(today):
        if row["reference"] in existing:
            continue
        if row["kind"] == "compliment":
            services.record_compliment(DEMO, council, row)
        else:
            services.record_representation(DEMO, council, row)
