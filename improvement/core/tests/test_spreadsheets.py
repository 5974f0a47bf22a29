"""The one bounded spreadsheet reader: limits checked before calamine builds a grid."""

import datetime
import io
from decimal import Decimal

import pytest
from python_calamine import CalamineWorkbook

from improvement.core.spreadsheets import (
    Limits,
    SheetProblem,
    cell_text,
    check_number,
    check_text,
    column_letter,
    is_blank,
    parse_date,
    read_sheets,
)
from improvement.core.tests import hostile

ROWS = [["Name", "Count"], ["Alpha", 1], ["Beta", 2]]
SMALL = Limits(max_rows=50, max_columns=30, max_cells=1_000, max_uncompressed_bytes=10 * 1024**2)


def rows_of(data, name="book.xlsx", limits=SMALL, **kwargs):
    return [(sheet.name, list(sheet.rows())) for sheet in read_sheets(data, name, limits, **kwargs)]


def test_a_good_workbook_is_read_row_by_row_with_row_numbers():
    [(name, rows)] = rows_of(hostile.xlsx(ROWS, "Counts"))
    assert name == "Counts"
    assert rows == [(1, ["Name", "Count"]), (2, ["Alpha", 1.0]), (3, ["Beta", 2.0])]


def test_columns_left_of_the_data_keep_their_places():
    book = hostile.xlsx([])
    data = hostile._rewrite_sheet(
        book,
        lambda xml: xml.replace(
            "<sheetData></sheetData>",
            '<sheetData><row r="2"><c r="C2" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
        ),
    )
    [(_name, rows)] = rows_of(data)
    assert rows[-1] == (2, ["", "", "x"])
    assert read_sheets(data, "b.xlsx", Limits(clean=False))[0].all_rows() == [r for _n, r in rows]


def test_all_rows_at_once_are_the_rows_one_at_a_time():
    data = hostile.xlsx([*ROWS, [None, datetime.date(2024, 1, 2)]])
    [sheet] = read_sheets(data, "b.xlsx", Limits(clean=False))
    assert sheet.all_rows() == [row for _number, row in sheet.rows()]
    assert sheet.all_rows()[-1] == ["", datetime.date(2024, 1, 2)]


@pytest.mark.parametrize("title", ["Actions", "List 1"])
def test_a_far_cell_is_refused_before_any_grid_is_built_naming_the_sheet(title):
    with pytest.raises(SheetProblem) as refused:
        read_sheets(hostile.far_cell(ROWS, title), "plan.xlsx", SMALL)
    assert str(refused.value).startswith(f"Sheet '{title}', row 1048576: has more rows")


def test_a_far_cell_without_a_dimension_or_row_number_is_still_measured():
    def change(xml):
        xml = xml.replace('<dimension ref="A1:B3"/>', "")
        return xml.replace("</sheetData>", '<row><c r="XFD3"><v>1</v></c></row></sheetData>')

    with pytest.raises(SheetProblem, match="column XFD: is used, but this import reads at most"):
        read_sheets(hostile._rewrite_sheet(hostile.xlsx(ROWS), change), "b.xlsx", SMALL)


FAR_COLUMN = {
    "single quotes": "<c r='XFD4'><v>1</v></c>",
    "a line break before the reference": '<c\nr="XFD4"><v>1</v></c>',
    "spaces around the equals sign": '<c r = "XFD4"><v>1</v></c>',
    "small letters": '<c r="xfd4"><v>1</v></c>',
    "the reference after another attribute": '<c t="n" r="XFD4"><v>1</v></c>',
    "a '>' in an earlier attribute": '<c s="a>b" r="XFD4"><v>1</v></c>',
    "a namespace prefix": '<x:c r="XFD4"><v>1</v></x:c>',
}


