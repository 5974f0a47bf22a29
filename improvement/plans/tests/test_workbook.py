"""Reading plan workbooks as councils keep them (formats/plan-workbook.md)."""

import datetime
import io

import pytest
from openpyxl import Workbook

from improvement.plans.workbook import (
    HEADER_FIELDS,
    SYNONYMS,
    match_header,
    normalise,
    parse_date,
    parse_rating,
    read_workbook,
    split_owners,
)

HEADERS = ["Ref", "Action", "Lead officer", "Target date", "RAG", "Progress update"]


def xlsx(rows, title="Plan", extra_sheets=()):
    book = Workbook()
    for name, sheet_rows in extra_sheets:
        sheet = book.create_sheet(name, 0)
        for row in sheet_rows:
            sheet.append(row)
    sheet = book["Sheet"]
    sheet.title = title
    for row in rows:
        sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    return data


def read(rows, **kwargs):
    return read_workbook(xlsx(rows, **kwargs.pop("sheet_kw", {})), "plan.xlsx", **kwargs)


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Ref", "ref"),
        ("No.", "ref"),
        ("Number", "ref"),
        ("ID", "ref"),
        ("Objective", "objective"),
        ("Priority", "objective"),
        ("Theme", "objective"),
        ("Workstream", "objective"),
        ("Ambition", "objective"),
        ("Finding", "finding"),
        ("Area for improvement", "finding"),
        ("Priority action", "finding"),
        ("Recommendation", "finding"),
        ("Action", "action"),
        ("Actions", "action"),
        ("Action required", "action"),
        ("What", "action"),
        ("Owner", "owner"),
        ("Lead", "owner"),
        ("Lead officer", "owner"),
        ("Lead Officer(s)", "owner"),
        ("Responsible officer", "owner"),
        ("Who?", "owner"),
        ("Organisation", "organisation"),
        ("Agency", "organisation"),
        ("Partner", "organisation"),
        ("Start", "start"),
        ("Start date", "start"),
        ("Due", "due"),
        ("Due date", "due"),
        ("Target date", "due"),
        ("Deadline", "due"),
        ("Timescale", "due"),
        ("By when?", "due"),
        ("When", "due"),
        ("RAG", "rating"),
        ("R/A/G", "rating"),
        ("BRAG", "rating"),
        ("Status", "rating"),
        ("Current status", "rating"),
        ("Rating", "rating"),
        ("RAG reason", "rating_reason"),
        ("Reason", "rating_reason"),
        ("Rationale", "rating_reason"),
        ("Progress", "progress"),
        ("Progress update", "progress"),
        ("Update", "progress"),
        ("Commentary", "progress"),
        ("Update date", "updated_on"),
        ("Last updated", "updated_on"),
        ("Date of update", "updated_on"),
        ("Success measure(s)", "success_measure"),
        ("Success measures", "success_measure"),
        ("Measure of success", "success_measure"),
        ("How will we know?", "success_measure"),
        ("Outcome", "success_measure"),
        ("Evidence", "evidence"),
        ("Evidence of impact", "evidence"),
        ("Monitoring and evaluation", "evidence"),
        ("Monitoring & Evaluation", "evidence"),
        ("Support needed", "support_needed"),
        ("Capacity needed", "support_needed"),
        ("Barriers", "support_needed"),
        ("  SUPPORT   needed? ", "support_needed"),
    ],
)
def test_contract_header_wording_maps_to_its_field(header, field):
    assert match_header(header, {})[0] == field


def test_no_header_wording_means_two_fields():
    claimed = {}
    for name, examples in SYNONYMS.items():
        for example in examples:
            assert claimed.setdefault(normalise(example), name) == name, example
    assert set(HEADER_FIELDS.values()) == set(SYNONYMS)


def test_progress_header_naming_a_month_dates_updates_to_its_last_day():
    assert match_header("Progress October 2003", {}) == ("progress", datetime.date(2003, 10, 31))
    plan = read([["Ref", "Action", "Owner", "Progress October 2003"], ["1", "Do it", "Jo", "Done"]])
    assert plan.progress_month == datetime.date(2003, 10, 31)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime.datetime(2024, 3, 31), datetime.date(2024, 3, 31)),
        (datetime.date(2024, 3, 31), datetime.date(2024, 3, 31)),
        (45382, datetime.date(2024, 3, 31)),
        (45382.0, datetime.date(2024, 3, 31)),
        ("45382", datetime.date(2024, 3, 31)),
        ("31/03/2024", datetime.date(2024, 3, 31)),
        ("1.2.24", datetime.date(2024, 2, 1)),
        ("1.2.99", datetime.date(1999, 2, 1)),
        ("2024-03-31", datetime.date(2024, 3, 31)),
        ("Dec 2016", datetime.date(2016, 12, 31)),
        ("December 2016", datetime.date(2016, 12, 31)),
        ("End Oct 03", datetime.date(2003, 10, 31)),
        ("End Oct 75", datetime.date(1975, 10, 31)),
        ("Q1 2024/25", datetime.date(2024, 6, 30)),
        ("Q3 2024/25", datetime.date(2024, 12, 31)),
        ("Q4 2024/25", datetime.date(2025, 3, 31)),
        ("31st March 2024", datetime.date(2024, 3, 31)),
        ("Ongoing", None),
        ("Week 1", None),
        ("Phase 2 Mar 2017", None),
        ("31/02/2024", None),
    ],
)
def test_every_date_form_in_the_contract(value, expected):
    assert parse_date(value) == expected


