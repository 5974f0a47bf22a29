"""Every change to a council's record moves `last_change`, the stamp its drafts and
reused figures are keyed by (docs/adr/020, 024): also a DfE review, which reaches
its council through its notice, and the council's own settings."""

from improvement.core import audit
from improvement.core.audit import last_change
from improvement.plans import services as plan_services
from improvement.plans.models import Review
from improvement.plans.tests.factories import NoticeFactory


def test_recording_a_dfe_review_moves_the_councils_last_change(council, board_manager):
    notice = NoticeFactory(council=council)
    before = last_change(council)
    review = Review(notice=notice)
    plan_services.save_record(
        board_manager, council, review, {"held_on": notice.issued_on, "reviewer": "DfE"}
    )
    assert last_change(council) > before
    assert audit.history_for(review).get().council == council


def test_editing_the_rating_scale_moves_the_councils_last_change(council, board_manager):
    before = last_change(council)
    scale = [{**row, "label": row["label"].upper()} for row in council.rating_scale]
    old = audit.snapshot(council)
    council.rating_scale = scale
    council.save(update_fields=["rating_scale"])
    audit.record(board_manager, "changed the rating scale", council, old, audit.snapshot(council))
    assert last_change(council) > before


def test_another_councils_change_leaves_last_change_alone(council, other_council, board_manager):
    before = last_change(council)
    audit.record(board_manager, "changed", other_council, None, {"name": "x"})
    assert last_change(council) == before
