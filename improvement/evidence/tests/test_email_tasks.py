"""Each update-request email is its own task after commit, retried, its outcome kept on
the owner's row: one refused email never rolls back or repeats the others."""

import datetime
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.test import TestCase
from django.urls import reverse

from improvement.accounts.tests.factories import PersonFactory
from improvement.evidence import request_services
from improvement.evidence.models import UpdateRequest
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory

DUE = datetime.date(2024, 3, 8)


class RefusesTheFourth(EmailBackend):
    """A mail server that refuses the fourth message it is given (once, or always)."""

    calls = 0
    refuse_always: str | None = None

    def send_messages(self, messages):
        type(self).calls += 1
        refused = type(self).calls == 4 or any(
            self.refuse_always in m.to for m in messages if self.refuse_always
        )
        if refused:
            raise smtplib.SMTPRecipientsRefused({m.to[0]: (450, b"try later") for m in messages})
        return super().send_messages(messages)


@pytest.fixture
def ten_owners(council, settings):
    settings.EMAIL_BACKEND = f"{__name__}.RefusesTheFourth"
    RefusesTheFourth.calls = 0
    RefusesTheFourth.refuse_always = None
    objective = ObjectiveFactory(council=council)
    people = [
        PersonFactory(council=council, name=f"Owner {n:02}", email=f"owner{n}@example.org")
        for n in range(10)
    ]
    for person in people:
        ActionFactory(objective=objective, owners=[person])
    return people


def _ask(board_manager, council):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return request_services.request_updates(
            board_manager, council, {"title": "Board", "due_on": DUE}
        )


def test_the_fourth_of_ten_is_refused_once_nine_go_first_time_and_it_is_retried(
    board_manager, council, ten_owners, client_for
):
    update_request = _ask(board_manager, council)
    assert UpdateRequest.objects.filter(pk=update_request.pk).exists()  # nothing rolled back
    rows = list(update_request.recipients.order_by("pk"))
    assert [r.email_status for r in rows] == ["sent"] * 10
    assert sorted(r.email_attempts for r in rows) == [1] * 9 + [2]
    retried = next(r for r in rows if r.email_attempts == 2)
    assert "try later" in retried.email_error
    assert all(r.sent_at is not None for r in rows)
    # Ten messages delivered, each once: the refusal repeated none of the others.
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in ten_owners)
    page = client_for(board_manager).get(
        reverse("evidence:request_detail", args=[council.slug, update_request.pk])
    )
    assert "2 attempts; the mail server said:" in page.content.decode()


def test_an_address_refused_every_time_is_recorded_failed_and_the_others_go(
    board_manager, council, ten_owners, client_for, settings
):
    settings.EMAIL_ATTEMPTS = 3
    RefusesTheFourth.refuse_always = "owner7@example.org"
    update_request = _ask(board_manager, council)
    failed = update_request.recipients.get(email="owner7@example.org")
    assert (failed.email_status, failed.email_attempts, failed.sent_at) == ("failed", 3, None)
    assert "try later" in failed.email_error
    assert update_request.recipients.filter(email_status="sent").count() == 9
    assert len(mail.outbox) == 9
    page = client_for(board_manager).get(
        reverse("evidence:request_detail", args=[council.slug, update_request.pk])
    )
    assert "Could not be sent" in page.content.decode()


def test_no_email_leaves_before_the_request_commits(board_manager, council, ten_owners):
    with TestCase.captureOnCommitCallbacks(execute=False) as callbacks:
        request_services.request_updates(board_manager, council, {"title": "B", "due_on": DUE})
    assert not mail.outbox and len(callbacks) == 10
    assert set(UpdateRequest.objects.get().recipients.values_list("email_status", flat=True)) == {
        "queued"
    }