def test_a_month_as_a_start_date_is_its_first_day():
    assert parse_date("Dec 2016", end=False) == datetime.date(2016, 12, 1)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("B", "blue"),
        ("r", "red"),
        ("A", "amber"),
        ("G", "green"),
        ("Green", "green"),
        ("GREY", "grey"),
        ("Amber/Green", "amber"),
        ("Green/Amber", "green"),
        ("A/G", "amber"),
        ("Complete", "blue"),
        ("Completed", "blue"),
        ("On track", "green"),
        ("At risk", "amber"),
        ("Off track", "red"),
        ("Not started", "grey"),
        ("Overdue", "red"),
        ("", ""),
        ("Purple", None),
    ],
)
def test_ratings_letters_colours_two_colours_and_status_words(value, expected):
    assert parse_rating(value) == expected


def test_owners_split_on_new_lines_semicolons_slashes_and_and_but_not_commas():
    cell = "Jo Bloggs, Head of Service\nSam Smith; Ann Lee / Bob Roy and Cy Dee"
    assert split_owners(cell) == [
        "Jo Bloggs, Head of Service",
        "Sam Smith",
        "Ann Lee",
        "Bob Roy",
        "Cy Dee",
    ]


def test_rows_above_the_header_and_other_sheets_are_ignored():
    rows = [
        ["Children's services improvement plan"],
        ["Version 3, January 2024"],
        [],
        ["Key: B complete, G on track"],
        HEADERS,
        ["1.1", "Recruit social workers", "Jo Bloggs", "31/03/2024", "G", "Going well"],
    ]
    plan = read(rows, sheet_kw={"extra_sheets": [("Cover", [["Intro"], ["Action", "x"]])]})
    assert plan.sheet == "Plan"
    assert plan.header_row == 5
    assert plan.ignored_sheets == ["Cover"]
    assert plan.rows_read == 1
    [action] = plan.actions
    assert (action.ref, action.title, action.owners) == (
        "1.1",
        "Recruit social workers",
        ["Jo Bloggs"],
    )
    assert action.due_on == datetime.date(2024, 3, 31)
    assert action.rating == "green"
    assert plan.errors == []


def test_section_rows_start_objectives_and_a_section_followed_by_another_is_the_theme():
    rows = [
        HEADERS,
        ["HELP AND PROTECTION"],
        ["1 CHILDREN IN NEED OF HELP AND PROTECTION"],
        ["1.1", "Audit front door decisions", "Jo", "Dec 2024", "A", ""],
        ["2", "Care leavers"],
        ["2.1", "Publish the local offer", "Sam", "Jan 2025", "G", ""],
    ]
    plan = read(rows)
    assert [(o.ref, o.title, o.theme) for o in plan.objectives] == [
        ("1", "CHILDREN IN NEED OF HELP AND PROTECTION", "HELP AND PROTECTION"),
        ("2", "Care leavers", "HELP AND PROTECTION"),
    ]
    assert [a.ref for a in plan.objectives[1].actions] == ["2.1"]


def test_an_objective_with_no_actions_is_dropped_with_a_warning():
    plan = read([HEADERS, ["1", "Front door"], ["1.1", "Audit", "Jo", "", "G", ""], ["2 EMPTY"]])
    assert [o.title for o in plan.objectives] == ["Front door"]
    assert any("EMPTY" in w.message for w in plan.warnings)


def test_actions_before_any_section_go_to_an_objective_named_after_the_sheet():
    plan = read([HEADERS, ["1", "Audit", "Jo", "", "G", ""]], sheet_kw={"title": "Our plan"})
    assert [o.title for o in plan.objectives] == ["Our plan"]


def test_objective_column_groups_actions():
    rows = [
        ["Objective", "Ref", "Action", "Owner"],
        ["1. Front door", "1.1", "Audit", "Jo"],
        [None, "1.2", "Train", "Sam"],
        ["2 Care leavers", "2.1", "Offer", "Ann"],
    ]
    plan = read(rows)
    assert [(o.ref, o.title, [a.ref for a in o.actions]) for o in plan.objectives] == [
        ("1", "Front door", ["1.1", "1.2"]),
        ("2", "Care leavers", ["2.1"]),
    ]


