"""Case records for Peterborough's 2021-22 and 2022-23 complaints and compliments, built so
the generated annual report gives the figures of seed 003's report wherever the seed is
consistent. No real person is named: references and summaries are made up.

Idempotent: a record whose reference is already there is left alone.
"""

import datetime
from collections import Counter
from typing import Any

from django.db import transaction

from improvement.complaints import services
from improvement.core.models import Council
from improvement.core.working_days import add_working_days
from improvement.demo import complaints_data as seed
from improvement.demo.records import DEMO

D = datetime.date.fromisoformat
RESPONSE_DAYS = {"in_10": (8, False), "in_20": (16, True), "late": (24, True)}


def _stage2(requested: str, days: int, outcome: str) -> dict[str, Any]:
    start = D(requested)
    return {
        "stage2_requested_on": start,
        "stage2_extended": days > 25,
        "stage2_completed_on": add_working_days(start, days) if days else None,
        "stage2_outcome": outcome if days else "",
    }


def _stage3(requested: str, panel_days: int, outcome: str) -> dict[str, Any]:
    start = D(requested)
    panel = add_working_days(start, panel_days)
    report = add_working_days(panel, 4)
    return {
        "stage3_requested_on": start,
        "stage3_panel_on": panel,
        "stage3_report_on": report,
        "stage3_response_on": add_working_days(report, 12),
        "stage3_outcome": outcome,
    }


def _special_cases() -> list[dict[str, Any]]:
    """The cases the seed describes one by one: figures 5 and 6 and the LGSCO decisions."""
    fig5 = [
        (
            "S2-1",
            "2022-01-10",
            "Children in Care",
            "partially_upheld",
            _stage2("2022-04-20", 24, "partially_upheld"),
            {},
        ),
        ("S2-3", "2021-11-15", "SGO", "not_upheld", _stage2("2022-05-09", 40, "upheld"), {}),
        (
            "S2-4",
            "2021-12-06",
            "SGO",
            "partially_upheld",
            _stage2("2022-04-11", 60, "partially_upheld"),
            {"s3": ("2022-07-25", 28, "partially_upheld"), "lgsco": "2023-01-16"},
        ),
        (
            "S2-6",
            "2022-02-14",
            "SGO",
            "not_upheld",
            _stage2("2022-06-06", 62, "not_upheld"),
            {"s3": ("2023-03-20", 25, "not_upheld"), "lgsco": "2023-06-05"},
        ),
        (
            "S2-7",
            "2022-03-07",
            "Children in Care",
            "partially_upheld",
            _stage2("2023-02-13", 60, "not_upheld"),
            {},
        ),
        (
            "S3-1",
            "2021-04-12",
            "0-25 Team",
            "partially_upheld",
            _stage2("2021-06-01", 25, "partially_upheld"),
            {"s3": ("2022-03-28", 25, "upheld")},
        ),
        (
            "S2-2",
            "2022-05-16",
            "Leaving Care",
            "partially_upheld",
            _stage2("2022-07-04", 23, "partially_upheld"),
            {},
        ),
        (
            "S2-5",
            "2022-09-12",
            "Family Safeguarding",
            "not_upheld",
            _stage2("2022-11-07", 50, "partially_upheld"),
            {},
        ),
    ]
    cases = []
    for ref, received, team, outcome, stage2, more in fig5:
        case = {"ref": ref, "received_on": D(received), "team": team, "outcome": outcome}
        case.update(stage2)
        if "s3" in more:
            case.update(_stage3(*more["s3"]))
        if "lgsco" in more:
            case["ombudsman_referred_on"] = D(more["lgsco"])
        cases.append(case)
    for ref, received, team, referred, decided, reference in [
        ("LGSCO-1", "2021-04-19", "0-25 Team", "2021-07-15", "2022-06-20", "21-014-757"),
        ("LGSCO-2", "2021-05-10", "Children in Care", "2022-04-05", "2022-11-14", "22-000-753"),
    ]:
        cases.append(
            {
                "ref": ref,
                "received_on": D(received),
                "team": team,
                "outcome": "not_upheld",
                "ombudsman_referred_on": D(referred),
                "ombudsman_decided_on": D(decided),
                "ombudsman_outcome": "fault",
                "ombudsman_reference": reference,
            }
        )
    return cases


