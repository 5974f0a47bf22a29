"""Sheet and header recognition, code and value normalisation, and unusable files."""

import csv
import datetime

import numpy as np
import pytest

from improvement.annex_a import parse
from improvement.annex_a.kpi_definitions import compute_all
from improvement.annex_a.reader import AnnexAError, read_lists
from improvement.annex_a.services import analyse
from improvement.annex_a.tests.builders import D, headings, row, write_workbook

R = D(2024, 6, 28)


def test_sheet_recognised_by_headings_when_its_name_says_nothing(tmp_path):
    header = ["CHILD_ID", "Sex", "Ethnic group", "DOB", "Age", "Referral Date", "Source",
              "NFA?", "No. of previous referrals (12 months)", "Team", "Worker"]  # fmt: skip
    path = write_workbook(tmp_path / "x.xlsx", {"Sheet7": (header, [["7", "", "", "", "",
                          "01/06/2024", "", "a) Yes", "0", "", ""]])})  # fmt: skip
    found = read_lists(path)
    assert list(found) == [3]
    mapped = found[3].headers_mapped
    assert mapped["CHILD_ID"] == "Child Unique ID"
    assert mapped["Referral Date"] == "Date of referral"
    assert mapped["NFA?"] == "Referral NFA?"
    assert mapped["No. of previous referrals (12 months)"] == (
        "Number of Referrals in Last 12 Months"
    )


def test_title_rows_above_the_headings_are_skipped(tmp_path):
    rows = [["Annex A"], ["Contacts in the last 6 months"], headings(1),
            row(1, child_id="C1", contact_date=D(2024, 6, 1))]  # fmt: skip
    path = write_workbook(tmp_path / "t.xlsx", {"List 1": (rows[0], rows[1:])})
    result = analyse(path, R)
    assert result.report["data_quality"]["list_1"]["used"] == 1
    assert result.tables[1]["row"].tolist() == [4]


def test_one_csv_per_list_in_a_folder(tmp_path):
    with (tmp_path / "List 5.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headings(5))
        writer.writerow(row(5, child_id="P", s47_start="01/05/2024", icpc_date="2024-05-22"))
    result = analyse(tmp_path, R)
    assert result.kpis["icpc_within_15wd_pct"]["numerator"] == 1


def test_a_file_with_no_recognisable_list_is_an_error(tmp_path):
    path = write_workbook(tmp_path / "n.xlsx", {"Budget": (["Cost", "Centre"], [[1, 2]])})
    with pytest.raises(AnnexAError, match="No Annex A list"):
        read_lists(path)


def test_a_missing_file_is_an_error(tmp_path):
    with pytest.raises(AnnexAError):
        read_lists(tmp_path / "absent.xlsx")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (D(2024, 3, 1), D(2024, 3, 1)),
        (datetime.datetime(2024, 3, 1, 15, 30), D(2024, 3, 1)),
        ("01/03/2024", D(2024, 3, 1)),
        ("1/3/2024", D(2024, 3, 1)),
        ("2024-03-01", D(2024, 3, 1)),
        ("2024-03-01 00:00:00", D(2024, 3, 1)),
        (45352.0, D(2024, 3, 1)),
        (45352.75, D(2024, 3, 1)),
    ],
)
def test_dates_read_from_text_excel_serials_and_date_times(cell, expected):
    assert parse.to_date(parse.parse_date(cell)) == expected


@pytest.mark.parametrize("cell", ["31/02/2024", "soon", "2024-13-01", True])
def test_unreadable_dates(cell):
    assert parse.parse_date(cell) == parse.BAD


@pytest.mark.parametrize(
    ("cell", "expected"),
    [(1234567.0, "1234567"), (" AB12 ", "AB12"), (1234567, "1234567"), (None, "")],
)
def test_child_ids_are_digits_and_trimmed(cell, expected):
    assert parse.normalise_id(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("a) Yes", True), ("Yes", True), ("y", True), ("YES", True), ("a) Yes [Y]", True),
     ("b) No", False), ("", False), (None, False), ("c) Unknown", False), ("Yesterday", False)],
)  # fmt: skip
def test_yes_answers(cell, expected):
    assert parse.is_yes(cell) is expected


def test_codes_normalise_to_their_bare_label():
    assert parse.normalise_code("c) Not stated/recorded") == "Not stated/recorded"
    assert parse.normalise_code("b) Female [F]") == "Female"


