"""`manage.py run_daily_jobs`: every daily job enqueued (and, with the immediate
backend the tests use, run) for every council, once a day however often it is run."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django_tasks import task

from improvement.accounts import services as accounts
from improvement.accounts.models import Role
from improvement.accounts.tests.factories import MembershipFactory, UserFactory
from improvement.annex_a.models import AnnexAImport, AnnexARows
from improvement.complaints.tests.factories import ComplaintFactory
from improvement.core import daily
from improvement.core.models import DailyJobRun
from improvement.evidence import request_services
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory

pytestmark = pytest.mark.django_db

JOBS = {
    "send_reminders",
    "purge_annex_a",
    "purge_plan_uploads",
    "anonymise_complaints",
    "send_overdue_complaints_report",
}


def run_daily(day: str, *args: str) -> str:
    out = io.StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("run_daily_jobs", "--date", day, *args, stdout=out)
    return out.getvalue()


def test_every_job_is_registered():
    assert set(daily.JOBS) == JOBS


def test_each_job_is_enqueued_and_run_for_every_council(council, other_council):
    out = run_daily("2024-03-01")
    assert "10 job(s) enqueued for 1 March 2024" in out
    runs = DailyJobRun.objects.filter(period=datetime.date(2024, 3, 1))
    assert {(run.job, run.council.slug) for run in runs} == {
        (job, slug) for job in JOBS for slug in ("testshire", "otherton")
    }
    assert all(run.finished_at is not None and run.outcome for run in runs)


def test_one_council_only(council, other_council):
    out = run_daily("2024-03-01", "--council", "otherton")
    assert "5 job(s) enqueued" in out
    assert not DailyJobRun.objects.filter(council=council).exists()


def test_running_twice_in_a_day_sends_nothing_twice(council, board_manager, owner_person):
    ActionFactory(objective=ObjectiveFactory(council=council), owners=[owner_person])
    with TestCase.captureOnCommitCallbacks(execute=True):
        request_services.request_updates(
            board_manager, council, {"title": "Board", "due_on": datetime.date(2024, 3, 8)}
        )
    complaints_manager = UserFactory(username="cm", email="cm@example.org")
    MembershipFactory(user=complaints_manager, council=council, role=Role.COMPLAINTS_MANAGER)
    mail.outbox.clear()
    run_daily("2024-03-09")
    subjects = sorted(message.subject.split(":")[0] for message in mail.outbox)
    assert subjects == ["Overdue", "Overdue complaints, Testshire Council"]
    assert "0 job(s) enqueued" in run_daily("2024-03-09")
    assert len(mail.outbox) == 2
    # The next day the owner is not chased again yet, and the report is monthly.
    run_daily("2024-03-10")
    assert len(mail.outbox) == 2
    run_daily("2024-04-01")
    assert mail.outbox[-1].subject.startswith("Overdue complaints")


def test_a_job_enqueued_twice_for_a_day_runs_once(council):
    task = daily.JOBS["purge_annex_a"].task
    assert task.enqueue(council.pk, "2024-03-01").return_value is not None
    assert task.enqueue(council.pk, "2024-03-01").return_value is None
    assert DailyJobRun.objects.filter(job="purge_annex_a").count() == 1


@pytest.fixture
def council_admin(council):
    admin = UserFactory(username="admin")
    MembershipFactory(user=admin, council=council, role=Role.COUNCIL_ADMIN)
    return admin


def test_a_shorter_annex_a_retention_takes_effect_at_the_next_purge(council, council_admin):
    record = AnnexAImport.objects.create(
        council=council,
        reference_date=datetime.date(2024, 2, 29),
        file_name="annex-a.xlsx",
        status=AnnexAImport.Status.DONE,
    )
    AnnexARows.objects.create(annex_import=record, data=b"rows")
    run_daily("2024-03-02")
    record.refresh_from_db()
    assert record.has_child_rows and record.retained_until == datetime.date(2024, 5, 30)
    accounts.change_retention(
        council_admin, council, {"annex_a_days": 0, "complaint_years": 6}, expected_version=1
    )
    run_daily("2024-03-03")
    record = AnnexAImport.objects.get(pk=record.pk)
    assert not record.has_child_rows and record.rows_purged_at is not None


def test_a_shorter_complaints_retention_takes_effect_at_the_next_anonymising(
    council, council_admin
):
    closed = ComplaintFactory(
        council=council,
        received_on=datetime.date(2020, 5, 1),
        stage1_responded_on=datetime.date(2020, 5, 10),
        stage1_outcome="upheld",
    )
    run_daily("2024-03-01")
    closed.refresh_from_db()
    assert closed.anonymised_at is None  # kept six years by default
    accounts.change_retention(
        council_admin, council, {"annex_a_days": 90, "complaint_years": 3}, expected_version=1
    )
    run_daily("2024-03-02")
    closed.refresh_from_db()
    assert closed.anonymised_at is not None and closed.complainant_name == ""


FAILURES: list[str] = []


@task()
def fails_the_first_time(council_pk: int, day: str) -> str | None:
    def work(council, today):
        if not FAILURES:
            FAILURES.append(day)
            raise ConnectionError("the mail server refused")
        return "done"

    return daily.run_once("fails_the_first_time", council_pk, day, work)


def test_a_job_that_fails_is_tried_again_at_the_next_run(council, monkeypatch):
    monkeypatch.setattr(daily, "JOBS", {})
    daily.register("fails_the_first_time", fails_the_first_time)
    FAILURES.clear()
    run_daily("2024-03-01")
    assert FAILURES == ["2024-03-01"]
    assert not DailyJobRun.objects.exists()
    assert "1 job(s) enqueued" in run_daily("2024-03-01")
    assert DailyJobRun.objects.get().outcome == "done"
