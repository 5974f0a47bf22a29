import datetime

import pytest
from django.urls import reverse

from improvement.core.models import AuditEntry
from improvement.plans.models import Inspection
from improvement.plans.tests.factories import InspectionFactory, NoticeFactory


def date_fields(name, day):
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def test_board_manager_records_an_inspection_and_it_is_audited(council, board_manager, client_for):
    response = client_for(board_manager).post(
        reverse("plans:record_add", args=[council.slug, "inspection"]),
        {
            "kind": "focused_visit",
            "title": "Focused visit: front door",
            **date_fields("started_on", datetime.date(2023, 3, 1)),
            **date_fields("ended_on", datetime.date(2023, 3, 2)),
        },
    )
    assert response.status_code == 302
    inspection = Inspection.objects.get()
    assert inspection.council == council and inspection.created_by == board_manager
    assert AuditEntry.objects.filter(object_id=str(inspection.pk), verb="created").exists()


def test_an_inspection_ending_before_it_starts_is_refused(council, board_manager, client_for):
    response = client_for(board_manager).post(
        reverse("plans:record_add", args=[council.slug, "inspection"]),
        {
            "kind": "focused_visit",
            "title": "Visit",
            **date_fields("started_on", datetime.date(2023, 3, 2)),
            **date_fields("ended_on", datetime.date(2023, 3, 1)),
        },
    )
    assert "Last day of the visit must be on or after the first day" in response.content.decode()
    assert not Inspection.objects.exists()


def test_a_review_moves_the_next_review_date(council, board_manager, client_for):
    NoticeFactory(council=council)
    client = client_for(board_manager)
    client.post(
        reverse("plans:record_add", args=[council.slug, "review"]),
        {**date_fields("held_on", datetime.date(2024, 2, 14)), "reviewer": "DfE"},
    )
    page = client.get(reverse("plans:notice_detail", args=[council.slug])).content.decode()
    assert "14 August 2024" in page


@pytest.mark.parametrize(
    ("role", "expected"),
    [("chair", 403), ("owner", 403), ("councillor", 403), ("other_officer", 404)],
)
def test_only_the_board_manager_adds_or_corrects_records(council, cast, client_for, role, expected):
    inspection = InspectionFactory(council=council)
    client = client_for(cast[role])
    assert (
        client.get(reverse("plans:record_add", args=[council.slug, "finding"])).status_code
        == expected
    )
    assert (
        client.get(
            reverse("plans:record_edit", args=[council.slug, "inspection", inspection.pk])
        ).status_code
        == expected
    )


def test_another_councils_inspection_cannot_be_corrected(
    council, other_council, board_manager, client_for
):
    foreign = InspectionFactory(council=other_council)
    response = client_for(board_manager).get(
        reverse("plans:record_edit", args=[council.slug, "inspection", foreign.pk])
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("role", "shown"), [("board_manager", True), ("chair", False), ("councillor", False)]
)
def test_only_the_board_manager_is_offered_the_add_buttons(council, cast, client_for, role, shown):
    NoticeFactory(council=council)
    client = client_for(cast[role])
    inspections = client.get(reverse("plans:inspection_list", args=[council.slug]))
    notice = client.get(reverse("plans:notice_detail", args=[council.slug]))
    assert ("Add an inspection" in inspections.content.decode()) is shown
    assert ("Record a DfE review" in notice.content.decode()) is shown
