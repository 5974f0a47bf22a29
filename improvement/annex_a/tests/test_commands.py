"""The import_annex_a, kpis and purge_annex_a commands, and the measures they feed."""

import datetime
import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from improvement.annex_a.output import kpi_document
from improvement.annex_a.tests.handbuilt import R, hand_built
from improvement.core.models import AuditEntry, RetentionSettings


@pytest.fixture
def workbook(tmp_path):
    return hand_built(tmp_path / "annex-a.xlsx")


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_import_then_kpis_prints_the_contract_json(council, workbook):
    report = run("import_annex_a", str(workbook), "--council", "testshire",
                 "--reference-date", R.isoformat())  # fmt: skip
    assert "list_1 (List 1 - Contacts): 12 rows read, 8 used" in report
    document = json.loads(run("kpis", "--council", "testshire", "--format", "json"))
    assert document["council"] == "testshire"
    assert document["reference_date"] == "2024-06-28"
    assert document["import_id"] == council.annex_a_imports.get().pk
    assert len(document["kpis"]) == 15
    nfa = document["kpis"]["referral_nfa_pct"]
    assert list(nfa) == ["label", "numerator", "denominator", "value", "benchmark", "by_month"]
    assert (nfa["numerator"], nfa["denominator"], nfa["value"]) == (3, 9, 33.3)
    # As at its reference date, 28 June 2024: the 2024-25 figure came out in 2025.
    assert nfa["benchmark"] == {
        "england": 7.1,
        "year": "2022-23",
        "source": "DfE Characteristics of children in need 2023 (table C1)",
        "published_on": "2023-10-26",
    }
    assert nfa["by_month"][0] == {
        "month": "2023-04", "numerator": 0, "denominator": 1, "value": 0.0
    }  # fmt: skip
    assert "benchmark" not in document["kpis"]["cla_3plus_placements_pct"]
    assert document["kpis"]["assessments_open_over_45wd"]["value"] == 1
    quality = document["data_quality"]
    assert list(quality) == [f"list_{n}" for n in range(1, 12)] + ["icpc_before_s47_start"]
    assert set(quality["list_1"]) == {
        "sheet", "rows", "used", "rejected", "unreadable_optional_dates", "headers_mapped"
    }  # fmt: skip
    assert quality["icpc_before_s47_start"] == 1


def test_a_kpi_document_uses_only_benchmarks_published_by_its_reference_date(council, workbook):
    for reference in ("2023-10-25", "2025-12-01"):
        run("import_annex_a", str(workbook), "--council", "testshire", "--reference-date",
            reference)  # fmt: skip
    records = council.annex_a_imports.order_by("reference_date")
    before, after = (kpi_document(record)["kpis"] for record in records)
    # The day before the DfE's 2023 release there was no England figure to show.
    assert "benchmark" not in before["referral_nfa_pct"]
    assert after["referral_nfa_pct"]["benchmark"]["year"] == "2024-25"
    assert after["referral_nfa_pct"]["benchmark"]["published_on"] == "2025-12-01"


def test_kpis_use_the_latest_import(council, workbook):
    for reference in ("2024-06-28", "2024-07-31"):
        run("import_annex_a", str(workbook), "--council", "testshire", "--reference-date",
            reference)  # fmt: skip
    document = json.loads(run("kpis", "--council", "testshire", "--format", "json"))
    assert document["reference_date"] == "2024-07-31"


def test_unknown_council_and_unreadable_file_are_command_errors(council, tmp_path):
    with pytest.raises(CommandError, match="No council"):
        run("import_annex_a", "x.xlsx", "--council", "nowhere", "--reference-date", "2024-06-28")
    (tmp_path / "bad.xlsx").write_text("not a workbook")
    with pytest.raises(CommandError, match="could not be read"):
        run("import_annex_a", str(tmp_path / "bad.xlsx"), "--council", "testshire",
            "--reference-date", "2024-06-28")  # fmt: skip
    assert not council.annex_a_imports.exists()
    with pytest.raises(CommandError, match="no Annex A import"):
        run("kpis", "--council", "testshire")


