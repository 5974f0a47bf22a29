"""Each KPI of formats/kpis.md as a rule: which rows are its denominator and numerator.

The precise rules of kpis.md decide the boundaries: "within N working days" is
<= N; "within N days before R" is 0 <= R - d <= N; an end before its start is
0 working days; open at R means the end or ceased date is blank.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from improvement.annex_a.compute import (
    Context,
    Outcome,
    has_match,
    icpc_before_s47_start,
    summarise,
    valid,
)
from improvement.annex_a.parse import BAD, Table, to_date
from improvement.annex_a.schema import DATE, LISTS, YES


def _all(table: Table) -> np.ndarray:
    return np.ones(len(table), dtype=bool)


def _before(r: int, days: np.ndarray, most: int) -> np.ndarray:
    """0 <= R - d <= most, for dates that are present."""
    return valid(days) & (r - days >= 0) & (r - days <= most)


def contacts_to_referral(c: Context) -> Outcome:
    contacts, referrals = c[1], c[3]
    num = has_match(
        contacts["child_id"],
        contacts["contact_date"],
        referrals["child_id"],
        referrals["referral_date"],
        0,
        30,
    )
    return Outcome(contacts, _all(contacts), num, contacts["contact_date"])


def referral_nfa(c: Context) -> Outcome:
    t = c[3]
    return Outcome(t, _all(t), t["nfa"], t["referral_date"])


def rereferral(c: Context) -> Outcome:
    t = c[3]
    earlier = has_match(
        t["child_id"], t["referral_date"], t["child_id"], t["referral_date"], -365, -1
    )
    return Outcome(t, _all(t), (t["previous_12m"] >= 1) | earlier, t["referral_date"])


def assessments_within_45(c: Context) -> Outcome:
    t = c[4]
    done = valid(t["authorised"])
    num = done & (c.working_days(t["start"], t["authorised"]) <= 45)
    return Outcome(t, done, num, t["authorised"])


def assessments_open_over_45(c: Context) -> Outcome:
    t = c[4]
    open_ = ~valid(t["authorised"])
    return Outcome(t, open_, open_ & (c.working_days(t["start"], c.r) > 45))


def assessment_child_seen(c: Context) -> Outcome:
    t = c[4]
    return Outcome(t, _all(t), t["seen"], t["start"])


def s47_to_icpc(c: Context) -> Outcome:
    t = c[5]
    return Outcome(t, _all(t), valid(t["icpc_date"]), t["s47_start"])


def icpc_within_15(c: Context) -> Outcome:
    t = c[5]
    den = valid(t["icpc_date"]) & (t["icpc_date"] >= t["s47_start"])
    num = den & (c.working_days(t["s47_start"], t["icpc_date"]) <= 15)
    return Outcome(t, den, num, t["icpc_date"])


def icpc_to_cpp(c: Context) -> Outcome:
    t = c[5]
    return Outcome(t, valid(t["icpc_date"]), t["icpc_cpp"], t["icpc_date"])


def cp_visits(c: Context) -> Outcome:
    t = c[7]
    den = ~valid(t["end"])
    visit = t["last_visit"]
    num = den & valid(visit) & (c.working_days(visit, c.r) <= 10)
    return Outcome(t, den, num)


def cp_reviews(c: Context) -> Outcome:
    t = c[7]
    den = ~valid(t["end"])
    reviewed = valid(t["last_review"])
    in_time = np.where(reviewed, _before(c.r, t["last_review"], 183), _before(c.r, t["start"], 92))
    return Outcome(t, den, den & in_time)


def repeat_cpp(c: Context) -> Outcome:
    t = c[7]
    return Outcome(t, _before(c.r, t["start"], 365), t["previous_plans"] >= 1, t["start"])


def cla_placements(c: Context) -> Outcome:
    t = c[8]
    return Outcome(t, ~valid(t["ceased"]), t["placements_12m"] >= 3)


def under_five(c: Context, t: Table) -> np.ndarray:
    """Fewer than 5 completed years at R (5 on the fifth birthday); else Age of Child."""
    dob = t["dob"]
    born = valid(dob)
    dates = np.where(born, dob, 0).astype("datetime64[D]")
    months = dates.astype("datetime64[M]")
    years = dates.astype("datetime64[Y]").astype(np.int64) + 1970
    month = months.astype(np.int64) % 12 + 1
    day = (dates - months.astype("datetime64[D]")).astype(np.int64) + 1
    ref = c.reference
    not_yet = (month > ref.month) | ((month == ref.month) & (day > ref.day))
    completed = ref.year - years - not_yet
    by_age = (t["age"] >= 0) & (t["age"] < 5)
    return np.where(born, completed < 5, by_age)


def cla_health(c: Context) -> Outcome:
    t = c[8]
    den = ~valid(t["ceased"]) & valid(t["start"]) & (c.r - t["start"] >= 28)
    limit = np.where(under_five(c, t), 183, 365)
    health = t["last_health"]
    num = den & valid(health) & (c.r - health >= 0) & (c.r - health <= limit)
    return Outcome(t, den, num)


def care_leavers_in_touch(c: Context) -> Outcome:
    t = c[9]
    return Outcome(t, _all(t), t["in_touch"])


@dataclass(frozen=True)
class Kpi:
    key: str
    label: str
    list_number: int
    rule: Callable[[Context], Outcome]
    shown: tuple[str, ...]
    polarity: str = "higher"
    count: bool = False
    also_needs: tuple[int, ...] = ()  # lists other than list_number the rule reads

    @property
    def sources(self) -> frozenset[int]:
        return frozenset((self.list_number, *self.also_needs))


KPIS: tuple[Kpi, ...] = (
    Kpi("contacts_to_referral_pct", "Contacts leading to a referral within 30 days", 1,
        contacts_to_referral, ("contact_date",), also_needs=(3,)),
    Kpi("referral_nfa_pct", "Referrals with no further action", 3, referral_nfa,
        ("referral_date", "nfa"), "lower"),
    Kpi("rereferral_12m_pct", "Re-referrals within 12 months", 3, rereferral,
        ("referral_date", "previous_12m"), "lower"),
    Kpi("assessments_within_45wd_pct", "Assessments authorised within 45 working days", 4,
        assessments_within_45, ("start", "authorised")),
    Kpi("assessments_open_over_45wd", "Open assessments over 45 working days", 4,
        assessments_open_over_45, ("start",), "lower", True),
    Kpi("assessment_child_seen_pct", "Assessments where the child was seen", 4,
        assessment_child_seen, ("start", "seen")),
    Kpi("s47_to_icpc_pct", "Section 47 enquiries leading to an ICPC", 5, s47_to_icpc,
        ("s47_start", "icpc_date")),
    Kpi("icpc_within_15wd_pct", "ICPCs within 15 working days of the strategy discussion", 5,
        icpc_within_15, ("s47_start", "icpc_date")),
    Kpi("icpc_to_cpp_pct", "ICPCs resulting in a child protection plan", 5, icpc_to_cpp,
        ("icpc_date", "icpc_cpp")),
    Kpi("cp_visits_within_10wd_pct", "Child protection visits within 10 working days", 7,
        cp_visits, ("start", "last_visit")),
    Kpi("cp_reviews_in_time_pct", "Child protection reviews in time", 7, cp_reviews,
        ("start", "last_review")),
    Kpi("repeat_cpp_pct", "Repeat child protection plans", 7, repeat_cpp,
        ("start", "previous_plans"), "lower"),
    Kpi("cla_3plus_placements_pct", "Children looked after with 3 or more placements", 8,
        cla_placements, ("start", "placements_12m"), "lower"),
    Kpi("cla_health_assessment_in_time_pct", "Children looked after with a health assessment "
        "in time", 8, cla_health, ("dob", "age", "start", "last_health")),
    Kpi("care_leavers_in_touch_pct", "Care leavers in touch", 9, care_leavers_in_touch,
        ("in_touch",)),
)  # fmt: skip
BY_KEY = {kpi.key: kpi for kpi in KPIS}


def compute_all(tables: dict[int, Table], reference: datetime.date) -> dict[str, dict]:
    """Every KPI of kpis.md, in its order."""
    context = Context(tables, reference)
    return {
        kpi.key: {"label": kpi.label, **summarise(kpi.rule(context), kpi.count)} for kpi in KPIS
    }


def drill_down(
    key: str, tables: dict[int, Table], reference: datetime.date
) -> list[dict[str, Any]]:
    """The denominator rows behind one KPI, each marked in or out of the numerator."""
    kpi = BY_KEY[key]
    outcome = kpi.rule(Context(tables, reference))
    table, rows = outcome.table, []
    spec = LISTS[table.number]
    hits = outcome.num & outcome.den
    for i in np.flatnonzero(outcome.den):
        values = [_shown(spec.column(name).kind, table[name][i]) for name in kpi.shown]
        rows.append(
            {"row": int(table["row"][i]), "child_id": str(table["child_id"][i]),
             "values": values, "counted": bool(hits[i])}
        )  # fmt: skip
    return rows


def _shown(kind: str, value: Any) -> str:
    if kind == YES:
        return "Yes" if value else "No"
    if kind == DATE:
        return to_date(value).strftime("%d/%m/%Y") if value > BAD else ""
    return str(int(value)) if value >= 0 else ""


__all__ = ["KPIS", "compute_all", "drill_down", "icpc_before_s47_start"]
