"""What an update request counts as sent is the request's own emails: a reminder has
its own row and outcome and never changes that count; the page says each day's
reminders apart. And an empty choice of owners is refused by name, never widened to
every owner (docs/adr/045)."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from improvement.core.actors import SystemActor
from improvement.evidence import request_queries, request_services
from improvement.evidence.models import UpdateReminder, UpdateRequest
from improvement.evidence.tests.test_email_tasks import RefusesTheFourth
from improvement.evidence.tests.test_request_loop import QUESTION, _close, url
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory

DUE = datetime.date(2024, 3, 8)
JOB = SystemActor("send_reminders")


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
def refusing(settings):
    settings.EMAIL_BACKEND = f"{RefusesTheFourth.__module__}.RefusesTheFourth"
    settings.EMAIL_ATTEMPTS = 2
    RefusesTheFourth.calls = -1000  # never "the fourth": only `refuse_always` refuses
    RefusesTheFourth.refuse_always = None
    return RefusesTheFourth


def _ask(board_manager, council):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return request_services.request_updates(
            board_manager, council, {"title": "Board of 12 March 2024", "due_on": DUE}
        )


def _remind(today):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return request_services.send_reminders(JOB, today)


def _page(client, update_request):
    return client.get(url("request_detail", update_request.pk)).content.decode()


def test_a_reminder_that_goes_does_not_turn_a_failed_request_email_into_a_sent_one(
    board_manager, council, actions, refusing, client_for
):
    refusing.refuse_always = "otherowner@example.org"
    made = _ask(board_manager, council)
    before = request_queries.sending(made)
    assert (before.sent, before.failed) == (1, 1)

    refusing.refuse_always = None  # the server takes the reminders
    assert _remind(datetime.date(2024, 3, 6)) == 2

    after = request_queries.sending(made)
    assert after == before
    failed = made.recipients.get(email="otherowner@example.org")
    assert (failed.email_status, failed.sent_at) == ("failed", None)
    page = _page(client_for(board_manager), made)
    assert "Sent to 1 of 2 owners on 1 March 2024; 1 could not be sent." in page
    assert "Reminded 2 owners on 6 March 2024." in page


def test_a_reminder_the_server_refuses_is_recorded_on_the_reminder_not_the_request(
    board_manager, council, actions, refusing, client_for
):
    made = _ask(board_manager, council)
    refusing.refuse_always = "owner@example.org"
    _remind(datetime.date(2024, 3, 6))

    assert request_queries.sending(made).sent == 2
    assert set(made.recipients.values_list("email_status", flat=True)) == {"sent"}
    refused = UpdateReminder.objects.get(recipient__email="owner@example.org")
    assert (refused.email_status, refused.email_attempts) == ("failed", 2)
    assert "try later" in refused.email_error
    page = _page(client_for(board_manager), made)
    assert "Sent to 2 of 2 owners on 1 March 2024." in page
    assert "Reminded 2 owners on 6 March 2024 (1 could not be sent)." in page


def test_a_reminder_waiting_for_the_worker_leaves_the_request_sent(
    board_manager, council, actions, client_for
):
    made = _ask(board_manager, council)
    with TestCase.captureOnCommitCallbacks(execute=False):
        request_services.send_reminders(JOB, datetime.date(2024, 3, 6))
    sending = request_queries.sending(made)
    assert (sending.sent, sending.waiting, sending.finished) == (2, 0, True)
    assert set(made.recipients.values_list("email_kind", flat=True)) == {"asked"}
    assert "Reminded 2 owners on 6 March 2024 (2 waiting to send)." in _page(
        client_for(board_manager), made
    )


def test_each_days_reminders_are_said_apart(
    board_manager, owner, council, actions, client_for, settings
):
    made = _ask(board_manager, council)
    _remind(datetime.date(2024, 3, 6))
    request_services.answer_request(owner, made.recipients.get(person__user=owner), [])
    _remind(datetime.date(2024, 3, 9))
    client = client_for(board_manager)
    page = _page(client, made)
    assert "Reminded 2 owners on 6 March 2024; reminded 1 owner on 9 March 2024." in page
    rounds = [(r.sent_on.day, r.owners) for r in request_queries.reminder_rounds(made)]
    assert rounds == [(6, 2), (9, 1)]
    with CaptureQueriesContext(connection) as two_rounds:
        _page(client, made)
    _remind(datetime.date(2024, 3, 12))
    _remind(datetime.date(2024, 3, 15))
    assert len(request_queries.reminder_rounds(made)) == 4
    with CaptureQueriesContext(connection) as four_rounds:
        _page(client, made)
    assert len(four_rounds) == len(two_rounds)


def test_an_empty_choice_of_owners_is_refused_by_the_service_never_widened(
    board_manager, council, actions
):
    data = {"title": "Board", "due_on": DUE}
    for call in (
        lambda: request_services.request_updates(board_manager, council, data, people=[]),
        lambda: request_services.request_updates(board_manager, council, {**data, "people": []}),
    ):
        with pytest.raises(ValidationError) as refused:
            call()
        assert refused.value.message_dict == {"people": ["Select the owners to ask"]}
    assert not UpdateRequest.objects.exists() and not mail.outbox


def test_an_empty_choice_of_owners_is_refused_on_the_question_page_by_name(
    board_manager, council, actions, client_for
):
    response = client_for(board_manager).post(url("request_create"), {**QUESTION, "people": []})
    assert response.status_code == 200
    page = response.content.decode()
    assert '<a href="#id_people' in page and "Select the owners to ask" in page
    assert not UpdateRequest.objects.exists()


def test_the_question_page_opens_with_every_owner_ticked(board_manager, council, actions,
                                                          client_for):  # fmt: skip
    form = client_for(board_manager).get(url("request_create")).context["form"]
    owners = set(request_services.owners_of_live_actions(council).values_list("pk", flat=True))
    assert set(form["people"].value()) == owners and len(owners) == 2


def test_a_choice_left_empty_by_closed_actions_is_refused_when_sent(
    board_manager, council, actions, other_owner, client_for
):
    client = client_for(board_manager)
    other = other_owner.people.get()
    response = client.post(url("request_create"), {**QUESTION, "people": [other.pk]})
    assert response["Location"] == url("request_check")
    _close(actions[2])  # the chosen owner's only open action
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url("request_check"))
    assert response.status_code == 200
    assert "Select the owners to ask" in response.content.decode()
    assert not UpdateRequest.objects.exists() and not mail.outbox
