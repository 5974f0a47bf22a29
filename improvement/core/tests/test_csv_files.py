"""The one CSV writer: text a spreadsheet would run as a formula is written as text."""

import csv
import io

import pytest

from improvement.core.csv_files import csv_bytes, safe_cell


@pytest.mark.parametrize(
    "value", ["=1+1", "+44 1733", "-2+3", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("x")']
)
def test_text_that_starts_a_formula_is_made_text(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Plan progress", "", 12, -3, None, "a=b"])
def test_other_values_are_left_alone(value):
    assert safe_cell(value) == value


def test_the_file_is_utf8_with_a_byte_order_mark_and_safe_cells():
    data = csv_bytes(["title", "=x"], [["Café", "=2*3"], ["line\nbreak", 7]])
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [["title", "'=x"], ["Café", "'=2*3"], ["line\nbreak", "7"]]
