"""The annual report laid out as the seed's report is: sections of tables and charts, with
the previous year beside each figure. Pages, PDF and Word all draw from this."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from improvement.complaints import models as m
from improvement.complaints.figures import pct
from improvement.complaints.years import year_label
from improvement.documents.charts import BarChart as Chart

OUTCOME_ROWS = [
    ("upheld", "Upheld"),
    ("partially_upheld", "Partially upheld"),
    ("not_upheld", "Not upheld"),
]


def show(value: Any) -> str:
    """A figure for display: a percentage with its numerator and denominator."""
    if value is None:
        return "–"
    if hasattr(value, "den"):
        return f"{value:.1f}% ({value.num} of {value.den})"
    return str(value)


def whole(value: Any) -> str:
    """A percentage to the whole number, rounded half away from zero on the exact fraction,
    with its numerator and denominator: "56% (27 of 48)". The report gives shares of
    complaints so, as councils' statutory reports do, and rates of fault to one decimal."""
    if value is None:
        return "–"
    exact = Decimal(value.num * 100) / Decimal(value.den)
    return f"{exact.quantize(Decimal(1), ROUND_HALF_UP)}% ({value.num} of {value.den})"


def tenth(value: Any) -> str:
    return "–" if value is None else f"{value:.1f}% ({value.num} of {value.den})"


@dataclass
class Table:
    caption: str
    head: list[str]
    rows: list[list[str]]


@dataclass
class Section:
    heading: str
    tables: list[Table] = field(default_factory=list)
    chart: Chart | None = None
    note: str = ""
    chart_html: str = ""
    paragraphs: list[str] = field(default_factory=list)


def _pair_table(caption: str, rows: list[tuple[str, Any, Any]], years: tuple[str, str]) -> Table:
    return Table(
        caption,
        ["", years[0], years[1]],
        [[label, show(last), show(this)] for label, last, this in rows],
    )


def _keyed_rows(this: dict, last: dict, labels: dict[str, str]) -> list[tuple[str, Any, Any]]:
    keys = [key for key in labels if key in this or key in last]
    keys += [key for key in list(last) + list(this) if key not in keys and key != "total"]
    rows = [
        (labels.get(key, key), last.get(key, 0), this.get(key, 0)) for key in dict.fromkeys(keys)
    ]
    if "total" in this:
        rows.append(("Total", last.get("total", 0), this["total"]))
    return rows


def _chart(title: str, rows: list[tuple[str, Any, Any]], years: tuple[str, str]) -> Chart:
    return Chart(
        title,
        [r[0] for r in rows],
        [int(r[2] or 0) for r in rows],
        [int(r[1] or 0) for r in rows],
        years[1],
        years[0],
    )


def _stage_sections(this: dict, last: dict, years: tuple[str, str], extra: dict) -> list[Section]:
    s1, p1 = this["stage1"], last["stage1"]
    routes = [
        ("Informal", p1["informal"], s1["informal"]),
        ("Formal", p1["formal"], s1["formal"]),
        ("Withdrawn or frozen", p1["withdrawn"], s1["withdrawn"]),
    ]
    outcomes = [("Complaints determined at stage 1", p1["determined"], s1["determined"])]
    outcomes += [(label, p1[key], s1[key]) for key, label in OUTCOME_ROWS]
    outcomes += [("Fault found", p1["fault_found_pct"], s1["fault_found_pct"])]
    escalation = [
        (
            "Team manager contacted the complainant",
            p1["manager_contacted_pct"],
            s1["manager_contacted_pct"],
        ),
        ("Responded within 10 working days", p1["within_10_wd_pct"], s1["within_10_wd_pct"]),
        (
            "Responded within the permitted time",
            p1["within_permitted_pct"],
            s1["within_permitted_pct"],
        ),
        (
            "Escalated to stage 2",
            last["escalated_to_stage2"]["pct"],
            this["escalated_to_stage2"]["pct"],
        ),
    ]
    return [
        Section(
            "Accepted complaints",
            [_pair_table("Figure 2 – Accepted complaints by route", routes, years)],
            _chart("Accepted complaints by route", routes, years),
            f"{this['accepted']} complaints accepted under the statutory process "
            f"({last['accepted']} the year before).",
        ),
        Section(
            "Stage 1 complaints by team",
            [
                _pair_table(
                    "Figure 3 – Stage 1 complaints by team",
                    _keyed_rows(this["by_team"], last["by_team"], {}),
                    years,
                )
            ],
            _chart(
                "Stage 1 complaints by team",
                _keyed_rows(this["by_team"], last["by_team"], {}),
                years,
            ),
        ),
        Section(
            "Stage 1 outcomes",
            [_pair_table("Figure 4 – Stage 1 outcomes", outcomes, years)],
            _chart("Stage 1 outcomes", outcomes[1:4], years),
            f"Fault was found in {tenth(s1['fault_found_pct'])} of the complaints determined "
            f"at stage 1 in {years[1]}, against {tenth(p1['fault_found_pct'])} in {years[0]}.",
        ),
        Section(
            "Complaint escalations",
            [
                _pair_table(
                    "Timeliness, contact and escalation (of complaints determined)",
                    escalation,
                    years,
                )
            ],
            paragraphs=_escalation_text(this, extra, years),
        ),
    ]


