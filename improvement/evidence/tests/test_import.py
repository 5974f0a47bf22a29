import datetime
import io
from decimal import Decimal

import openpyxl
import pytest

from improvement.core.actors import SystemActor
from improvement.core.models import AuditEntry
from improvement.evidence import services
from improvement.evidence.importer import ImportRefused, parse_values
from improvement.evidence.tests.factories import MeasureFactory, MeasureValueFactory


@pytest.fixture
def measure(council):
    return MeasureFactory(council=council, code="CTR")


def _import(measure, text, name="values.csv"):
    rows = parse_values(measure, name, text.encode() if isinstance(text, str) else text)
    return services.record_values(SystemActor("test"), measure, rows)


def test_csv_values_import_with_percentages_worked_out(measure):
    count = _import(
        measure, "period,numerator,denominator,note\n2024-01,61,100,\n2024-02,219,240,ok\n"
    )
    assert count == 2
    values = list(measure.values.order_by("period"))
    assert [v.period for v in values] == [datetime.date(2024, 1, 1), datetime.date(2024, 2, 1)]
    assert [v.value for v in values] == [Decimal("61.0"), Decimal("91.3")]
    assert values[1].note == "ok"
    measure.refresh_from_db()
    assert measure.source == "imported"
    assert AuditEntry.objects.filter(verb="recorded value").count() == 2


def test_each_bad_row_is_reported_with_its_row_column_and_fix_and_nothing_is_written(measure):
    text = (
        "Period,Numerator,Denominator,Value\n"
        "2024-01,61,100,\n"
        "2024-13,61,100,\n"
        "\n"
        "2024-03,lots,100,\n"
        "2024-04,,,\n"
        "2024-01,5,10,\n"
    )
    with pytest.raises(ImportRefused) as caught:
        _import(measure, text)
    messages = [str(p) for p in caught.value.problems]
    assert messages == [
        "Row 3, column period: '2024-13' is not a month: write it as YYYY-MM, for example 2024-01",
        "Row 5, column numerator: 'lots' is not a number: write a number such as 61",
        "Row 5, column value: is blank: give a value, or a numerator and a denominator above 0",
        "Row 6, column value: is blank: give a value, or a numerator and a denominator above 0",
        "Row 7, column period: January 2024 is also on row 2: keep one row per month",
    ]
    assert not measure.values.exists()


def test_missing_columns_are_reported(measure):
    with pytest.raises(ImportRefused) as caught:
        _import(measure, "month,amount\n2024-01,5\n")
    assert [p.column for p in caught.value.problems] == ["period", "value"]


def test_negative_figures_are_refused(measure):
    with pytest.raises(ImportRefused) as caught:
        _import(measure, "period,value\n2024-01,-3\n")
    assert str(caught.value.problems[0]) == "Row 2, column value: cannot be negative: correct it"


def test_an_existing_month_is_corrected_not_duplicated(measure):
    MeasureValueFactory(measure=measure, period=datetime.date(2024, 1, 1), value=Decimal("50"))
    _import(measure, "period,value\n2024-01,55.5\n")
    assert [v.value for v in measure.values.all()] == [Decimal("55.5")]


def test_xlsx_import_names_the_sheet(measure):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Values"
    sheet.append(["period", "value"])
    sheet.append([datetime.datetime(2024, 1, 31), 64])
    sheet.append(["soon", 64])
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(ImportRefused) as caught:
        _import(measure, buffer.getvalue(), "values.xlsx")
    assert str(caught.value.problems[0]).startswith("Sheet 'Values', row 3, column period:")
    sheet.delete_rows(3)
    buffer = io.BytesIO()
    book.save(buffer)
    assert _import(measure, buffer.getvalue(), "values.xlsx") == 1
    assert measure.values.get().period == datetime.date(2024, 1, 1)


def test_other_file_types_are_refused(measure):
    with pytest.raises(ImportRefused):
        _import(measure, b"hello", "values.txt")


def test_replaced_values_keep_their_row_and_creator_and_gain_a_version(measure, board_manager):
    january, february = datetime.date(2024, 1, 1), datetime.date(2024, 2, 1)
    held = MeasureValueFactory(measure=measure, period=january, created_by=board_manager)
    points = [
        {"period": january, "numerator": Decimal(3), "denominator": Decimal(4), "value": None},
        {"period": february, "numerator": None, "denominator": None, "value": Decimal(9)},
    ]
    services.replace_values(SystemActor("annex_a"), measure, points, "From import 7")
    january_value, february_value = measure.values.order_by("period")
    assert (january_value.pk, january_value.created_by, january_value.created_at) == (
        held.pk,
        board_manager,
        held.created_at,
    )
    assert (january_value.value, january_value.version, january_value.note) == (
        Decimal("75.0"),
        held.version + 1,
        "From import 7",
    )
    assert (february_value.value, february_value.version) == (Decimal(9), 1)
    entry = AuditEntry.objects.get(verb="recorded values", object_id=str(measure.pk))
    assert entry.before == {"2024-01-01": "70.00", "2024-02-01": None}
    assert entry.after == {"2024-01-01": "75.0", "2024-02-01": "9"}
