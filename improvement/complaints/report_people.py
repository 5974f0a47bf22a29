"""The annual report's sections on people and what changed: advocacy, service
improvements by stage, examples of complaints and compliments, corporate complaints,
and the numbering of its figures."""

import re
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
    whole,
    with_data_or_says_so,
    year_before,
)
from improvement.core.text import plural as counted


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


def people_sections(
    this: dict, last: dict, cases: dict, years: tuple[str, str], extra: dict
) -> list[Section]:
    labels = dict(m.ComplainantType.choices)
    who = keyed_rows(this["by_complainant_type"], last["by_complainant_type"], labels)
    who.append(("Total", last["accepted"], this["accepted"]))
    young = "looked_after_or_care_leaver"
    young_now = pct(this["by_complainant_type"].get(young, 0), this["accepted"])
    young_before = pct(last["by_complainant_type"].get(young, 0), last["accepted"])
    categories = keyed_rows(this["by_category"], last["by_category"], {})
    before = counted(last["accepted"], "complaint") if last["accepted"] else ""
    improvements = cases["improvements"]
    return [
        with_data_or_says_so(
            Section(
                "Complaint process accessibility: who is making complaints",
                [pair_table("Who is making complaints", who, years)],
                bar_chart("Who is making complaints", who[:-1], years),
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
        with_data_or_says_so(
            Section(
                "Complaint categories",
                [pair_table("Complaints logged by category", categories, years)],
                bar_chart("Complaints logged by category", categories, years),
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


def complaint_examples(examples: list[Any], years: tuple[str, str]) -> Section:
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


def compliments_section(
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


def corporate_sections(
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


def closed_section(this: dict, last: dict, years: tuple[str, str]) -> Section:
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
    return with_data_or_says_so(
        Section(
            "Stage 1 complaints answered in the year",
            [pair_table("Stage 1 responses sent in the year", closed_rows, years)],
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
