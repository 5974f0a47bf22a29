"""Update requests that tell the truth: whom no email can reach is named before
sending, "sent" counts the emails that went, an ordinary update is the reply, and
closed actions are never asked about."""

import datetime

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from improvement.accounts.tests.factories import PersonFactory
from improvement.core.actors import SystemActor
from improvement.core.models import Council
from improvement.evidence import ports, request_services
from improvement.evidence.models import UpdateRequest
from improvement.plans.models import Rating, Update
from improvement.plans.ports import record_update
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory, UpdateFactory

DUE = datetime.date(2024, 3, 8)
JOB = SystemActor("send_reminders")
QUESTION = {"title": "Board of 12 March 2024", "due_on_day": "8", "due_on_month": "3",
            "due_on_year": "2024", "message": "Please update before the board."}  # fmt: skip


def url(name, *args):
    return reverse(f"evidence:{name}", args=("testshire", *args))


@pytest.fixture
def actions(council, owner_person, other_owner):
    objective = ObjectiveFactory(council=council)
    other = other_owner.people.get()
    return [
        ActionFactory(objective=objective, owners=[owner_person], title="Recruit MASH staff"),
        ActionFactory(objective=objective, owners=[owner_person], title="Close the old team"),
        ActionFactory(objective=objective, owners=[other], title="Run the forum"),
    ]


@pytest.fixture
def no_email(council, actions):
    person = PersonFactory(council=council, name="Nadia Noemail", email="")
    ActionFactory(objective=actions[0].objective, owners=[person], title="Map the pathway")
    return person


def _everyone():
    """The question page opens with every owner of an open action ticked."""
    council = Council.objects.get(slug="testshire")
    return {"people": [p.pk for p in request_services.owners_of_live_actions(council)]}


def _ask(client):
    response = client.post(url("request_create"), {**QUESTION, **_everyone()})
    assert response["Location"] == url("request_check")
    return response


def test_the_check_page_names_owners_without_an_email_before_anything_is_sent(
    client_for, board_manager, council, no_email
):
    client = client_for(board_manager)
    _ask(client)
    page = client.get(url("request_check")).content.decode()
    assert "Check the update request before sending it" in page
    assert "1 owner has no email address" in page and "Nadia Noemail" in page
    assert "Olu Owner" in page
    assert not UpdateRequest.objects.exists() and not mail.outbox
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url("request_check"))
    made = UpdateRequest.objects.get()
    assert response["Location"] == url("request_detail", made.pk)
    assert made.recipients.count() == 3 and len(mail.outbox) == 2


def test_a_past_due_date_is_refused_on_the_question_page(client_for, board_manager, actions):
    late = {**QUESTION, **_everyone(), "due_on_year": "2023"}
    response = client_for(board_manager).post(url("request_create"), late)
    assert "The due date must be today or in the future" in response.content.decode()
    assert not UpdateRequest.objects.exists()


def test_the_request_says_sent_only_for_the_emails_that_went(
    client_for, board_manager, council, no_email, settings
):
    client = client_for(board_manager)
    _ask(client)
    # Queued for a worker that has not run: nothing has gone yet, and the page says so.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(url("request_check"))
    made = UpdateRequest.objects.get()
    page = client.get(url("request_detail", made.pk)).content.decode()
    assert "Sending: 0 of 3 emails sent so far, 2 waiting to send" in page
    assert "ib-check-again" in page and not mail.outbox
    for recipient in made.recipients.exclude(email=""):
        request_services.deliver(recipient.pk, request_services.ASKED)
    page = client.get(url("request_detail", made.pk)).content.decode()
    assert (
        "Sent to 2 of 3 owners on 1 March 2024; 1 with no email address to ask another way" in page
    )
    assert "ib-check-again" not in page


def test_the_made_message_counts_emails_to_send_not_owners(client_for, board_manager, no_email):
    client = client_for(board_manager)
    _ask(client)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url("request_check"), follow=True)
    page = response.content.decode()
    assert "Update request made: 2 emails to send; 1 owner to ask another way" in page


@pytest.fixture
def update_request(council, actions, board_manager):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return request_services.request_updates(
            board_manager, council, {"title": "Board of 12 March 2024", "due_on": DUE}
        )


def test_an_ordinary_update_since_the_request_is_the_reply(
    client_for, board_manager, owner, council, actions, update_request
):
    record_update(
        owner,
        actions[0],
        {"as_of": datetime.date(2024, 3, 1), "rating": Rating.GREEN, "reason": "Hired"},
    )
    page = client_for(board_manager).get(url("request_detail", update_request.pk))
    replied = [r.person.name for r in page.context["replied"]]
    assert replied == ["Olu Owner"]
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        sent = request_services.send_reminders(JOB, datetime.date(2024, 3, 9))
    assert sent == 1 and [m.to for m in mail.outbox] == [["otherowner@example.org"]]
    assert ports.update_requests_waiting_for(owner, council) == []


def test_an_update_someone_else_recorded_is_not_the_owners_reply(
    board_manager, owner, council, actions, update_request
):
    # The board manager's import of the plan, or a co-owner, records updates too.
    record_update(
        board_manager,
        actions[0],
        {"as_of": datetime.date(2024, 3, 1), "rating": Rating.GREEN, "reason": "Imported"},
    )
    waiting = ports.update_requests_waiting_for(owner, council)
    assert [w.title for w in waiting] == ["Board of 12 March 2024"]


def test_an_update_from_before_the_request_is_not_a_reply(
    board_manager, owner, council, actions, update_request
):
    UpdateFactory(action=actions[0], as_of=datetime.date(2024, 2, 1))
    waiting = ports.update_requests_waiting_for(owner, council)
    assert [w.title for w in waiting] == ["Board of 12 March 2024"]


def _close(action):
    UpdateFactory(action=action, rating=Rating.BLUE, approval=Update.Approval.ACCEPTED,
                  as_of=datetime.date(2024, 2, 1))  # fmt: skip


def test_closed_actions_are_never_asked_about(board_manager, council, actions, other_owner):
    _close(actions[1])
    _close(actions[2])  # the other owner's only action
    with TestCase.captureOnCommitCallbacks(execute=True):
        made = request_services.request_updates(
            board_manager, council, {"title": "Board", "due_on": DUE}
        )
    assert [r.person.name for r in made.recipients.all()] == ["Olu Owner"]
    (email,) = mail.outbox
    assert "Recruit MASH staff" in email.body and "Close the old team" not in email.body


def test_the_owners_waiting_requests_name_what_was_asked_and_when(
    owner, council, actions, update_request
):
    (waiting,) = ports.update_requests_waiting_for(owner, council)
    assert waiting.title == "Board of 12 March 2024" and waiting.due_on == DUE
    assert waiting.asked_on is not None
    assert [a.title for a in waiting.actions] == ["Recruit MASH staff", "Close the old team"]
    assert waiting.token == update_request.recipients.get(person__user=owner).token


def test_no_one_elses_requests_wait_for_a_person(
    board_manager, other_officer, council, update_request
):
    assert ports.update_requests_waiting_for(board_manager, council) == []
    assert ports.update_requests_waiting_for(other_officer, council) == []


def test_a_refusal_at_sending_is_named_on_the_check_page(
    client_for, board_manager, council, actions
):
    client = client_for(board_manager)
    _ask(client)
    session = client.session
    draft = session[f"update_request_draft:{council.pk}"]
    draft["due_on"] = "2024-01-01"  # gone past since
    session.save()
    response = client.post(url("request_check"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "The due date must be today or in the future" in page
    assert not UpdateRequest.objects.exists() and not mail.outbox