def test_each_kpi_feeds_a_computed_measure_by_month_with_england_benchmarks(council, workbook):
    run("import_annex_a", str(workbook), "--council", "testshire", "--reference-date", "2024-06-28")
    measure = council.measures.get(code="icpc_within_15wd_pct")
    assert measure.source == "computed"
    assert measure.name == "ICPCs within 15 working days of the strategy discussion"
    values = [(v.period, v.numerator, v.denominator, v.value) for v in measure.values.all()]
    assert values == [
        (datetime.date(2024, 5, 1), 1, 2, 50),
        (datetime.date(2024, 6, 1), 2, 2, 100),
    ]
    assert sorted(measure.benchmarks.values_list("year", "value")) == [
        ("2022-23", Decimal("78.5")), ("2024-25", Decimal("81.4"))
    ]  # fmt: skip
    visits = council.measures.get(code="cp_visits_within_10wd_pct")
    assert [(v.period, v.value) for v in visits.values.all()] == [(datetime.date(2024, 6, 1), 60)]
    assert council.measures.get(code="assessments_open_over_45wd").unit == "count"
    assert council.measures.filter(source="computed").count() == 15


def test_a_second_import_replaces_the_months_it_covers(council, workbook):
    for _ in range(2):
        run("import_annex_a", str(workbook), "--council", "testshire", "--reference-date",
            "2024-06-28")  # fmt: skip
    measure = council.measures.get(code="referral_nfa_pct")
    assert measure.values.count() == 6
    second = council.annex_a_imports.first()
    assert measure.values.first().note.startswith(f"From Annex A import {second.pk}")


def test_import_is_audited_and_rows_kept_until_the_retention_date(council, workbook):
    run("import_annex_a", str(workbook), "--council", "testshire", "--reference-date", "2024-06-28")
    record = council.annex_a_imports.get()
    assert record.has_child_rows
    assert record.retained_until == datetime.date(2024, 5, 30)  # frozen today + 90 days
    assert AuditEntry.objects.filter(verb="imported Annex A", object_id=str(record.pk)).exists()


def test_no_child_rows_are_kept_when_retention_is_zero(council, workbook):
    RetentionSettings.objects.create(council=council, annex_a_days=0)
    run("import_annex_a", str(workbook), "--council", "testshire", "--reference-date", "2024-06-28")
    record = council.annex_a_imports.get()
    assert not record.has_child_rows and record.retained_until is None
    assert record.kpis["referral_nfa_pct"]["denominator"] == 9


def test_purge_deletes_expired_child_rows_and_keeps_the_kpis(council, workbook, time_machine):
    run("import_annex_a", str(workbook), "--council", "testshire", "--reference-date", "2024-06-28")
    assert "0 Annex A" in run("purge_annex_a")
    time_machine.move_to(datetime.datetime(2024, 6, 1, 12, tzinfo=datetime.UTC))
    assert "1 Annex A" in run("purge_annex_a")
    record = council.annex_a_imports.get()
    assert not record.has_child_rows and record.rows_purged_at is not None
    assert record.kpis["referral_nfa_pct"]["numerator"] == 3
    assert AuditEntry.objects.filter(verb="purged child-level rows").count() == 1


def test_replaced_values_are_audited_with_before_and_after(council, workbook):
    for _ in range(2):
        run("import_annex_a", str(workbook), "--council", "testshire", "--reference-date",
            "2024-06-28")  # fmt: skip
    measure = council.measures.get(code="icpc_within_15wd_pct")
    entries = AuditEntry.objects.filter(
        verb="recorded values from Annex A", object_id=str(measure.pk)
    ).order_by("id")
    assert entries[0].before == {"2024-05-01": None, "2024-06-01": None}
    assert entries[0].after == {"2024-05-01": "50.0", "2024-06-01": "100.0"}
    assert measure.values.get(period=datetime.date(2024, 6, 1)).version == 2
