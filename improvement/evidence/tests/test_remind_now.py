"""The board manager's "Remind the owners who have not replied": a check page naming
whom the reminder reaches and whom no email can, then one reminder each, made by the
same service as the daily job and emailed after commit by the worker."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from improvement.accounts.tests.factories import PersonFactory
from improvement.core.actors import SystemActor
from improvement.core.models import AuditEntry
from improvement.evidence import request_services
from improvement.evidence.models import UpdateReminder
from improvement.plans.models import Update
from improvement.plans.ports import Rating
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory, UpdateFactory

DUE = datetime.date(2024, 3, 8)
JOB = SystemActor("send_reminders")


@pytest.fixture
def actions(council, owner_person, other_owner):
    objective = ObjectiveFactory(council=council)
    nobody = PersonFactory(council=council, name="Nia Noemail")
    closed_only = PersonFactory(council=council, name="Cleo Closed", email="cleo@example.org")
    return [
        ActionFactory(objective=objective, owners=[owner_person], title="Recruit MASH staff"),
        ActionFactory(objective=objective, owners=[other_owner.people.get()], title="Forum"),
        ActionFactory(objective=objective, owners=[nobody], title="Audit meetings"),
        ActionFactory(objective=objective, owners=[closed_only], title="Closed soon"),
    ]


@pytest.fixture
def update_request(council, actions, board_manager):
    with TestCase.captureOnCommitCallbacks(execute=True):
        made = request_services.request_updates(
            board_manager, council, {"title": "Board of 12 March 2024", "due_on": DUE}
        )
    mail.outbox.clear()
    return made


def _url(council, update_request):
    return reverse("evidence:request_remind", args=[council.slug, update_request.pk])


def _close(action):
    """An accepted Blue closes the action: its owner is no longer asked about it."""
    UpdateFactory(action=action, rating=Rating.BLUE, approval=Update.Approval.ACCEPTED,
                  as_of=datetime.date(2024, 2, 1))  # fmt: skip


def test_the_check_page_names_whom_the_reminder_reaches_and_who_has_no_address(
    board_manager, owner, council, update_request, client_for
):
    # Olu replies; Ada has not; Nia has no address.
    request_services.answer_request(owner, update_request.recipients.get(person__user=owner), [])
    client = client_for(board_manager)
    detail = client.get(reverse("evidence:request_detail", args=[council.slug, update_request.pk]))
    assert "Remind the owners who have not replied" in detail.content.decode()
    html = client.get(_url(council, update_request)).content.decode()
    reaches = html.split('aria-label="Owners the reminder reaches"')[1].split("</ul>")[0]
    assert "Ada Other" in reaches and "Olu Owner" not in reaches and "Nia" not in reaches
    missing = html.split('aria-label="Owners without an email address"')[1].split("</ul>")[0]
    assert "Nia Noemail" in missing
    assert "Send the reminder" in html


def test_sending_emails_each_owner_with_an_address_once_after_commit(
    board_manager, council, update_request, client_for
):
    client = client_for(board_manager)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(_url(council, update_request))
        assert not mail.outbox  # nothing goes before the commit
    assert response.status_code == 302
    sent_to = sorted(address for message in mail.outbox for address in message.to)
    assert sent_to == sorted(["cleo@example.org", *_addresses(update_request, "Cleo")])
    assert all(m.subject.startswith("Reminder:") for m in mail.outbox)
    assert UpdateReminder.objects.filter(email_status="sent").count() == len(sent_to)
    assert AuditEntry.objects.filter(verb="sent before reminder").count() == len(sent_to)
    page = client.get(response["Location"]).content.decode()
    assert f"Reminded {len(sent_to)} owners on 1 March 2024" in page


def _addresses(update_request, but):
    return [
        r.email for r in update_request.recipients.exclude(person__name__startswith=but) if r.email
    ]


def test_owners_whose_actions_have_all_closed_are_not_reminded(
    board_manager, council, actions, update_request, client_for
):
    _close(actions[3])
    html = client_for(board_manager).get(_url(council, update_request)).content.decode()
    assert "Cleo Closed" not in html
    with TestCase.captureOnCommitCallbacks(execute=True):
        client_for(board_manager).post(_url(council, update_request))
    assert "cleo@example.org" not in [a for m in mail.outbox for a in m.to]


def test_a_second_press_the_same_day_sends_nothing_more(
    board_manager, council, update_request, client_for
):
    client = client_for(board_manager)
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(_url(council, update_request))
    first = len(mail.outbox)
    assert first > 0
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(_url(council, update_request))
    assert len(mail.outbox) == first
    assert UpdateReminder.objects.count() == first
    html = response.content.decode()
    assert "Send the reminder" not in html and "Already reminded today" in html
    # Nor does the daily job remind them again that day.
    with time_machine.travel(datetime.datetime(2024, 3, 1, 18, tzinfo=datetime.UTC)):
        assert request_services.send_reminders(JOB, datetime.date(2024, 3, 1)) == 0


def test_the_daily_job_and_the_button_remind_the_same_owners(
    board_manager, council, update_request, client_for
):
    """On a day a reminder falls due, both make the same reminders to the same people."""
    day = datetime.date(2024, 3, 6)
    with TestCase.captureOnCommitCallbacks(execute=True):
        by_job = request_services.send_reminders(JOB, day)
    job = sorted(UpdateReminder.objects.values_list("recipient__person__name", "kind", "sent_on"))
    job_mail = sorted(a for m in mail.outbox for a in m.to)
    UpdateReminder.objects.all().delete()
    update_request.recipients.update(reminded_before_on=None, chased_on=None, reminders_sent=0)
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        by_button = request_services.remind_owners(board_manager, update_request, day)
    button = sorted(
        UpdateReminder.objects.values_list("recipient__person__name", "kind", "sent_on")
    )
    assert by_job == by_button == len(job) > 0
    assert job == button
    assert job_mail == sorted(a for m in mail.outbox for a in m.to)


def test_nothing_is_offered_when_everyone_has_replied(
    board_manager, council, update_request, client_for
):
    update_request.recipients.update(
        responded_at=datetime.datetime(2024, 3, 1, tzinfo=datetime.UTC)
    )
    client = client_for(board_manager)
    html = client.get(_url(council, update_request)).content.decode()
    assert "there is nobody to remind" in html and "Send the reminder" not in html
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(_url(council, update_request))
    assert not mail.outbox and not UpdateReminder.objects.exists()


def test_an_archived_request_reminds_nobody(board_manager, council, update_request):
    update_request.archived_at = datetime.datetime(2024, 3, 1, tzinfo=datetime.UTC)
    update_request.save(update_fields=["archived_at"])
    assert request_services.remind_owners(board_manager, update_request) == 0
    assert not UpdateReminder.objects.exists()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("chair", 403),
        ("owner", 403),
        ("board_member", 403),
        ("councillor", 403),
        ("complaints_manager", 403),
        ("other_officer", 404),
    ],
)
def test_only_the_board_manager_may_remind(role, status, cast, council, update_request, client_for):
    client = client_for(cast[role])
    assert client.get(_url(council, update_request)).status_code == status
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert client.post(_url(council, update_request)).status_code == status
    assert not mail.outbox and not UpdateReminder.objects.exists()


def test_the_service_refuses_a_person_without_the_permission(cast, update_request):
    with pytest.raises(PermissionDenied):
        request_services.remind_owners(cast["chair"], update_request)
    with pytest.raises(PermissionDenied):
        request_services.remind_owners(None, update_request)


def test_the_check_page_asks_the_same_queries_for_more_owners(
    board_manager, council, actions, update_request, client_for
):
    client = client_for(board_manager)
    url = _url(council, update_request)
    client.get(url)  # the session and council, warmed

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    few = queries()
    for n in range(4):
        person = PersonFactory(council=council, name=f"Extra {n}", email=f"x{n}@example.org")
        ActionFactory(objective=actions[0].objective, owners=[person])
        update_request.recipients.create(person=person, email=person.email)
    html = client.get(url).content.decode()
    assert "Extra 3" in html
    assert queries() == few