def far(cells: str, row: str = '<row r="4">') -> bytes:
    return hostile._rewrite_sheet(
        hostile.xlsx(ROWS),
        lambda xml: xml.replace("</sheetData>", f"{row}{cells}</row></sheetData>"),
    )


@pytest.mark.parametrize("cell", FAR_COLUMN.values(), ids=FAR_COLUMN.keys())
def test_a_far_cell_written_in_any_way_calamine_reads_is_refused(cell):
    data = far(cell)
    assert (
        CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name("Sheet1").width == 16384
    )
    with pytest.raises(SheetProblem, match="column XFD: is used, but this import reads at most"):
        read_sheets(data, "b.xlsx", SMALL)


def test_cells_without_references_are_placed_by_their_rows_number():
    data = far("<c><v>1</v></c>" * 3, row='<row r="5000">')
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name("Sheet1")
    assert sheet.end == (4999, 2)
    with pytest.raises(SheetProblem, match="Sheet 'Sheet1', row 5000: has more rows"):
        read_sheets(data, "b.xlsx", SMALL)


def test_the_cell_budget_counts_the_grid_calamine_builds():
    wide = [[f"h{n}" for n in range(30)]] + [list(range(30))] * 32
    assert rows_of(hostile.xlsx(wide))[0][1][-1][0] == 33  # 33 x 30 = 990 cells
    with pytest.raises(SheetProblem, match="has more cells than this import reads"):
        read_sheets(hostile.xlsx(wide + [list(range(30))]), "b.xlsx", SMALL)


def test_a_far_cell_is_refused_in_a_capped_child_process_with_little_memory():
    data = hostile.far_cell(ROWS, "List 1")
    outcome = hostile.run_bounded(
        f"""
        from improvement.core.spreadsheets import Limits, SheetProblem, read_sheets
        try:
            read_sheets({data!r}, "far.xlsx", Limits())
        except SheetProblem as problem:
            result = str(problem)
        """
    )
    assert outcome["result"].startswith("Sheet 'List 1', row 1048576")
    assert outcome["peak_mb"] < hostile.CHILD_PEAK_RSS_MB


def test_a_zip_bomb_is_refused_from_its_declared_size():
    data = hostile.zip_bomb(ROWS, size=20 * 1024**2)
    assert len(data) < 1024**2
    with pytest.raises(SheetProblem) as refused:
        read_sheets(data, "bomb.xlsx", SMALL)
    assert "bomb.xlsx unpacks to 20 MB, more than the 10 MB this import reads" in str(refused.value)


