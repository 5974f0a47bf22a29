"""The import loop: the worker reads, the officer sees each measure's values before
and after, confirms, and can undo, with the measures back exactly as they were."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from improvement.annex_a.services import (
    AnnexAError,
    analyse,
    confirm_import,
    import_annex_a,
    queue_import,
    run_queued,
    undo_import,
)
from improvement.annex_a.tests.builders import D, lists_workbook, row
from improvement.annex_a.tests.handbuilt import R, hand_built
from improvement.core.actors import SystemActor
from improvement.core.models import AuditEntry
from improvement.evidence.models import MeasureValue

LATER = D(2024, 7, 3)  # the hand-built workbook read a few days on: new and changed months


def url(name, *args):
    return reverse(f"annex_a:{name}", args=("testshire", *args))


def read(actor, council, path, reference):
    """What the worker does with an upload: read it, leaving the measures alone."""
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    return run_queued(actor, queue_import(actor, council, upload, reference))


def every_value(council):
    """Every value of every measure, each field a person or a chart reads."""
    return sorted(
        MeasureValue.objects.filter(measure__council=council).values_list(
            "measure__code", "period", "numerator", "denominator", "value", "note"
        )
    )


def live_codes(council):
    return sorted(council.measures.live().values_list("code", flat=True))


@pytest.fixture
def first(council, tmp_path):
    """The board's measures as an earlier import left them, with a hand-kept value."""
    record = import_annex_a(SystemActor("test"), council, hand_built(tmp_path / "a.xlsx"), R)
    measure = council.measures.get(code="referral_nfa_pct")
    MeasureValue.objects.create(measure=measure, period=D(2022, 1, 1), value=Decimal("12.5"),
                                note="kept by hand")  # fmt: skip
    return record


def test_the_preview_shows_each_measures_values_before_and_after_and_changes_nothing(
    client_for, board_manager, council, first, tmp_path
):
    before = every_value(council)
    record = read(board_manager, council, hand_built(tmp_path / "b.xlsx"), LATER)
    assert record.status == "ready"
    response = client_for(board_manager).get(url("import_preview", record.pk))
    assert response.status_code == 200
    shown = {m.name: m for m in response.context["measures"]}
    assert len(shown) == 15
    nfa = shown["Referrals with no further action"]
    months = {m["month"]: (m["before"], m["after"]) for m in nfa.months}
    assert months["April 2024"][0] != "No value" and not nfa.new
    page = response.content.decode()
    assert "Check the changes to the board's measures" in page
    assert "Confirm and update the measures" in page
    assert every_value(council) == before


def test_confirming_puts_the_figures_into_the_measures_and_keeps_a_snapshot(
    client_for, board_manager, council, first, tmp_path
):
    before = every_value(council)
    record = read(board_manager, council, hand_built(tmp_path / "b.xlsx"), LATER)
    response = client_for(board_manager).post(
        url("import_preview", record.pk), {"version": record.version}
    )
    assert response["Location"] == url("import_status", record.pk)
    record.refresh_from_db()
    assert record.status == "done" and record.applied_at is not None
    assert every_value(council) != before
    assert record.measure_changes.filter(existed=False).exists()  # July 2024 is new
    assert record.measure_changes.filter(existed=True).exists()
    page = client_for(board_manager).get(url("import_status", record.pk)).content.decode()
    assert "undo this import" in page
    assert AuditEntry.objects.filter(verb="confirmed Annex A").count() == 1


def test_undo_puts_every_measure_value_back_exactly_as_it_was(
    client_for, board_manager, council, first, tmp_path
):
    before, codes = every_value(council), live_codes(council)
    record = read(board_manager, council, hand_built(tmp_path / "b.xlsx"), LATER)
    confirm_import(board_manager, record, record.version)
    assert every_value(council) != before
    client = client_for(board_manager)
    asked = client.get(url("import_undo", record.pk))
    assert "Undo the import" in asked.content.decode()
    assert every_value(council) != before  # asking changes nothing
    record.refresh_from_db()
    response = client.post(url("import_undo", record.pk), {"version": record.version})
    assert response["Location"] == url("import_status", record.pk)
    assert every_value(council) == before
    assert live_codes(council) == codes
    record.refresh_from_db()
    assert record.status == "undone" and record.undone_at is not None
    undone = AuditEntry.objects.filter(verb=f"undid Annex A import {record.pk}")
    assert undone.count() == 15
    assert "Import undone" in client.get(url("import_status", record.pk)).content.decode()


