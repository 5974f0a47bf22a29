"""The annual report's figures, computed only from case records, keyed exactly as the
JSON in formats/complaints-register.md, for the financial year from 1 April `year`.

Because every figure is counted from the same records, totals always equal the sum of
their parts, unlike a report typed up by hand.
"""

from collections import Counter
from decimal import Decimal
from typing import Any

from django.db.models import Q

from improvement.complaints.clock import (
    STAGE1_DAYS,
    STAGE2_DAYS,
    STAGE2_EXTENDED_DAYS,
    STAGE3_PANEL_DAYS,
    stage1_allowed,
    within,
)
from improvement.complaints.years import year_bounds, year_label
from improvement.core.numbers import percentage

OUTCOMES = ("upheld", "partially_upheld", "not_upheld")
FAULT = ("upheld", "partially_upheld")
SERVICES = ("childrens_social_care", "education")


class Pct(float):
    """A percentage that keeps its numerator and denominator, so pages and documents can
    show them beside it; it is written to JSON as the plain number."""

    num: int
    den: int

    def __new__(cls, value: Decimal, num: int, den: int) -> "Pct":
        made = super().__new__(cls, value)
        made.num, made.den = num, den
        return made


def pct(numerator: int, denominator: int) -> Pct | None:
    value: Decimal | None = percentage(numerator, denominator)
    return None if value is None else Pct(value, int(numerator), denominator)


def _count_by(reps: list[Any], field: str) -> dict[str, int]:
    counts = Counter(getattr(rep, field) for rep in reps if getattr(rep, field))
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _outcomes(reps: list[Any], field: str) -> dict[str, int]:
    return {outcome: sum(getattr(rep, field) == outcome for rep in reps) for outcome in OUTCOMES}


def _determined(reps: list[Any]) -> list[Any]:
    return [rep for rep in reps if rep.stage1_route == "formal" and rep.stage1_outcome]


def _timeliness(determined: list[Any]) -> dict[str, Any]:
    in_10 = sum(within(r.received_on, r.stage1_responded_on, STAGE1_DAYS) for r in determined)
    permitted = sum(
        within(r.received_on, r.stage1_responded_on, stage1_allowed("formal", r.stage1_extended))
        for r in determined
    )
    return {
        "within_10_wd_pct": pct(in_10, len(determined)),
        "within_permitted_pct": pct(permitted, len(determined)),
    }


def _not_logged(reps: list[Any]) -> dict[str, int]:
    counts = _count_by(reps, "not_logged_reason")
    return {**counts, "total": len(reps)}


def _stage1(accepted: list[Any]) -> dict[str, Any]:
    determined = _determined(accepted)
    outcomes = _outcomes(determined, "stage1_outcome")
    routes = Counter(rep.stage1_route for rep in accepted)
    fault = outcomes["upheld"] + outcomes["partially_upheld"]
    return {
        "informal": routes["informal"],
        "formal": routes["formal"],
        "withdrawn": routes["withdrawn"],
        "determined": len(determined),
        **outcomes,
        "fault_found_pct": pct(fault, len(determined)),
        **_timeliness(determined),
        "manager_contacted_pct": pct(
            sum(rep.manager_contacted for rep in determined), len(determined)
        ),
    }


def _stage1_closed(closed: list[Any]) -> dict[str, Any]:
    determined = _determined(closed)
    return {
        "determined": len(determined),
        **_outcomes(determined, "stage1_outcome"),
        **_timeliness(determined),
    }


def _stage2(commenced: list[Any], completed: list[Any], year: int) -> dict[str, Any]:
    start, _ = year_bounds(year)
    return {
        "commenced": len(commenced),
        "commenced_from_earlier_years": sum(rep.received_on < start for rep in commenced),
        "completed": len(completed),
        **_outcomes(completed, "stage2_outcome"),
        "within_25_wd_pct": pct(
            sum(
                within(r.stage2_requested_on, r.stage2_completed_on, STAGE2_DAYS) for r in completed
            ),
            len(completed),
        ),
        "within_65_wd_pct": pct(
            sum(
                within(r.stage2_requested_on, r.stage2_completed_on, STAGE2_EXTENDED_DAYS)
                for r in completed
            ),
            len(completed),
        ),
    }


def _stage3(panels: list[Any]) -> dict[str, Any]:
    return {
        "panels": len(panels),
        **_outcomes(panels, "stage3_outcome"),
        "within_30_wd_pct": pct(
            sum(
                within(r.stage3_requested_on, r.stage3_panel_on, STAGE3_PANEL_DAYS) for r in panels
            ),
            len(panels),
        ),
    }


def _ombudsman(decided: list[Any]) -> dict[str, int]:
    counts = Counter(rep.ombudsman_outcome for rep in decided)
    return {
        "decisions": len(decided),
        "fault": counts["fault"],
        "no_fault": counts["no_fault"],
        "not_investigated": counts["not_investigated"],
    }


def _corporate_service(reps: list[Any]) -> dict[str, dict[str, int]]:
    teams: dict[str, dict[str, int]] = {}
    for rep in sorted(reps, key=lambda r: r.team):
        row = teams.setdefault(rep.team, {"received": 0, "fault": 0, "escalated": 0})
        row["received"] += 1
        row["fault"] += rep.stage1_outcome in FAULT
        row["escalated"] += rep.stage2_requested_on is not None
    total = {key: sum(row[key] for row in teams.values()) for key in ("received", "fault")}
    total["escalated"] = sum(row["escalated"] for row in teams.values())
    return {**teams, "total": total}