def test_child_ids_compare_case_sensitively(tmp_path):
    path = write_workbook(
        tmp_path / "c.xlsx",
        {
            "List 1": (headings(1), [row(1, child_id="ab1", contact_date=D(2024, 6, 1))]),
            "List 3": (headings(3), [row(3, child_id="AB1", referral_date=D(2024, 6, 2))]),
        },
    )
    assert analyse(path, R).kpis["contacts_to_referral_pct"]["numerator"] == 0


def test_rounding_is_half_away_from_zero_on_the_exact_fraction():
    # 219 of 240 contacts referred is 91.25%: 91.3, where a float would give 91.2.
    ids = np.array([f"c{i}" for i in range(240)])
    day = parse.day_number(D(2024, 6, 1))
    contacts = parse.Table(1, {"child_id": ids, "contact_date": np.full(240, day),
                               "row": np.arange(240)})  # fmt: skip
    referrals = parse.Table(3, {"child_id": ids[:219], "referral_date": np.full(219, day),
                                "nfa": np.zeros(219, bool), "previous_12m": np.zeros(219, int),
                                "row": np.arange(219)})  # fmt: skip
    kpis = compute_all({1: contacts, 3: referrals}, R)
    assert kpis["contacts_to_referral_pct"]["value"] == 91.3


def test_warns_when_every_referral_counts_itself(tmp_path):
    rows = [row(3, child_id=f"R{i}", referral_date=D(2024, 6, 1), previous_12m=1) for i in "ab"]
    path = write_workbook(tmp_path / "w.xlsx", {"List 3": (headings(3), rows)})
    assert "counts the current referral" in analyse(path, R).report["warnings"][0]


def test_rejection_precedence_and_every_required_date_of_list_8(tmp_path):
    start = D(2024, 1, 2)
    rows = [
        # unreadable required date beats a date after R
        row(8, child_id="X1", start="soon", legal_start=start, placement_start=start,
            ceased=D(2024, 7, 1)),
        # a blank second required date rejects too
        row(8, child_id="X2", start=start, legal_start="", placement_start=start),
        # a date after R in an optional column
        row(8, child_id="X3", start=start, legal_start=start, placement_start=start,
            last_health=D(2024, 6, 29)),
        # missing ID beats everything
        row(8, child_id="  ", start="soon", legal_start=start, placement_start=start),
        row(8, child_id="X5", start=start, legal_start=start, placement_start=start),
    ]  # fmt: skip
    path = write_workbook(tmp_path / "l8.xlsx", {"List 8": (headings(8), rows)})
    quality = analyse(path, R).report["data_quality"]["list_8"]
    assert quality["rejected"] == {
        "missing_child_unique_id": 1,
        "unreadable_required_date": 2,
        "date_after_reference_date": 1,
    }
    assert quality["used"] == 1


def test_lists_without_required_dates_keep_rows_with_no_dates(tmp_path):
    rows = [row(6, child_id="N1"), row(9, child_id="L1")]
    path = write_workbook(
        tmp_path / "n.xlsx",
        {"List 6": (headings(6), [rows[0]]), "List 9": (headings(9), [rows[1]])},
    )
    quality = analyse(path, R).report["data_quality"]
    assert (quality["list_6"]["used"], quality["list_9"]["used"]) == (1, 1)


def test_working_days_use_the_bank_holidays_of_every_year_in_the_data(tmp_path):
    # An ICPC over Christmas 2019 after assessments in 2024: 23 Dec 2019 to 6 Jan 2020 is
    # 7 working days: 24, 27, 30, 31 Dec, 2, 3 and 6 Jan (25, 26 Dec and 1 Jan are holidays).
    rows4 = [row(4, child_id="A", start=D(2024, 6, 3), authorised=D(2024, 6, 4))]
    rows5 = [row(5, child_id="B", s47_start=D(2019, 12, 23), icpc_date=D(2020, 1, 6))]
    path = write_workbook(
        tmp_path / "y.xlsx", {"List 4": (headings(4), rows4), "List 5": (headings(5), rows5)}
    )
    from improvement.annex_a.compute import Context

    result = analyse(path, R)
    context = Context(result.tables, R)
    context.working_days(result.tables[4]["start"], result.tables[4]["authorised"])
    table = result.tables[5]
    assert context.working_days(table["s47_start"], table["icpc_date"]).tolist() == [7]
