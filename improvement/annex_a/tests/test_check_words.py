"""An import's checks read as words on every page that shows them: why rows were
rejected, never the codes the report keeps ("missing_child_unique_id")."""

import pytest
from django.urls import reverse

from improvement.annex_a.parse import REASON_WORDS, REASONS
from improvement.annex_a.services import import_annex_a
from improvement.annex_a.tests.handbuilt import R, hand_built
from improvement.core.actors import SystemActor


@pytest.fixture
def imported(council, tmp_path):
    return import_annex_a(SystemActor("test"), council, hand_built(tmp_path / "annex-a.xlsx"), R)


def test_every_reason_has_its_words():
    assert set(REASON_WORDS) == set(REASONS)


def test_the_import_page_says_why_rows_were_rejected_in_words(client_for, board_manager, imported):
    address = reverse("annex_a:import_status", args=["testshire", imported.pk])
    page = client_for(board_manager).get(address).content.decode()
    assert "2 rows with no Child Unique ID" in page
    assert "1 row with a required date that could not be read" in page
    assert "1 row with a date after the reference date" in page
    assert "row 7 (no Child Unique ID)" in page
    assert not [code for code in REASONS if code in page]


@pytest.mark.parametrize("page", ["board:activity", "board:start"])
def test_no_check_code_shows_on_the_board_pages(
    client_for, board_manager, performance_officer, imported, page
):
    reader = board_manager if page == "board:activity" else performance_officer
    body = client_for(reader).get(reverse(page, args=["testshire"])).content.decode()
    assert not [code for code in REASONS if code in body]