IMPROVEMENTS = {
    "S2-3": "The council to increase its contribution towards legal fees when a special "
    "guardianship order covers more than one child; its allowance policy to be reviewed.",
    "S2-4": "Review of Special Guardianship Order financial assistance arrangements, "
    "consulting carer groups.",
    "S3-1": "Briefing note to staff; meeting with health colleagues on continuing care "
    "eligibility; a transfer tracker for cases moving between teams.",
}


def _pool(counts: dict[str, int], taken: list[str]) -> list[str]:
    """The counted values less those the special cases already hold, interleaved."""
    left = Counter(counts)
    left.subtract(Counter(taken))
    if any(n < 0 for n in left.values()):
        raise ValueError(f"special cases exceed the counts: {dict(left)}")
    values: list[str] = []
    while sum(left.values()):
        for key in list(counts):
            if left[key] > 0:
                values.append(key)
                left[key] -= 1
    return values


def _spread(year: int, index: int, total: int) -> datetime.date:
    return datetime.date(year, 4, 1) + datetime.timedelta(days=index * 364 // max(total, 1))


def _stage1(case: dict[str, Any], route: str, timing: str | None, contacted: bool):
    received = case["received_on"]
    if route == "informal":
        return {
            "stage1_route": route,
            "stage1_responded_on": add_working_days(received, 2),
            "manager_contacted": contacted,
        }
    if route == "withdrawn":
        return {"stage1_route": route, "manager_contacted": contacted}
    days, extended = RESPONSE_DAYS[timing or "in_10"]
    return {
        "stage1_route": "formal",
        "stage1_extended": extended,
        "stage1_responded_on": add_working_days(received, days),
        "stage1_outcome": case["outcome"],
        "manager_contacted": contacted,
    }


def _in_year(day: datetime.date, year: int) -> bool:
    return datetime.date(year, 4, 1) <= day <= datetime.date(year + 1, 3, 31)


def _statutory(year: int) -> list[dict[str, Any]]:
    routes_count = seed.ROUTES[year]
    total = sum(routes_count.values())
    specials = [c for c in _special_cases() if _in_year(c["received_on"], year)]
    teams = _pool(seed.TEAMS[year], [c["team"] for c in specials])
    outcomes = _pool(seed.OUTCOMES[year], [c["outcome"] for c in specials])
    cases = specials + [
        {"ref": f"{n + 1:03d}", "received_on": _spread(year, n, total), "team": teams[n]}
        for n in range(total - len(specials))
    ]
    routes = ["formal"] * len(specials)
    routes += _pool({**routes_count, "formal": routes_count["formal"] - len(specials)}, [])
    formal = routes_count["formal"]
    contacted = seed.MANAGER_CONTACTED[year]
    timings = _pool(seed.TIMELINESS[year], [])
    contacts = _pool({"yes": contacted, "no": formal - contacted}, [])
    others = seed.MANAGER_CONTACTED_NOT_DETERMINED[year]
    contacts_others = _pool({"yes": others, "no": total - formal - others}, [])
    types = _pool(seed.COMPLAINANT_TYPES[year], [])
    categories = _pool(seed.CATEGORIES[year], [])
    rows, i = [], 0
    for n, (case, route) in enumerate(zip(cases, routes, strict=True)):
        if route == "formal":
            if "outcome" not in case:
                case["outcome"] = outcomes.pop(0)
            stage1 = _stage1(case, route, timings[i], contacts[i] == "yes")
            i += 1
        else:
            stage1 = _stage1(case, route, None, contacts_others.pop(0) == "yes")
        rows.append(_statutory_row(year, case, stage1, types[n], categories[n]))
    return _with_stage1_improvements(rows) if year == 2022 else rows


# Figure 8's stage 1 service improvements, on the first upheld or partly upheld complaint
# about each team.
STAGE1_IMPROVEMENTS = {
    "Regional Adoption Agency": "Workers must consider whether special guardians may pay "
    "higher-rate tax, as it affects their claim for child benefit.",
    "Family Contact Centre": "Disciplinary procedure for a breach of confidentiality; the "
    "importance of confidentiality reiterated at a staff briefing.",
    "Leaving Care": "More detailed housing information for young people leaving care; housing "
    "applications made by 17 and a half so post-18 accommodation is not delayed.",
    "Children in Care": "Service manager to discuss with the team ways to stop delays in "
    "obtaining identification documents.",
}


def _with_stage1_improvements(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    wanted = dict(STAGE1_IMPROVEMENTS)
    for row in rows:
        fault = row.get("stage1_outcome") in ("upheld", "partially_upheld")
        stage1_only = not row.get("stage2_requested_on")
        if fault and stage1_only and not row["service_improvement"] and row["team"] in wanted:
            row["service_improvement"] = wanted.pop(row["team"])
    return rows


def _statutory_row(year: int, case: dict[str, Any], stage1: dict, kind: str, category: str):
    extra = {k: v for k, v in case.items() if k not in ("ref", "outcome")}
    return {
        "reference": f"CSC-{year}-{case['ref']}",
        "kind": "complaint",
        "process": "statutory",
        "service": "childrens_social_care",
        "complainant_type": kind,
        "advocate": kind == "looked_after_or_care_leaver",
        "category": category,
        "summary": f"Demonstration complaint about the {case['team']} service.",
        "service_improvement": IMPROVEMENTS.get(case["ref"], ""),
        **extra,
        **stage1,
    }


def _not_logged(year: int) -> list[dict[str, Any]]:
    reasons = _pool(seed.NOT_LOGGED[year], [])
    return [
        {
            "reference": f"NL-{year}-{n + 1:03d}",
            "received_on": (day := _spread(year, n, len(reasons))),
            "kind": "complaint",
            "process": "not_logged",
            "not_logged_reason": reason,
            "explanation_sent_on": add_working_days(day, 3),
            "service": "childrens_social_care",
        }
        for n, reason in enumerate(reasons)
    ]


def _compliments(year: int) -> list[dict[str, Any]]:
    rows = []
    for service, count in seed.COMPLIMENTS[year].items():
        teams = seed.COMPLIMENT_TEAMS[service]
        for n in range(count):
            team, source = teams[n % len(teams)]
            rows.append(
                {
                    "reference": f"CMP-{year}-{service[:3].upper()}-{n + 1:03d}",
                    "received_on": _spread(year, n, count),
                    "kind": "compliment",
                    "service": service,
                    "team": team,
                    "complainant_type": source,
                    "summary": "Demonstration compliment: thanks for the support given.",
                }
            )
    return rows


def corporate_complaint(
    reference: str,
    received: datetime.date,
    service: str,
    team: str,
    responded: datetime.date,
    fault: bool,
) -> dict[str, Any]:
    """A corporate (non-statutory) complaint by a parent, answered formally at stage 1:
    the register row both the seeded years and the years to today are made of."""
    return {
        "reference": reference,
        "received_on": received,
        "kind": "complaint",
        "process": "corporate",
        "service": service,
        "team": team,
        "complainant_type": "parent_or_guardian",
        "stage1_route": "formal",
        "stage1_responded_on": responded,
        "stage1_outcome": "partially_upheld" if fault else "not_upheld",
    }


def _corporate_row(year: int, service: str, team: str, n: int, fault: bool, escalated: bool):
    received = _spread(year, n * 7, 180)
    responded = add_working_days(received, 15)
    reference = f"CORP-{year}-{service[:3].upper()}-{n + 1:03d}"
    row = corporate_complaint(reference, received, service, team, responded, fault)
    if escalated:
        row.update(_stage2(str(add_working_days(responded, 10)), 30, "not_upheld"))
    return row


def _corporate(year: int) -> list[dict[str, Any]]:
    rows = []
    for service, teams in seed.CORPORATE[year].items():
        n = 0
        for team, (received, fault, escalated) in teams.items():
            for i in range(received):
                rows.append(_corporate_row(year, service, team, n, i < fault, i < escalated))
                n += 1
    if year == 2021:
        sen = [row for row in rows if row["team"] == "SEN"]
        for row, (reference, referred, decided) in zip(sen, seed.CORPORATE_OMBUDSMAN, strict=False):
            row.update(
                ombudsman_referred_on=D(referred),
                ombudsman_decided_on=D(decided),
                ombudsman_outcome="fault",
                ombudsman_reference=reference,
            )
    return rows


def demo_rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for year in (2021, 2022):
        rows += _statutory(year) + _not_logged(year) + _compliments(year) + _corporate(year)
    return rows


@transaction.atomic
def load_complaints_demo(council: Council) -> None:
    """Peterborough's 2021-22 and 2022-23 complaints; safe to run twice."""
    existing = set(council.representations.values_list("reference", flat=True))
    for row in demo_rows():
        if row["reference"] in existing:
            continue
        if row["kind"] == "compliment":
            services.record_compliment(DEMO, council, row)
        else:
            services.record_representation(DEMO, council, row)
    for year, text in seed.REPORT_NOTES:
        services.note_on_report(DEMO, council, year, text)
