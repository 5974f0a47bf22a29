"""Confirming and undoing imports one council at a time, newest last: an older import
is never confirmed over a newer one, only the latest in the measures is undone, and
each takes the council's lock before it reads which imports are in (docs/adr/045)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from improvement.annex_a.models import AnnexAImport
from improvement.annex_a.services import confirm_import, undo_import
from improvement.annex_a.tests.handbuilt import R, hand_built
from improvement.annex_a.tests.test_import_loop import LATER, every_value, read, url


def test_an_older_import_cannot_be_confirmed_once_a_newer_one_is_in_the_measures(
    board_manager, council, tmp_path
):
    older = read(board_manager, council, hand_built(tmp_path / "a.xlsx"), R)
    newer = read(board_manager, council, hand_built(tmp_path / "b.xlsx"), LATER)
    confirm_import(board_manager, newer, newer.version)
    values = every_value(council)

    with pytest.raises(ValidationError, match=f"Import {newer.pk} \\(b.xlsx\\) was uploaded after"):
        confirm_import(board_manager, older, older.version)

    older.refresh_from_db()
    assert older.status == AnnexAImport.Status.READY and every_value(council) == values


def test_the_refusal_is_named_on_the_preview_page(client_for, board_manager, council, tmp_path):
    older = read(board_manager, council, hand_built(tmp_path / "a.xlsx"), R)
    newer = read(board_manager, council, hand_built(tmp_path / "b.xlsx"), LATER)
    confirm_import(board_manager, newer, newer.version)

    response = client_for(board_manager).post(
        url("import_preview", older.pk), {"version": older.version}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page and "confirming this older one would put" in page


def test_once_the_newer_is_undone_the_older_may_be_confirmed(board_manager, council, tmp_path):
    older = read(board_manager, council, hand_built(tmp_path / "a.xlsx"), R)
    newer = read(board_manager, council, hand_built(tmp_path / "b.xlsx"), LATER)
    newer = confirm_import(board_manager, newer, newer.version)
    undo_import(board_manager, newer, newer.version)
    confirmed = confirm_import(board_manager, older, older.version)
    assert confirmed.status == AnnexAImport.Status.DONE


def test_a_newer_import_may_be_confirmed_over_an_older_one(board_manager, council, tmp_path):
    older = read(board_manager, council, hand_built(tmp_path / "a.xlsx"), R)
    newer = read(board_manager, council, hand_built(tmp_path / "b.xlsx"), LATER)
    older = confirm_import(board_manager, older, older.version)
    newer = confirm_import(board_manager, newer, newer.version)
    # Only the latest in the measures can be undone.
    with pytest.raises(ValidationError, match=f"Import {newer.pk} .* undo it first"):
        undo_import(board_manager, older, older.version)


def _council_read_before_any_write(queries, council) -> bool:
    sqls = [query["sql"] for query in queries]
    council_read = next(
        i for i, sql in enumerate(sqls)
        if sql.startswith("SELECT") and '"core_council"' in sql.split("WHERE")[0]
        and f'"core_council"."id" = {council.pk}' in sql
    )  # fmt: skip
    first_write = next(i for i, sql in enumerate(sqls) if sql.startswith(("UPDATE", "INSERT")))
    first_import_read = next(i for i, sql in enumerate(sqls) if '"annex_a_annexaimport"' in sql)
    return council_read < first_write and council_read < first_import_read


def test_confirm_and_undo_take_the_councils_lock_first(board_manager, council, tmp_path):
    record = read(board_manager, council, hand_built(tmp_path / "a.xlsx"), R)
    with CaptureQueriesContext(connection) as confirming:
        record = confirm_import(board_manager, record, record.version)
    assert _council_read_before_any_write(confirming.captured_queries, council)
    with CaptureQueriesContext(connection) as undoing:
        undo_import(board_manager, record, record.version)
    assert _council_read_before_any_write(undoing.captured_queries, council)
