"""Whatever text a person pastes into an update (control characters, a vertical tab
from Word, `$...$` that matplotlib would read as TeX, any script) goes through the
plan export, the board report in every format and the measure chart without an error.

The text is given to the services directly, not through a form, so the writers'
own cleaning is what is tested here (forms clean it again at the door).
"""

import datetime
import io

import openpyxl
import pytest
from docx import Document as WordDocument
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from improvement.core.text import reads_as_empty
from improvement.evidence.charts import measure_chart
from improvement.evidence.tests.factories import MeasureFactory, MeasureValueFactory
from improvement.plans import exporting, services
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory
from improvement.reports import services as report_services
from improvement.reports.build import report_file
from improvement.reports.tests.factories import board_meeting

# Any characters at all, with the troublesome ones made likely.
AWKWARD = st.sampled_from(["\x0b", "\x0c", "\x00", "\x1f", "$x$", "$", "\\", "<", "&", "\ufffe"])
TEXT = st.lists(st.one_of(AWKWARD, st.text(max_size=12)), min_size=1, max_size=8).map("".join)
# A reason must leave something readable once cleaned (an empty one is refused).
TEXT = TEXT.filter(lambda text: not reads_as_empty(text))

EXAMPLES = settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def action(council, owner_person):
    objective = ObjectiveFactory(council=council)
    return ActionFactory(objective=objective, owners=[owner_person])


@pytest.mark.django_db
@EXAMPLES
@given(text=TEXT)
def test_any_update_text_goes_into_the_plan_export_and_every_board_report(
    text, council, board_manager, action
):
    data = {
        "as_of": datetime.date(2024, 3, 1),
        "rating": "red",  # so the text is printed under slow to progress too
        "reason": text,
        "narrative": text,
        "support_needed": text,
    }
    services.record_update(board_manager, action, data)

    book = openpyxl.load_workbook(io.BytesIO(exporting.export_plan(council)))
    assert book.worksheets[0].max_row >= 2

    meeting = board_meeting(council, datetime.date(2024, 3, 1))
    report = report_services.create_report(
        board_manager, council, "board_progress", meeting=meeting, as_at=datetime.date(2024, 3, 1)
    )
    assert report_file(report, "pdf").startswith(b"%PDF")
    WordDocument(io.BytesIO(report_file(report, "docx")))
    assert "<html" in report_file(report, "html").decode()


@pytest.mark.django_db
@EXAMPLES
@given(text=TEXT)
def test_any_measure_name_draws_a_chart(text, council):
    # Built, not saved: the chart draws what it is given (PostgreSQL would refuse a NUL
    # before the chart saw it; the services clean text before they store it).
    measure = MeasureFactory.build(council=council, name=text)
    values = [
        MeasureValueFactory.build(measure=measure, period=datetime.date(2024, month, 1))
        for month in (1, 2, 3)
    ]
    assert "<svg" in measure_chart(measure, values)