def test_a_part_larger_than_it_declares_is_refused():
    data = bytearray(hostile.xlsx(ROWS))
    name = b"xl/worksheets/sheet1.xml"
    entry = data.find(b"PK\x01\x02")
    while data[entry + 46 : entry + 46 + len(name)] != name:
        entry = data.find(b"PK\x01\x02", entry + 4)
    # Halve the size the central directory declares: zipfile stops there and the CRC fails.
    size = int.from_bytes(data[entry + 24 : entry + 28], "little")
    data[entry + 24 : entry + 28] = (size // 2).to_bytes(4, "little")
    with pytest.raises(SheetProblem, match="liar.xlsx could not be read as an Excel workbook"):
        read_sheets(bytes(data), "liar.xlsx", SMALL)


@pytest.mark.parametrize("maker", [hostile.not_a_zip, lambda: hostile.truncated(ROWS)])
def test_a_file_that_is_not_a_workbook_is_refused_by_the_name_it_was_given(maker):
    with pytest.raises(SheetProblem) as refused:
        read_sheets(maker(), "My plan.xlsx", SMALL)
    assert str(refused.value).startswith("My plan.xlsx could not be read as an Excel workbook")


def test_too_many_rows_are_refused_from_the_sheet_or_as_the_rows_are_read():
    rows = [["n"]] + [[i] for i in range(60)]
    with pytest.raises(SheetProblem, match="Sheet 'Sheet1', row 61: has more rows"):
        rows_of(hostile.xlsx(rows))
    text = "\n".join(str(row[0]) for row in rows).encode()
    with pytest.raises(SheetProblem, match="Sheet 'n', row 51: has more rows"):
        rows_of(text, "n.csv")


def test_a_file_too_large_is_refused_before_it_is_read():
    with pytest.raises(SheetProblem, match="big.csv is larger than 1 MB"):
        read_sheets(b"a,b\n" * 300_000, "big.csv", Limits(max_file_bytes=1024**2))


def test_csv_with_a_byte_order_mark_is_read_and_other_encodings_are_refused():
    [(name, rows)] = rows_of("\ufeffName,Count\nAlpha,1\n".encode(), "counts.csv")
    assert (name, rows) == ("counts", [(1, ["Name", "Count"]), (2, ["Alpha", "1"])])
    with pytest.raises(SheetProblem) as refused:
        read_sheets(hostile.not_utf8_csv(ROWS), "counts.csv", SMALL)
    assert str(refused.value) == (
        "Sheet 'counts', row 4: counts.csv is not UTF-8 text. Save it from Excel as "
        "'CSV UTF-8 (Comma delimited)' and upload it again."
    )


def test_other_file_types_are_refused():
    with pytest.raises(SheetProblem, match="notes.txt is not a .xlsx workbook or a .csv file"):
        read_sheets(b"hello", "notes.txt", SMALL)


def test_control_characters_are_cleaned_from_text_cells():
    [(_name, rows)] = rows_of(f"Name\n{hostile.CONTROL}\n".encode(), "c.csv")
    assert rows[1][1] == [hostile.CONTROL_CLEANED]


def test_text_longer_than_its_field_is_refused_with_its_place():
    assert check_text("  ok ", 5, ("Plan", 3, 1)) == "ok"
    with pytest.raises(SheetProblem) as refused:
        check_text("x" * 61, 60, ("Plan", 3, 1))
    assert str(refused.value) == (
        "Sheet 'Plan', row 3, column B: has 61 characters, more than the 60 this field holds. "
        "Shorten it and upload the file again."
    )


def test_numbers_out_of_range_or_not_numbers_are_refused():
    assert check_number("1,234.5", ("", 2, "value")) == Decimal("1234.5")
    assert check_number(" ", ("", 2, "value")) is None
    for bad in (1e30, "1e30", "inf", "NaN", True, "lots"):
        with pytest.raises(SheetProblem, match="Row 2, column value"):
            check_number(bad, ("", 2, "value"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime.datetime(2024, 3, 31, 10, 0), datetime.date(2024, 3, 31)),
        (datetime.date(2024, 3, 31), datetime.date(2024, 3, 31)),
        (45382, datetime.date(2024, 3, 31)),
        (45382.5, datetime.date(2024, 3, 31)),
        ("45382", datetime.date(2024, 3, 31)),
        ("2024-03-31", datetime.date(2024, 3, 31)),
        ("2024-03-31T10:00:00", datetime.date(2024, 3, 31)),
        ("31/03/2024", datetime.date(2024, 3, 31)),
        ("31.03.2024 10:00", datetime.date(2024, 3, 31)),
        ("01/02/2024", datetime.date(2024, 2, 1)),
        ("31/02/2024", None),
        (1e30, None),
        (-5, None),
        (True, None),
        ("soon", None),
        (None, None),
    ],
)
def test_one_date_parser_reads_serials_dates_iso_and_uk_text(value, expected):
    assert parse_date(value) == expected


def test_blank_and_text_and_letters():
    assert is_blank(None) and is_blank("  ") and not is_blank(0) and not is_blank("0")
    assert cell_text(12.0) == "12" and cell_text(datetime.date(2024, 1, 2)) == "2024-01-02"
    assert [column_letter(i) for i in (0, 25, 26, 16383)] == ["A", "Z", "AA", "XFD"]
