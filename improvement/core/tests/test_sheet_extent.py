"""The patterns that let the workbook check pass over ordinary cells without reading
each one: a cell they pass over must lie within the rows and columns already reached."""

import re

from hypothesis import given
from hypothesis import strategies as st

from improvement.core.sheet_extent import _letters_upto, _number_upto
from improvement.core.spreadsheets import column_letter


@given(st.integers(0, 2_000_000), st.integers(0, 3_000_000))
def test_the_number_pattern_matches_exactly_1_to_its_number(number, written):
    matched = re.fullmatch(_number_upto(number) + b'"', b'%d"' % written) is not None
    assert matched == (1 <= written <= number)


@given(st.integers(1, 702), st.integers(0, 800))
def test_the_letters_pattern_matches_exactly_the_columns_up_to_its_width(width, index):
    matched = re.fullmatch(_letters_upto(width), column_letter(index).encode()) is not None
    assert matched == (index < width)


def test_a_number_written_with_leading_zeros_is_read_one_by_one():
    assert re.fullmatch(_number_upto(500), b"007") is None
