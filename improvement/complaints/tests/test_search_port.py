"""Complaints' `search` port (docs/adr/043): cases by reference or summary, only for
the complaints manager and those they have granted access, and only live cases."""

import datetime

import pytest

from improvement.complaints.models import CaseAccessGrant
from improvement.complaints.ports import search
from improvement.complaints.tests.factories import ComplaintFactory

pytestmark = pytest.mark.django_db


def test_the_complaints_manager_finds_cases_by_reference_and_summary(council, complaints_manager):
    case = ComplaintFactory(council=council, reference="CS-2024-017", summary="Late visit")
    ComplaintFactory(council=council, summary="A late reply to a letter")
    (cases,) = search(council, complaints_manager, "late")
    assert cases.total == 2
    (cases,) = search(council, complaints_manager, "CS-2024-017")
    assert [hit.url for hit in cases.hits] == [f"/councils/testshire/complaints/cases/{case.pk}/"]
    assert cases.hits[0].date == datetime.date(2024, 2, 1)


def test_hidden_from_everyone_not_allowed_to_see_cases(council, board_manager, chair, councillor):
    ComplaintFactory(council=council, summary="Late visit")
    for reader in (board_manager, chair, councillor, None):
        assert search(council, reader, "late") == []


def test_a_granted_reader_finds_cases_until_the_grant_is_revoked(
    council, board_member, complaints_manager
):
    ComplaintFactory(council=council, summary="Late visit")
    grant = CaseAccessGrant.objects.create(council=council, user=board_member, reason="Audit")
    assert search(council, board_member, "late")[0].total == 1
    grant.archived_at = datetime.datetime(2024, 2, 1, tzinfo=datetime.UTC)
    grant.save()
    assert search(council, board_member, "late") == []


def test_archived_cases_and_other_councils_cases_are_never_found(
    council, other_council, complaints_manager
):
    gone = ComplaintFactory(council=council, summary="Late visit")
    gone.archived_at = datetime.datetime(2024, 2, 1, tzinfo=datetime.UTC)
    gone.save()
    ComplaintFactory(council=other_council, summary="Late visit elsewhere")
    assert search(council, complaints_manager, "late")[0].total == 0
