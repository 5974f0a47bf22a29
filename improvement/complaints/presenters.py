"""The annual report laid out as the seed's report is: sections of tables and charts, with
the previous year beside each figure. Pages, PDF and Word all draw from this."""

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from improvement.complaints import models as m
from improvement.complaints import statutory
from improvement.complaints.figures import pct
from improvement.complaints.years import year_label
from improvement.core.text import plural as counted
from improvement.documents.charts import BarChart as Chart

OUTCOME_ROWS = [
    ("upheld", "Upheld"),
    ("partially_upheld", "Partially upheld"),
    ("not_upheld", "Not upheld"),
]


def none_recorded(what: str, years: tuple[str, str], before: str = "") -> str:
    """What a section with nothing in the year says instead of a table of zeros it does
    not hold: "No stage 3 panels recorded for 2023-24 (2 panels in 2022-23)."."""
    said = f"No {what} recorded for {years[1]}"
    return f"{said} ({before} in {years[0]})." if before else f"{said}."


def year_before(count: int, years: tuple[str, str]) -> str:
    """The year before's count beside this year's, or that it holds none: never a
    zero for a year with no records."""
    return f"{count} in {years[0]}" if count else f"none recorded for {years[0]}"


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
    bullets: list[str] = field(default_factory=list)


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


def _intro_sections(council: Any, context: dict) -> list[Section]:
    """The introduction and the statutory procedure, in the law's words (`statutory`)."""
    return [
        Section(
            "Introduction",
            paragraphs=statutory.introduction(council.name, context.get("committee", "")),
        ),
        Section(
            "The statutory children's social care complaints procedure",
            paragraphs=[
                *statutory.procedure(),
                statutory.advocacy(context.get("advocacy_provider", "")),
                "The statutory procedure defines who may complain:",
            ],
            bullets=list(statutory.WHO_MAY_COMPLAIN),
        ),
        Section(
            "The three stages",
            paragraphs=[
                "There are three stages to the statutory complaints procedure. "
                + statutory.AFTER_STAGES
            ],
            bullets=list(statutory.STAGES),
        ),
    ]