def _escalation_text(this: dict, extra: dict, years: tuple[str, str]) -> list[str]:
    s1, escalated = this["stage1"], this["escalated_to_stage2"]
    contacted_before, contacted = extra.get("contacted", (None, None))
    of_accepted = pct(escalated["count"], this["accepted"])
    return [
        f"The team manager contacted the complainant in {whole(contacted)} of the complaints "
        f"accepted in {years[1]}, against {whole(contacted_before)} in {years[0]}.",
        f"{whole(s1['within_permitted_pct'])} of the stage 1 responses were sent within the "
        f"permitted maximum timescale, and {tenth(s1['within_10_wd_pct'])} within the "
        "standard timescale of 10 working days.",
        f"The escalation rate to stage 2 was {whole(escalated['pct'])}, of the complaints "
        f"determined at stage 1 ({escalated['count']} cases); of all {this['accepted']} "
        f"complaints accepted it is {whole(of_accepted)}.",
    ]


def _stage2_section(this: dict, last: dict, cases: dict, years: tuple[str, str]) -> Section:
    s2, p2 = this["stage2"], last["stage2"]
    keys = [
        ("commenced", "Investigations commenced"),
        ("commenced_from_earlier_years", "of which received in an earlier year"),
        ("completed", "Investigations completed"),
        *OUTCOME_ROWS,
        ("within_25_wd_pct", "Completed within 25 working days"),
        ("within_65_wd_pct", "Completed within 65 working days"),
    ]
    rows = [
        [str(n), rep.team, rep.get_stage2_outcome_display(), _further(rep)]
        for n, rep in enumerate(cases["stage2_completed"], start=1)
    ]
    return Section(
        "Stage 2 investigations",
        [
            _pair_table(
                "Stage 2 investigations", [(label, p2[k], s2[k]) for k, label in keys], years
            ),
            Table(
                "Figure 5 – Stage 2 outcomes",
                ["Case", "Team", "Stage 2 outcome", "Escalated further"],
                rows,
            ),
        ],
    )


def _further(rep: Any) -> str:
    if rep.stage3_requested_on and rep.ombudsman_referred_on:
        return "Stage 3 panel then LGSCO"
    if rep.stage3_requested_on:
        return "Stage 3 panel"
    return "LGSCO" if rep.ombudsman_referred_on else "No"


def _stage3_sections(this: dict, last: dict, cases: dict, years: tuple[str, str]) -> list[Section]:
    s3, p3 = this["stage3"], last["stage3"]
    keys = [
        ("panels", "Panels held"),
        *OUTCOME_ROWS,
        ("within_30_wd_pct", "Held within 30 working days of the request"),
    ]
    rows = [
        [
            str(n),
            rep.team,
            rep.get_stage3_outcome_display(),
            "Yes (to LGSCO)" if rep.ombudsman_referred_on else "No",
        ]
        for n, rep in enumerate(cases["stage3_panels"], start=1)
    ]
    om, po = this["ombudsman"], last["ombudsman"]
    om_keys = [
        ("decisions", "Decisions"),
        ("fault", "Fault found"),
        ("no_fault", "No fault"),
        ("not_investigated", "Not investigated"),
    ]
    return [
        Section(
            "Stage 3 panels",
            [
                _pair_table("Stage 3 panels", [(label, p3[k], s3[k]) for k, label in keys], years),
                Table(
                    "Figure 6 – Stage 3 panel outcomes",
                    ["Case", "Team", "Stage 3 outcome", "Escalated further"],
                    rows,
                ),
            ],
        ),
        Section(
            "Local Government and Social Care Ombudsman",
            [
                _pair_table(
                    "Ombudsman decisions", [(label, po[k], om[k]) for k, label in om_keys], years
                ),
            ],
        ),
    ]


def _people_sections(this: dict, last: dict, cases: dict, years: tuple[str, str]) -> list[Section]:
    labels = dict(m.ComplainantType.choices)
    who = _keyed_rows(this["by_complainant_type"], last["by_complainant_type"], labels)
    who.append(("Total", last["accepted"], this["accepted"]))
    improvements = [
        [f"Stage {rep.improvement_stage}", rep.team, rep.service_improvement]
        for rep in cases["improvements"]
    ]
    young = "looked_after_or_care_leaver"
    young_now = pct(this["by_complainant_type"].get(young, 0), this["accepted"])
    young_before = pct(last["by_complainant_type"].get(young, 0), last["accepted"])
    categories = _keyed_rows(this["by_category"], last["by_category"], {})
    return [
        Section(
            "Who is making complaints",
            [_pair_table("Figure 7 – Who is making complaints", who, years)],
            _chart("Who is making complaints", who[:-1], years),
            f"{whole(young_now)} of the complaints accepted in {years[1]} were from looked "
            f"after children or young people leaving care, against {whole(young_before)} in "
            f"{years[0]}.",
        ),
        Section(
            "Service improvements",
            [
                Table(
                    "Figure 8 – Service improvements identified, by stage",
                    ["Stage", "Team", "Service improvement"],
                    improvements,
                )
            ],
        ),
        Section(
            "Complaint categories",
            [_pair_table("Figure 9 – Complaints logged by category", categories, years)],
            _chart("Complaints logged by category", categories, years),
        ),
    ]