def test_undoing_the_first_import_archives_the_measures_it_made_and_the_next_brings_them_back(
    board_manager, council, tmp_path
):
    record = read(board_manager, council, hand_built(tmp_path / "a.xlsx"), R)
    confirm_import(board_manager, record, record.version)
    record.refresh_from_db()
    undo_import(board_manager, record, record.version)
    assert live_codes(council) == [] and every_value(council) == []
    again = read(board_manager, council, hand_built(tmp_path / "b.xlsx"), R)
    confirm_import(board_manager, again, again.version)
    assert len(live_codes(council)) == 15
    again.refresh_from_db()
    undo_import(board_manager, again, again.version)
    assert live_codes(council) == []


def test_only_the_latest_import_can_be_undone(board_manager, council, first, tmp_path):
    later = read(board_manager, council, hand_built(tmp_path / "b.xlsx"), LATER)
    confirm_import(board_manager, later, later.version)
    first.refresh_from_db()
    with pytest.raises(ValidationError, match=f"Import {later.pk} .* undo it first"):
        undo_import(board_manager, first, first.version)
    later.refresh_from_db()
    undo_import(board_manager, later, later.version)
    first.refresh_from_db()
    undo_import(board_manager, first, first.version)
    assert every_value(council) == [
        ("referral_nfa_pct", D(2022, 1, 1), None, None, Decimal("12.50"), "kept by hand")
    ]


def test_undo_is_refused_when_a_value_was_changed_since(
    client_for, board_manager, council, first, tmp_path
):
    value = MeasureValue.objects.get(measure__code="referral_nfa_pct", period=D(2024, 4, 1))
    MeasureValue.objects.filter(pk=value.pk).update(value=Decimal("99"))
    response = client_for(board_manager).post(
        url("import_undo", first.pk), {"version": first.version}
    )
    assert response.status_code == 200
    assert "changed since the import" in response.content.decode()
    first.refresh_from_db()
    assert first.status == "done"


def test_an_import_waiting_for_confirmation_cannot_be_undone_nor_confirmed_twice(
    board_manager, council, tmp_path
):
    record = read(board_manager, council, hand_built(tmp_path / "a.xlsx"), R)
    with pytest.raises(ValidationError, match="only an import in the board"):
        undo_import(board_manager, record, record.version)
    confirm_import(board_manager, record, record.version)
    record.refresh_from_db()
    with pytest.raises(ValidationError, match="only an import waiting"):
        confirm_import(board_manager, record, record.version)


def test_a_councillor_can_neither_confirm_nor_undo(client_for, councillor, board_manager,
                                                   council, first, tmp_path):  # fmt: skip
    record = read(board_manager, council, hand_built(tmp_path / "b.xlsx"), LATER)
    client = client_for(councillor)
    assert client.post(url("import_preview", record.pk), {"version": 1}).status_code == 403
    assert client.post(url("import_undo", first.pk), {"version": 1}).status_code == 403
    record.refresh_from_db()
    assert record.status == "ready"


def test_a_reference_date_before_every_row_is_refused_naming_the_sheet_and_cell(tmp_path):
    path = lists_workbook(tmp_path / "a.xlsx", {3: [row(3, child_id="A1",
                                                        referral_date=D(2024, 5, 3))]})  # fmt: skip
    with pytest.raises(AnnexAError) as refused:
        analyse(path, D(2024, 1, 31))
    message = str(refused.value)
    assert "Sheet 'List 3" in message and "cell " in message and "3 May 2024" in message
    assert "Enter the date the extract was taken" in message


def test_rows_after_the_reference_date_and_a_stale_extract_are_warned_of(tmp_path):
    path = hand_built(tmp_path / "a.xlsx")
    warnings = " ".join(analyse(path, R).report["warnings"])
    assert "holds 1 July 2024, after the reference date 28 June 2024" in warnings
    stale = " ".join(analyse(path, R + datetime.timedelta(days=120)).report["warnings"])
    assert "days before the reference date" in stale and "check the reference date" in stale