def _corporate(reps: list[Any]) -> dict[str, Any]:
    return {
        service: _corporate_service([rep for rep in reps if rep.service == service])
        for service in SERVICES
        if any(rep.service == service for rep in reps)
    }


def _compliments(reps: list[Any]) -> dict[str, int]:
    return {service: sum(rep.service == service for rep in reps) for service in SERVICES}


def annual_figures(council: Any, year: int) -> dict[str, Any]:
    """The figures for the year from 1 April `year`, as the format file's JSON."""
    reps = council.representations
    statutory = reps.statutory()
    accepted = list(statutory.dated_in("received_on", year))
    determined = _determined(accepted)
    escalated = [rep for rep in determined if rep.stage2_requested_on]
    return {
        "council": council.slug,
        "year": year_label(year),
        "not_logged": _not_logged(list(reps.not_logged().dated_in("received_on", year))),
        "accepted": len(accepted),
        "by_complainant_type": _count_by(accepted, "complainant_type"),
        "by_team": _count_by(accepted, "team"),
        "by_category": _count_by(accepted, "category"),
        "stage1": _stage1(accepted),
        "escalated_to_stage2": {
            "count": len(escalated),
            "pct": pct(len(escalated), len(determined)),
        },
        "stage2": _stage2(
            list(statutory.dated_in("stage2_requested_on", year)),
            list(statutory.dated_in("stage2_completed_on", year)),
            year,
        ),
        "stage1_closed": _stage1_closed(list(statutory.dated_in("stage1_responded_on", year))),
        "stage3": _stage3(list(statutory.dated_in("stage3_panel_on", year))),
        "ombudsman": _ombudsman(list(statutory.dated_in("ombudsman_decided_on", year))),
        "compliments": _compliments(list(reps.compliments().dated_in("received_on", year))),
        "corporate": _corporate(list(reps.corporate().dated_in("received_on", year))),
    }


DECISION_PROCESSES = ("statutory", "non_statutory")
YOUNG_COMPLAINANTS = (
    "child_not_looked_after",
    "looked_after_or_care_leaver",
    "looked_after_now_adult",
)


def stage_cases(council: Any, year: int) -> dict[str, Any]:
    """The records the report lists: the cases behind its case tables (seed figures 5,
    6 and 8), the corporate complaints' improvements, the Ombudsman's decisions and the
    examples chosen for the report."""
    statutory = council.representations.statutory()
    corporate = improvements_in(council, year, "corporate")
    decisions = council.ombudsman_decisions.decided_in(year)
    return {
        "stage2_completed": list(
            statutory.dated_in("stage2_completed_on", year).order_by("stage2_completed_on")
        ),
        "stage3_panels": list(
            statutory.dated_in("stage3_panel_on", year).order_by("stage3_panel_on")
        ),
        "improvements": improvements_in(council, year),
        "corporate_improvements": {
            service: [rep for rep in corporate if rep.service == service] for service in SERVICES
        },
        "decisions": {
            process: list(decisions.filter(process=process)) for process in DECISION_PROCESSES
        },
        "examples": _examples(council, year),
    }


def _examples(council: Any, year: int) -> dict[str, list[Any]]:
    """The cases chosen as the report's examples: statutory complaints, and compliments
    by service."""
    chosen = list(council.representations.chosen_for_report(year))
    examples = {"complaints": [rep for rep in chosen if rep.kind == "complaint"]}
    for service in SERVICES:
        examples[service] = [
            rep for rep in chosen if rep.kind == "compliment" and rep.service == service
        ]
    return examples


def advocacy(council: Any, year: int) -> tuple[int, int]:
    """Of the statutory complaints accepted in the year from children and young people
    (in care, leaving care or not, or now adult), how many an advocate supported, and
    how many there were."""
    young = council.representations.statutory().dated_in("received_on", year)
    young = young.filter(complainant_type__in=YOUNG_COMPLAINANTS)
    return young.filter(advocate=True).count(), young.count()


ENDED = (("stage3_panel_on", 3), ("stage2_completed_on", 2), ("stage1_responded_on", 1))


def improvement_stage(rep: Any, year: int) -> int:
    """The stage whose end in the year identified a complaint's service improvement: the
    furthest one the complaint ended in the year (a panel, an investigation, a response)."""
    start, end = year_bounds(year)
    for field, stage in ENDED:
        day = getattr(rep, field)
        if day is not None and start <= day <= end:
            return stage
    return 1


def improvements_in(council: Any, year: int, process: str = "statutory") -> list[Any]:
    """Complaints of a process with a service improvement whose stage 1, 2 or 3 ended in
    the year, by stage (the seed's figure 8 lists stage 1, then 2, then 3), then as
    received."""
    start, end = year_bounds(year)
    ended = Q()
    for field, _ in ENDED:
        ended |= Q(**{f"{field}__gte": start, f"{field}__lte": end})
    reps = (
        council.representations.complaints()
        .filter(process=process)
        .exclude(service_improvement="")
        .filter(ended)
    )
    found = list(reps.order_by("received_on", "reference"))
    for rep in found:
        rep.improvement_stage = improvement_stage(rep, year)
    return sorted(found, key=lambda rep: rep.improvement_stage)


def contacted_of_accepted(council: Any, year: int) -> Pct | None:
    """Of the statutory complaints received in the year, those whose team manager
    contacted the complainant, however the complaint was then answered."""
    accepted = council.representations.statutory().dated_in("received_on", year)
    return pct(accepted.filter(manager_contacted=True).count(), accepted.count())
