import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse

from improvement.accounts.tests.factories import PersonFactory
from improvement.core.actors import SystemActor
from improvement.core.models import AuditEntry
from improvement.evidence import request_services
from improvement.evidence.models import UpdateRequest, UpdateRequestRecipient
from improvement.plans.models import Update
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory

DUE = datetime.date(2024, 3, 8)
JOB = SystemActor("send_reminders")


@pytest.fixture
def actions(council, owner_person, other_owner):
    objective = ObjectiveFactory(council=council)
    other = other_owner.people.get()
    return [
        ActionFactory(objective=objective, owners=[owner_person], title="Recruit MASH staff"),
        ActionFactory(objective=objective, owners=[owner_person], title="Audit strategy meetings"),
        ActionFactory(objective=objective, owners=[other], title="Run the forum"),
    ]


def _ask(client, council, people=None):
    """The question page (every owner ticked, as it opens, unless `people` are
    chosen), then the check page's "Send requests"."""
    response = _post(client, council, people)
    assert response["Location"] == reverse("evidence:request_check", args=[council.slug])
    # The emails are tasks enqueued once the request commits: run them as it does.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(response["Location"])


def _post(client, council, people=None):
    if people is None:
        people = request_services.owners_of_live_actions(council)
    return client.post(
        reverse("evidence:request_create", args=[council.slug]),
        {
            "title": "Board of 12 March 2024",
            "due_on_day": "8",
            "due_on_month": "3",
            "due_on_year": "2024",
            "message": "Please update before the board.",
            "people": [p.pk for p in people],
        },
    )


def test_board_manager_asks_every_owner_and_each_gets_an_email_with_a_link(
    board_manager, council, actions, client_for
):
    response = _ask(client_for(board_manager), council)
    update_request = UpdateRequest.objects.get()
    assert response.status_code == 302
    assert update_request.recipients.count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["otherowner@example.org", "owner@example.org"]
    email = next(m for m in mail.outbox if m.to == ["owner@example.org"])
    assert email.subject == "Updates needed on your improvement plan actions by 8 March 2024"
    recipient = update_request.recipients.get(person__name="Olu Owner")
    assert f"/councils/testshire/evidence/answer/{recipient.token}/" in email.body
    assert "Recruit MASH staff" in email.body and "Run the forum" not in email.body
    assert recipient.sent_at is not None
    assert AuditEntry.objects.filter(verb="requested updates").count() == 1


def test_board_manager_can_ask_a_chosen_set(
    board_manager, council, owner_person, actions, client_for
):
    _ask(client_for(board_manager), council, people=[owner_person])
    assert [m.to for m in mail.outbox] == [["owner@example.org"]]


def test_a_due_date_in_the_past_is_refused(board_manager, council, actions, client_for):
    response = client_for(board_manager).post(
        reverse("evidence:request_create", args=[council.slug]),
        {
            "title": "Late",
            "due_on_day": "1",
            "due_on_month": "1",
            "due_on_year": "2024",
            "people": [p.pk for p in request_services.owners_of_live_actions(council)],
        },  # fmt: skip
    )
    assert "The due date must be today or in the future" in response.content.decode()
    assert not UpdateRequest.objects.exists() and not mail.outbox


@pytest.fixture
def update_request(council, actions, board_manager):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return request_services.request_updates(
            board_manager, council, {"title": "Board of 12 March 2024", "due_on": DUE}
        )


def test_owner_answers_for_all_their_actions_on_one_page(
    owner, council, actions, update_request, client_for
):
    recipient = update_request.recipients.get(person__user=owner)
    url = reverse("evidence:request_answer", args=[council.slug, recipient.token])
    client = client_for(owner)
    page = client.get(url).content.decode()
    assert "Recruit MASH staff" in page and "Audit strategy meetings" in page
    assert "Run the forum" not in page
    first, second = actions[0].pk, actions[1].pk
    response = client.post(
        url,
        {
            f"action-{first}-rating": "amber",
            f"action-{first}-reason": "Two posts vacant",
            f"action-{first}-support_needed": "Agency cover for three months",
            f"action-{second}-rating": "",
        },
    )
    assert "Select a rating" in response.content.decode()
    assert not Update.objects.exists()
    response = client.post(
        url,
        {
            f"action-{first}-rating": "amber",
            f"action-{first}-reason": "Two posts vacant",
            f"action-{first}-support_needed": "Agency cover for three months",
            f"action-{second}-rating": "green",
            f"action-{second}-reason": "Audits done",
        },
    )
    assert response.status_code == 302
    update = Update.objects.get(action_id=first)
    assert (update.rating, update.support_needed, update.as_of) == (
        "amber",
        "Agency cover for three months",
        datetime.date(2024, 3, 1),
    )
    assert Update.objects.filter(action_id=second, rating="green").exists()
    recipient.refresh_from_db()
    assert recipient.responded_at is not None


