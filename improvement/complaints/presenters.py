"""The annual report laid out as the seed's report is: sections of tables and charts, with
the previous year beside each figure. Pages, PDF and Word all draw from this."""

from typing import Any

from improvement.complaints import models as m
from improvement.complaints import statutory
from improvement.complaints.figures import pct
from improvement.complaints.report_basics import (
    OUTCOME_ROWS,
    Section,
    Table,
    bar_chart,
    keyed_rows,
    none_recorded,
    pair_table,
    tenth,
    whole,
    with_data_or_says_so,
    year_before,
)
from improvement.complaints.report_people import (
    closed_section,
    complaint_examples,
    compliments_section,
    corporate_sections,
    number_figures,
    people_sections,
)
from improvement.complaints.years import year_label
from improvement.core.text import plural as counted


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
    by_team = keyed_rows(this["by_team"], last["by_team"], {})
    no_determined = none_recorded(
        "complaints determined at stage 1", years, str(p1["determined"]) if p1["determined"] else ""
    )
    return [
        with_data_or_says_so(
            Section(
                "Accepted complaints",
                [pair_table("Accepted complaints by route", routes, years)],
                bar_chart("Accepted complaints by route", routes, years),
                f"{counted(accepted, 'complaint')} accepted under the statutory process "
                f"({year_before(before, years)}).",
            ),
            accepted > 0,
            no_complaints,
        ),
        with_data_or_says_so(
            Section(
                "Stage 1 complaints by team",
                [pair_table("Stage 1 complaints by team", by_team, years)],
                bar_chart("Stage 1 complaints by team", by_team, years),
            ),
            accepted > 0,
            no_complaints,
        ),
        with_data_or_says_so(
            Section(
                "Stage 1 outcomes",
                [pair_table("Stage 1 outcomes", outcomes, years)],
                bar_chart("Stage 1 outcomes", outcomes[1:4], years),
                f"Fault was found in {tenth(s1['fault_found_pct'])} of the complaints "
                f"determined at stage 1 in {years[1]}, against {tenth(p1['fault_found_pct'])} "
                f"in {years[0]}.",
            ),
            s1["determined"] > 0,
            no_determined,
        ),
        with_data_or_says_so(
            Section(
                "Complaint escalations",
                [
                    pair_table(
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
    return with_data_or_says_so(
        Section(
            "Stage 2 investigations",
            [
                pair_table(
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
    return with_data_or_says_so(
        Section(
            "Stage 3 panels",
            [
                pair_table("Stage 3 panels", [(label, p3[k], s3[k]) for k, label in keys], years),
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
    not_logged = keyed_rows(this["not_logged"], last["not_logged"], dict(m.NotLoggedReason.choices))
    before = last["not_logged"].get("total", 0)
    decisions = cases.get("decisions", {})
    examples = cases.get("examples", {})
    csc, education = m.Service.CHILDRENS_SOCIAL_CARE, m.Service.EDUCATION
    sections = [
        *([Section("Notes on the figures", paragraphs=list(notes))] if notes else []),
        *_intro_sections(council, extra),
        with_data_or_says_so(
            Section(
                "Ineligible complaints",
                [
                    pair_table(
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
        *people_sections(this, last, cases, years, extra),
        complaint_examples(examples.get("complaints", []), years),
        compliments_section(this, last, examples.get(csc, []), years, csc),
        *corporate_sections(this, last, cases, years),
        ombudsman_section(
            "Ombudsman decisions on non-statutory children's services complaints",
            "non-statutory children's services and education complaints",
            decisions.get("non_statutory", []),
            years,
        ),
        compliments_section(this, last, examples.get(education, []), years, education),
        closed_section(this, last, years),
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