def _figure(section: Section, has_data: bool, empty: str) -> Section:
    """A section with nothing in the year says so, and prints no table or chart of zeros."""
    if has_data:
        return section
    return Section(section.heading, paragraphs=[empty])


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
    accepted, before = this["accepted"], last["accepted"]
    no_complaints = none_recorded(
        "complaints", years, counted(before, "complaint") if before else ""
    )
    by_team = _keyed_rows(this["by_team"], last["by_team"], {})
    no_determined = none_recorded(
        "complaints determined at stage 1", years, str(p1["determined"]) if p1["determined"] else ""
    )
    return [
        _figure(
            Section(
                "Accepted complaints",
                [_pair_table("Accepted complaints by route", routes, years)],
                _chart("Accepted complaints by route", routes, years),
                f"{counted(accepted, 'complaint')} accepted under the statutory process "
                f"({year_before(before, years)}).",
            ),
            accepted > 0,
            no_complaints,
        ),
        _figure(
            Section(
                "Stage 1 complaints by team",
                [_pair_table("Stage 1 complaints by team", by_team, years)],
                _chart("Stage 1 complaints by team", by_team, years),
            ),
            accepted > 0,
            no_complaints,
        ),
        _figure(
            Section(
                "Stage 1 outcomes",
                [_pair_table("Stage 1 outcomes", outcomes, years)],
                _chart("Stage 1 outcomes", outcomes[1:4], years),
                f"Fault was found in {tenth(s1['fault_found_pct'])} of the complaints "
                f"determined at stage 1 in {years[1]}, against {tenth(p1['fault_found_pct'])} "
                f"in {years[0]}.",
            ),
            s1["determined"] > 0,
            no_determined,
        ),
        _figure(
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
            s1["determined"] > 0,
            no_determined,
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
        f"determined at stage 1 ({counted(escalated['count'], 'case')}); of all "
        f"{counted(this['accepted'], 'complaint')} accepted it is {whole(of_accepted)}.",
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
    return _figure(
        Section(
            "Stage 2 investigations",
            [
                _pair_table(
                    "Stage 2 investigations", [(label, p2[k], s2[k]) for k, label in keys], years
                ),
                Table(
                    "Stage 2 outcomes",
                    ["Case", "Team", "Stage 2 outcome", "Escalated further"],
                    rows,
                ),
            ],
        ),
        s2["commenced"] + s2["completed"] > 0,
        none_recorded(
            "stage 2 investigations",
            years,
            _stage2_before(p2),
        ),
    )


def _stage2_before(p2: dict) -> str:
    if p2["completed"]:
        return counted(p2["completed"], "investigation") + " completed"
    if p2["commenced"]:
        return counted(p2["commenced"], "investigation") + " commenced"
    return ""


def _further(rep: Any) -> str:
    if rep.stage3_requested_on and rep.ombudsman_referred_on:
        return "Stage 3 panel then LGSCO"
    if rep.stage3_requested_on:
        return "Stage 3 panel"
    return "LGSCO" if rep.ombudsman_referred_on else "No"


def _decision_rows(decisions: list[Any]) -> list[list[str]]:
    return [
        [
            decision.reference,
            f"{decision.decided_on:%-d %B %Y}",
            decision.get_service_display(),
            decision.get_outcome_display(),
            decision.link or "Not published",
        ]
        for decision in decisions
    ]


def ombudsman_section(heading: str, what: str, decisions: list[Any], years: tuple[str, str]):
    """The Ombudsman's decisions of the year, each with its reference and its link."""
    if not decisions:
        return Section(heading, paragraphs=[none_recorded(what, years)])
    fault = sum(decision.outcome == m.OmbudsmanOutcome.FAULT for decision in decisions)
    return Section(
        heading,
        [
            Table(
                f"{heading}: decisions in {years[1]}",
                ["Reference", "Decided", "Service", "Decision", "Link"],
                _decision_rows(decisions),
            )
        ],
        paragraphs=[
            f"The Ombudsman made {counted(len(decisions), 'decision')} on {what} in "
            f"{years[1]}, finding fault in {fault}. The full decisions are published on the "
            "Ombudsman's website at the links given."
        ],
    )


def _stage3_section(this: dict, last: dict, cases: dict, years: tuple[str, str]) -> Section:
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
    return _figure(
        Section(
            "Stage 3 panels",
            [
                _pair_table("Stage 3 panels", [(label, p3[k], s3[k]) for k, label in keys], years),
                Table(
                    "Stage 3 panel outcomes",
                    ["Case", "Team", "Stage 3 outcome", "Escalated further"],
                    rows,
                ),
            ],
        ),
        s3["panels"] > 0,
        none_recorded(
            "stage 3 panels", years, counted(p3["panels"], "panel") if p3["panels"] else ""
        ),
    )


def _advocacy_text(extra: dict, years: tuple[str, str]) -> str:
    advocated, young = extra.get("advocacy", (0, 0))
    if not young:
        return f"No complaints from children or young people recorded for {years[1]}."
    return (
        f"{advocated} of the {counted(young, 'complaint')} made by children or young people "
        f"in {years[1]} {'was' if advocated == 1 else 'were'} supported by an advocate."
    )


def _improvement_rows(improvements: list[Any]) -> list[list[str]]:
    return [
        [
            f"Stage {rep.improvement_stage}",
            rep.team,
            rep.service_improvement,
            rep.report_text or f"Complaint {rep.reference}",
        ]
        for rep in improvements
    ]


def _people_sections(
    this: dict, last: dict, cases: dict, years: tuple[str, str], extra: dict
) -> list[Section]:
    labels = dict(m.ComplainantType.choices)
    who = _keyed_rows(this["by_complainant_type"], last["by_complainant_type"], labels)
    who.append(("Total", last["accepted"], this["accepted"]))
    young = "looked_after_or_care_leaver"
    young_now = pct(this["by_complainant_type"].get(young, 0), this["accepted"])
    young_before = pct(last["by_complainant_type"].get(young, 0), last["accepted"])
    categories = _keyed_rows(this["by_category"], last["by_category"], {})
    before = counted(last["accepted"], "complaint") if last["accepted"] else ""
    improvements = cases["improvements"]
    return [
        _figure(
            Section(
                "Complaint process accessibility: who is making complaints",
                [_pair_table("Who is making complaints", who, years)],
                _chart("Who is making complaints", who[:-1], years),
                f"{whole(young_now)} of the complaints accepted in {years[1]} were from looked "
                f"after children or young people leaving care, against {whole(young_before)} "
                f"in {years[0]}.",
                paragraphs=[_advocacy_text(extra, years)],
            ),
            this["accepted"] > 0,
            none_recorded("complaints", years, before),
        ),
        Section(
            "Service improvements",
            [
                Table(
                    "Service improvements identified, by stage",
                    ["Stage", "Team", "Service improvement", "The complaint it came from"],
                    _improvement_rows(improvements),
                )
            ]
            if improvements
            else [],
            paragraphs=[statutory.IMPROVEMENTS]
            + ([] if improvements else [none_recorded("service improvements", years)]),
        ),
        _figure(
            Section(
                "Complaint categories",
                [_pair_table("Complaints logged by category", categories, years)],
                _chart("Complaints logged by category", categories, years),
            ),
            bool(this["by_category"]),
            none_recorded("complaint categories", years),
        ),
    ]


def _examples_section(
    heading: str, caption: str, head: list[str], rows: list[list[str]], empty: str
) -> Section:
    if not rows:
        return Section(heading, paragraphs=[empty])
    return Section(heading, [Table(caption, head, rows)])


def _complaint_examples(examples: list[Any], years: tuple[str, str]) -> Section:
    rows = [[rep.category or "–", rep.report_text, rep.report_impact or "–"] for rep in examples]
    return _examples_section(
        "Examples of complaints",
        f"Examples of complaints in {years[1]}",
        ["Category", "Complaint detail", "Impact of complaint"],
        rows,
        f"No examples of complaints chosen for the {years[1]} report.",
    )


def _compliment_rows(examples: list[Any]) -> list[list[str]]:
    return [
        [rep.report_text, rep.team or "–", rep.get_complainant_type_display() or "–"]
        for rep in examples
    ]


def _compliments_section(
    this: dict, last: dict, examples: list[Any], years: tuple[str, str], service: str
) -> Section:
    labels = dict(m.Service.choices)
    count, before = this["compliments"][service], last["compliments"][service]
    heading = (
        "Compliments for children's social care"
        if service == m.Service.CHILDRENS_SOCIAL_CARE
        else "Compliments for education teams"
    )
    if not count:
        before_text = counted(before, "compliment") if before else ""
        return Section(heading, paragraphs=[none_recorded("compliments", years, before_text)])
    rows = _compliment_rows(examples)
    tables = (
        [Table(f"Examples of compliments for {labels[service].lower()} in {years[1]}",
               ["Compliment", "For team", "From"], rows)]
        if rows
        else []
    )  # fmt: skip
    return Section(
        heading,
        tables,
        paragraphs=[
            f"In {years[1]} there {'was' if count == 1 else 'were'} "
            f"{counted(count, 'compliment')} recorded ({year_before(before, years)})."
        ]
        + ([] if rows else [f"No examples of compliments chosen for the {years[1]} report."]),
    )


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


def _corporate_section(
    heading: str, this: dict, last: dict, improvements: list[Any], years: tuple[str, str]
) -> Section:
    """One service's corporate complaints, with the improvements they brought."""
    received = this.get("total", {}).get("received", 0)
    before = last.get("total", {}).get("received", 0)
    if not received:
        before_text = counted(before, "complaint") if before else ""
        return Section(heading, paragraphs=[none_recorded("complaints", years, before_text)])
    said = [
        f"There {'was' if received == 1 else 'were'} {counted(received, 'complaint')} "
        f"following the corporate process in {years[1]} ({year_before(before, years)})."
    ]
    if improvements:
        said.append("Service improvements identified:")
    else:
        said.append(f"No service improvements recorded for these complaints in {years[1]}.")
    return Section(
        heading,
        [_corporate_table(f"{heading}, by team", this, last)],
        paragraphs=said,
        bullets=[f"{rep.team}: {rep.service_improvement}" for rep in improvements],
    )


def _corporate_sections(
    this: dict, last: dict, cases: dict, years: tuple[str, str]
) -> list[Section]:
    corp, pcorp = this["corporate"], last["corporate"]
    improvements = cases.get("corporate_improvements", {})
    csc, education = m.Service.CHILDRENS_SOCIAL_CARE, m.Service.EDUCATION
    return [
        Section(
            "Corporate complaints for children's services",
            paragraphs=[statutory.CORPORATE, statutory.EDUCATION],
        ),
        _corporate_section(
            "Children's social care complaints following the corporate process",
            corp.get(csc, {}),
            pcorp.get(csc, {}),
            improvements.get(csc, []),
            years,
        ),
        _corporate_section(
            "Education complaints following the corporate process",
            corp.get(education, {}),
            pcorp.get(education, {}),
            improvements.get(education, []),
            years,
        ),
    ]


def _closed_section(this: dict, last: dict, years: tuple[str, str]) -> Section:
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
    return _figure(
        Section(
            "Stage 1 complaints answered in the year",
            [_pair_table("Stage 1 responses sent in the year", closed_rows, years)],
        ),
        closed[0]["determined"] > 0,
        none_recorded("stage 1 responses", years),
    )


_FIGURE = re.compile(r"^Figure \d+\s*[–-]\s*")


def number_figures(sections: list[Section]) -> list[Section]:
    """Number every table "Figure 1", "Figure 2"... in the order they are printed, so
    the numbers never skip, whatever sections a year leaves out."""
    n = 0
    for section in sections:
        for table in section.tables:
            n += 1
            table.caption = f"Figure {n} – {_FIGURE.sub('', table.caption)}"
    return sections


def report_layout(
    council: Any,
    year: int,
    this: dict,
    last: dict,
    cases: dict[str, Any],
    extra: dict | None = None,
) -> dict[str, Any]:
    """The report's title, figures and sections for the year and the year before, from
    figures already counted (`figures.annual_figures` and `figures.stage_cases`) and the
    records it lists (`cases`: improvements, Ombudsman decisions, chosen examples);
    `extra` holds the share of accepted complaints with a manager's contact, each year,
    the advocacy counts, the council's notes and its report settings."""
    extra = extra or {}
    notes = extra.get("notes") or []
    years = (year_label(year - 1), year_label(year))
    not_logged = _keyed_rows(
        this["not_logged"], last["not_logged"], dict(m.NotLoggedReason.choices)
    )
    before = last["not_logged"].get("total", 0)
    decisions = cases.get("decisions", {})
    examples = cases.get("examples", {})
    csc, education = m.Service.CHILDRENS_SOCIAL_CARE, m.Service.EDUCATION
    sections = [
        *([Section("Notes on the figures", paragraphs=list(notes))] if notes else []),
        *_intro_sections(council, extra),
        _figure(
            Section(
                "Ineligible complaints",
                [
                    _pair_table(
                        "Complaints not logged under the statutory process", not_logged, years
                    )
                ],
            ),
            this["not_logged"].get("total", 0) > 0,
            none_recorded(
                "complaints refused under the statutory process",
                years,
                counted(before, "complaint") if before else "",
            ),
        ),
        *_stage_sections(this, last, years, extra),
        _stage2_section(this, last, cases, years),
        _stage3_section(this, last, cases, years),
        ombudsman_section(
            "Local Government and Social Care Ombudsman",
            "statutory children's social care complaints",
            decisions.get("statutory", []),
            years,
        ),
        *_people_sections(this, last, cases, years, extra),
        _complaint_examples(examples.get("complaints", []), years),
        _compliments_section(this, last, examples.get(csc, []), years, csc),
        *_corporate_sections(this, last, cases, years),
        ombudsman_section(
            "Ombudsman decisions on non-statutory children's services complaints",
            "non-statutory children's services and education complaints",
            decisions.get("non_statutory", []),
            years,
        ),
        _compliments_section(this, last, examples.get(education, []), years, education),
        _closed_section(this, last, years),
    ]
    return {
        "council": council,
        "year": year,
        "title": f"Annual children's services complaints report {years[1]}",
        "years": years,
        "figures": this,
        "sections": number_figures(sections),
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