def test_only_the_owner_asked_or_the_board_manager_may_answer(
    cast, council, update_request, client_for
):
    recipient = update_request.recipients.get(person__name="Olu Owner")
    url = reverse("evidence:request_answer", args=[council.slug, recipient.token])
    expected = {
        "board_manager": 200,
        "owner": 200,
        "chair": 403,
        "board_member": 403,
        "councillor": 403,
        "complaints_manager": 403,
        "other_officer": 404,
    }
    for role, status in expected.items():
        assert client_for(cast[role]).get(url).status_code == status, role


def test_manager_sees_who_has_replied(board_manager, owner, council, update_request, client_for):
    recipient = update_request.recipients.get(person__user=owner)
    request_services.answer_request(owner, recipient, [])
    html = (
        client_for(board_manager)
        .get(reverse("evidence:request_detail", args=[council.slug, update_request.pk]))
        .content.decode()
    )
    assert "1 of 2 owners have replied" in html
    assert "Replied 1 March 2024" in html


@pytest.mark.parametrize(
    "role", ["chair", "owner", "board_member", "councillor", "complaints_manager"]
)
def test_only_the_board_manager_sees_the_replies(role, cast, council, update_request, client_for):
    url = reverse("evidence:request_detail", args=[council.slug, update_request.pk])
    assert client_for(cast[role]).get(url).status_code == 403


def test_reminders_go_before_the_due_date_once_and_after_it_until_a_reply(update_request, owner):
    mail.outbox.clear()

    def send(today):
        with TestCase.captureOnCommitCallbacks(execute=True):
            return request_services.send_reminders(JOB, today)

    assert send(datetime.date(2024, 3, 5)) == 0  # too early
    assert send(datetime.date(2024, 3, 6)) == 2  # two days before
    assert mail.outbox[0].subject.startswith("Reminder:")
    assert send(datetime.date(2024, 3, 7)) == 0  # only once before
    assert send(datetime.date(2024, 3, 8)) == 0  # due today
    assert send(datetime.date(2024, 3, 9)) == 2  # overdue
    assert mail.outbox[-1].subject.startswith("Overdue:")
    recipient = update_request.recipients.get(person__user=owner)
    request_services.answer_request(owner, recipient, [])
    assert send(datetime.date(2024, 3, 10)) == 0  # chased every three days
    assert send(datetime.date(2024, 3, 12)) == 1  # the owner who replied is left alone
    assert len(mail.outbox) == 5
    assert UpdateRequestRecipient.objects.get(pk=recipient.pk).reminders_sent == 2


def test_owners_without_an_email_address_are_listed_but_not_mailed(council, board_manager):
    person = PersonFactory(council=council, name="No Email")
    ActionFactory(objective=ObjectiveFactory(council=council), owners=[person])
    with TestCase.captureOnCommitCallbacks(execute=True):
        update_request = request_services.request_updates(
            board_manager, council, {"title": "Board", "due_on": DUE}
        )
    assert not mail.outbox
    assert update_request.recipients.get().sent_at is None
    assert request_services.send_reminders(JOB, datetime.date(2024, 3, 9)) == 0


def test_send_reminders_command_sends_todays_reminders(update_request, capsys):
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("send_reminders", "--date", "2024-03-09")
    assert "2 reminder(s) sent" in capsys.readouterr().out
    assert len(mail.outbox) == 2
    reminder = AuditEntry.objects.filter(verb="sent after reminder").first()
    assert reminder is not None and "send_reminders" in str(reminder.actor_name)


def test_reminders_are_refused_without_an_actor(update_request):
    with pytest.raises(PermissionDenied):
        request_services.send_reminders(None, datetime.date(2024, 3, 9))