def test_continuation_rows_append_to_the_action_above():
    rows = [
        HEADERS,
        ["1.1", "Recruit social workers", "Jo Bloggs", "Ongoing", "G", "First part"],
        [None, None, "Sam Smith", None, None, "second part"],
        [],
        ["1.2", "Next", "Ann", "", "", ""],
    ]
    plan = read(rows)
    first, second = plan.actions
    assert first.owners == ["Jo Bloggs", "Sam Smith"]
    assert first.progress == "First part\nsecond part"
    assert second.title == "Next"


def test_due_text_that_is_not_a_date_is_kept_with_a_warning():
    plan = read([HEADERS, ["1", "Audit", "Jo", "Ongoing", "G", ""]])
    [action] = plan.actions
    assert action.due_on is None
    assert action.due_text == "Ongoing"
    [warning] = plan.warnings
    assert (warning.sheet, warning.row, warning.column) == ("Plan", 2, "D (Target date)")
    assert "due text" in warning.fix
    assert plan.errors == []


def test_from_a_month_sets_the_start_and_leaves_the_due_date_empty():
    plan = read([HEADERS, ["1", "Audit", "Jo", "From Oct 03", "G", ""]])
    [action] = plan.actions
    assert (action.start_on, action.due_on, action.due_text) == (
        datetime.date(2003, 10, 1),
        None,
        "",
    )


def test_an_unknown_rating_is_an_error_naming_the_cell_and_what_is_accepted():
    plan = read([HEADERS, ["1", "Audit", "Jo", "", "Purple", ""]])
    [error] = plan.errors
    assert (error.sheet, error.row, error.column) == ("Plan", 2, "E (RAG)")
    assert "'Purple' is not a rating" in error.message
    assert "Amber/Green" in error.fix and "On track" in error.fix
    assert plan.report().splitlines()[0] == (
        "1 actions (0 created, 0 updated), 1 objectives, 0 warnings, 1 errors"
    )


def test_a_plan_without_a_rating_column_warns_and_reads_unrated():
    plan = read([["Ref", "Action", "Owner", "Due"], ["1", "Audit", "Jo", "Dec 2024"]])
    assert plan.actions[0].rating == ""
    assert any("no rating column" in w.message for w in plan.warnings)


def test_unmapped_headers_are_kept_as_extra_text_and_reported():
    plan = read([HEADERS + ["Notes"], ["1", "Audit", "Jo", "", "G", "", "See minutes"]])
    assert plan.unmapped == ["Notes"]
    assert plan.actions[0].extra == {"Notes": "See minutes"}
    assert "Unmapped headers, kept as extra text: Notes" in plan.report()


def test_when_two_headers_claim_a_field_the_leftmost_wins():
    plan = read([["Action", "Owner", "Lead", "RAG"], ["Audit", "Jo", "Sam", "G"]])
    assert plan.actions[0].owners == ["Jo"]
    assert plan.actions[0].extra == {"Lead": "Sam"}
    assert any("Lead" in w.message for w in plan.warnings)


def test_map_option_maps_a_header_by_hand():
    rows = [["Action", "Owner", "Kerfuffle", "RAG"], ["Audit", "Jo", "Dec 2024", "G"]]
    plan = read(rows, mappings=["Kerfuffle=due"])
    assert plan.actions[0].due_on == datetime.date(2024, 12, 31)


def test_a_bad_map_option_is_an_error():
    plan = read([HEADERS, ["1", "Audit", "Jo", "", "G", ""]], mappings=["Kerfuffle=colour"])
    assert plan.errors and "--map" in plan.errors[0].message


def test_csv_plans_are_read():
    data = io.BytesIO(
        b"Ref,Action,Owner,Due date,RAG\n1.1,Audit,Jo and Sam,31/03/2024,Amber/Green\n"
    )
    plan = read_workbook(data, "plan.csv")
    [action] = plan.actions
    assert action.owners == ["Jo", "Sam"]
    assert action.due_on == datetime.date(2024, 3, 31)
    assert action.rating == "amber"


def test_a_file_that_is_not_a_workbook_is_an_error_not_a_crash():
    plan = read_workbook(io.BytesIO(b"not a zip"), "plan.xlsx")
    assert plan.errors and "could not be read" in plan.errors[0].message


def test_a_workbook_with_no_plan_sheet_is_an_error():
    plan = read([["Name", "Address"], ["Jo", "1 High St"]])
    assert plan.errors and "No sheet" in plan.errors[0].message


def test_a_ref_used_twice_is_warned_about():
    plan = read([HEADERS, ["1.1", "Audit", "Jo", "", "G", ""], ["1.1", "Train", "Jo", "", "G", ""]])
    assert any("Ref 1.1 is used by an earlier row" in w.message for w in plan.warnings)
