"""A report as at a date uses only the benchmarks that had been published by then."""

import datetime
from decimal import Decimal

from improvement.evidence import queries, services
from improvement.evidence.models import Benchmark
from improvement.evidence.tests.factories import BenchmarkFactory, MeasureFactory, monthly

D = datetime.date
BOARD_MEETING = D(2023, 11, 8)  # the first board meeting: reports are dated November 2023


def test_as_at_8_november_2023_no_benchmark_published_later_is_used(council):
    measure = MeasureFactory(council=council, code="rereferral_12m_pct")
    monthly(measure, [22, 21, 20])
    BenchmarkFactory(measure=measure, year="2022-23", value=Decimal("22.4"))
    BenchmarkFactory(
        measure=measure,
        year="2024-25",
        value=Decimal("21.9"),
        source="DfE Characteristics of children in need 2025",
        published_on=D(2025, 11, 6),
    )
    summary = queries.measure_summaries(council, BOARD_MEETING)[0]
    assert [b.year for b in summary.benchmarks] == ["2022-23"]
    assert all(b.published_on <= BOARD_MEETING for b in summary.benchmarks)
    assert summary.england.value == Decimal("22.4")
    later = queries.measure_summaries(council, D(2025, 12, 1))[0]
    assert later.england.year == "2024-25"


def test_the_measure_page_summary_leaves_out_what_was_not_yet_published(council):
    measure = MeasureFactory(council=council)
    held = [
        BenchmarkFactory(measure=measure, year="2022-23"),
        BenchmarkFactory(measure=measure, year="2024-25", published_on=D(2025, 11, 6)),
    ]
    summary = queries.summary_of(measure, [], held, BOARD_MEETING)
    assert [b.year for b in summary.benchmarks] == ["2022-23"]


def test_a_benchmark_of_unknown_publication_is_never_assumed_known(council):
    measure = MeasureFactory(council=council)
    BenchmarkFactory(measure=measure, published_on=None)
    assert queries.benchmarks_by_measure([measure.pk], D(2030, 1, 1))[measure.pk] == []


def test_without_its_date_a_benchmark_is_assumed_published_after_its_period(council, board_manager):
    assert Benchmark.assumed_published_on("2022-23") == D(2023, 12, 1)
    assert Benchmark.assumed_published_on("2024/2025") == D(2025, 12, 1)
    assert Benchmark.assumed_published_on("2023") == D(2023, 12, 1)
    assert Benchmark.assumed_published_on("latest") is None
    measure = MeasureFactory(council=council)
    data = {"kind": "england", "year": "2024-25", "value": Decimal("21.9")}
    saved = services.record_benchmark(board_manager, measure, data)
    assert saved.published_on == D(2025, 12, 1)
