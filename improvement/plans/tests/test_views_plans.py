import datetime

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from improvement.core.models import AuditEntry
from improvement.plans.models import Action, Objective, Update
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory, UpdateFactory


def url(council, name, *args):
    return reverse(f"plans:{name}", args=[council.slug, *args])


def date_fields(name, day):
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


@pytest.fixture
def action(council, owner_person):
    return ActionFactory(objective=ObjectiveFactory(council=council), owners=[owner_person])


def test_board_manager_adds_an_objective(council, board_manager, client_for):
    response = client_for(board_manager).post(
        url(council, "objective_create"),
        {"ref": "7", "title": "Workforce stability", "position": 7},
    )
    objective = Objective.objects.get(ref="7")
    assert response.status_code == 302
    assert objective.created_by == board_manager
    assert AuditEntry.objects.filter(verb="created", object_id=str(objective.pk)).exists()


def test_action_form_reports_a_due_date_before_its_start(
    council, board_manager, client_for, owner_person
):
    objective = ObjectiveFactory(council=council)
    response = client_for(board_manager).post(
        url(council, "action_create", objective.pk),
        {
            "title": "Audit MASH decisions",
            "organisation": owner_person.organisation.pk,
            "owners": [owner_person.pk],
            "position": 1,
            **date_fields("start_on", datetime.date(2024, 5, 1)),
            **date_fields("due_on", datetime.date(2024, 4, 1)),
        },
    )
    assert response.status_code == 200
    assert "Due date must be the same as or after the start date" in response.content.decode()
    assert "There is a problem" in response.content.decode()
    assert not Action.objects.exists()


def test_owner_records_an_update_with_evidence(council, owner, action, client_for):
    pdf = SimpleUploadedFile("audit.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    response = client_for(owner).post(
        url(council, "update_create", action.pk),
        {
            **date_fields("as_of", datetime.date(2024, 2, 29)),
            "rating": "amber",
            "reason": "Two vacancies",
            "narrative": "Recruiting",
            "support_needed": "HR capacity",
            "evidence": [pdf],
        },
    )
    assert response.status_code == 302
    update = Update.objects.get()
    assert update.evidence.get().name == "audit.pdf"
    detail = reverse("board:action_detail", args=[council.slug, action.pk])
    page = client_for(owner).get(detail).content.decode()
    assert "Two vacancies" in page and "HR capacity" in page and "audit.pdf" in page


def test_evidence_that_is_not_what_it_claims_is_refused(council, owner, action, client_for):
    fake = SimpleUploadedFile("report.pdf", b"MZ not a pdf", content_type="application/pdf")
    exe = SimpleUploadedFile("tool.exe", b"MZ", content_type="application/octet-stream")
    for upload, message in (
        (fake, "report.pdf is not a real PDF file"),
        (exe, "tool.exe must be a"),
    ):
        response = client_for(owner).post(
            url(council, "update_create", action.pk),
            {
                **date_fields("as_of", datetime.date(2024, 2, 29)),
                "rating": "green",
                "reason": "ok",
                "evidence": [upload],
            },
        )
        assert message in response.content.decode()
    assert not Update.objects.exists()


def test_update_without_a_reason_is_refused_on_the_field(council, owner, action, client_for):
    response = client_for(owner).post(
        url(council, "update_create", action.pk),
        {**date_fields("as_of", datetime.date(2024, 2, 29)), "rating": "red", "reason": ""},
    )
    assert "Enter the reason for this rating" in response.content.decode()
    assert not Update.objects.exists()


def test_an_update_dated_in_the_future_is_refused(council, owner, action, client_for):
    response = client_for(owner).post(
        url(council, "update_create", action.pk),
        {**date_fields("as_of", datetime.date(2024, 3, 2)), "rating": "green", "reason": "ok"},
    )
    assert "must be today or in the past" in response.content.decode()


def test_a_stale_edit_is_refused_with_who_and_when_and_the_input_kept(
    council, board_manager, chair, action, client_for
):
    client = client_for(board_manager)
    form_version = action.version
    from improvement.plans import services

    services.change_action(board_manager, action, {"title": "Changed meanwhile"}, form_version)
    response = client.post(
        url(council, "action_edit", action.pk),
        {
            "title": "My edit",
            "organisation": action.organisation_id,
            "owners": [o.pk for o in action.owners.all()],
            "position": 0,
            "version": form_version,
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Penny Aubert changed this on 1 March 2024" in body
    assert "My edit" in body
    action.refresh_from_db()
    assert action.title == "Changed meanwhile"


def test_chair_accepts_a_proposed_blue(council, chair, owner, action, client_for):
    update = UpdateFactory(action=action, rating="blue", approval="proposed", created_by=owner)
    response = client_for(chair).post(
        url(council, "completion_decide", update.pk),
        {"decision": "accept", "comment": "", "version": update.version},
    )
    assert response.status_code == 302
    update.refresh_from_db()
    assert update.approval == "accepted" and update.reviewed_by == chair


def test_returning_a_blue_asks_what_more_is_needed(council, chair, owner, action, client_for):
    update = UpdateFactory(action=action, rating="blue", approval="proposed", created_by=owner)
    response = client_for(chair).post(
        url(council, "completion_decide", update.pk),
        {"decision": "return", "comment": "", "version": update.version},
    )
    assert "Enter what more is needed" in response.content.decode()
    update.refresh_from_db()
    assert update.approval == "proposed"


def _bulk_plan(council, organisation, count):
    objectives = Objective.objects.bulk_create(
        Objective(council=council, ref=str(i), title=f"O{i}") for i in range(5)
    )
    actions = Action.objects.bulk_create(
        Action(
            council=council,
            objective=objectives[i % 5],
            ref=f"A{i}",
            title=f"Action {i}",
            organisation=organisation,
            due_on=datetime.date(2024, 6, 1),
        )
        for i in range(count)
    )
    Update.objects.bulk_create(
        Update(action=a, as_of=datetime.date(2024, 1, 1 + n), rating="amber", reason="r")
        for a in actions
        for n in range(2)
    )


@pytest.mark.parametrize("page", ["objective_list"])
def test_list_pages_keep_a_fixed_query_count_from_10_to_2000_actions(
    council, board_manager, owner_person, client_for, page
):
    client = client_for(board_manager)
    counts = []
    for size in (10, 2000):
        Update.objects.all().delete()
        Action.objects.all().delete()
        Objective.objects.all().delete()
        _bulk_plan(council, owner_person.organisation, size)
        cache.clear()  # a bulk load writes no audit entry: count each size's first view
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(f"board:{page}", args=[council.slug])).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