def _corporate_table(caption: str, this: dict, last: dict) -> Table:
    rows = [
        [team, str(row["received"]), str(row["fault"]), str(row["escalated"])]
        for team, row in this.items()
        if team != "total"
    ]
    total = this.get("total", {"received": 0, "fault": 0, "escalated": 0})
    rows.append(["Total", str(total["received"]), str(total["fault"]), str(total["escalated"])])
    previous = last.get("total", {}).get("received", 0)
    rows.append(["Received the year before", str(previous), "", ""])
    return Table(
        caption, ["Team", "Number received", "Fault identified", "Escalated to stage 2"], rows
    )


def _other_sections(this: dict, last: dict, years: tuple[str, str]) -> list[Section]:
    c, pc = this["compliments"], last["compliments"]
    compliments = [
        ("Children's social care", pc["childrens_social_care"], c["childrens_social_care"]),
        ("Education", pc["education"], c["education"]),
    ]
    corp, pcorp = this["corporate"], last["corporate"]
    closed = this["stage1_closed"], last["stage1_closed"]
    closed_rows = [
        (label, closed[1][k], closed[0][k])
        for k, label in [
            ("determined", "Determined"),
            *OUTCOME_ROWS,
            ("within_10_wd_pct", "Within 10 working days"),
            ("within_permitted_pct", "Within the permitted time"),
        ]
    ]
    return [
        Section("Compliments", [_pair_table("Compliments recorded", compliments, years)]),
        Section(
            "Corporate complaints for children's services",
            [
                _corporate_table(
                    "Figure 12 – Children's social care complaints following the corporate process",
                    corp.get("childrens_social_care", {}),
                    pcorp.get("childrens_social_care", {}),
                ),
                _corporate_table(
                    "Figure 13 – Education complaints following the corporate process",
                    corp.get("education", {}),
                    pcorp.get("education", {}),
                ),
            ],
        ),
        Section(
            "Stage 1 complaints answered in the year",
            [_pair_table("Stage 1 responses sent in the year", closed_rows, years)],
        ),
    ]


def report_layout(
    council: Any,
    year: int,
    this: dict,
    last: dict,
    cases: dict[str, list[Any]],
    extra: dict | None = None,
) -> dict[str, Any]:
    """The report's title, figures and sections for the year and the year before, from
    figures already counted (`figures.annual_figures` and `figures.stage_cases`); `extra`
    holds the share of accepted complaints with a manager's contact, each year, and the
    council's notes on the report."""
    extra = extra or {}
    notes = extra.get("notes") or []
    years = (year_label(year - 1), year_label(year))
    not_logged = _keyed_rows(
        this["not_logged"], last["not_logged"], dict(m.NotLoggedReason.choices)
    )
    sections = [
        *([Section("Notes on the figures", paragraphs=list(notes))] if notes else []),
        Section(
            "Ineligible complaints",
            [
                _pair_table(
                    "Figure 1 – Complaints not logged under the statutory process",
                    not_logged,
                    years,
                )
            ],
        ),
        *_stage_sections(this, last, years, extra),
        _stage2_section(this, last, cases, years),
        *_stage3_sections(this, last, cases, years),
        *_people_sections(this, last, cases, years),
        *_other_sections(this, last, years),
    ]
    return {
        "council": council,
        "year": year,
        "title": f"Annual children's services complaints report {years[1]}",
        "years": years,
        "figures": this,
        "sections": sections,
    }


def experience_text(figures: dict[str, Any], year: int) -> list[str]:
    """What complaints and compliments say of children's and families' experience in a
    financial year, from its figures. Figures only, no case details."""
    stage1 = figures["stage1"]
    fault = stage1.get("fault_found_pct")
    lines = [f"{figures['accepted']} statutory complaints accepted in {year_label(year)}"]
    if fault is not None:
        lines.append(
            f"Fault found in {fault:.1f}% ({fault.num} of {fault.den}) of those determined "
            "at stage 1"
        )
    compliments = figures["compliments"]
    lines.append(
        f"{compliments.get('childrens_social_care', 0)} compliments for children's social "
        f"care and {compliments.get('education', 0)} for education teams"
    )
    return lines
