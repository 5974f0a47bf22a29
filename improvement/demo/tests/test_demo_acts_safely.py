"""The demo writes as the system job `load_demo`, and never holds a real email address."""

import io
import re

import pytest
import time_machine
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import models, transaction

from conftest import TODAY
from improvement.core.models import AuditEntry

pytestmark = pytest.mark.django_db

EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
TEXT_FIELDS = (models.CharField, models.TextField)  # EmailField is a CharField


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The whole demo, loaded once for the module and rolled back at the end."""
    with django_db_blocker.unblock(), time_machine.travel(TODAY, tick=False):
        with transaction.atomic():
            call_command("load_demo", stdout=io.StringIO())
            yield
            transaction.set_rollback(True)


def _stored_emails() -> list[str]:
    found = []
    for model in apps.get_models():
        fields = [f.name for f in model._meta.concrete_fields if isinstance(f, TEXT_FIELDS)]
        for row in model._base_manager.values_list(*fields) if fields else []:
            found += [match for value in row if value for match in EMAIL.findall(str(value))]
    return found


def test_every_email_address_the_demo_holds_is_at_example_invalid(loaded):
    emails = _stored_emails()
    assert emails, "the demo should hold some contact emails (the forward plan's)"
    assert [e for e in emails if not e.lower().endswith("@example.invalid")] == []


def test_every_change_the_demo_makes_is_audited_as_the_load_demo_job(loaded):
    entries = AuditEntry.objects.all()
    assert entries.exists()
    assert set(entries.values_list("actor_name", flat=True)) == {"System (load_demo)"}
    assert not entries.filter(actor__isnull=False).exists()


def test_the_demo_invents_no_users_to_act_as_the_system(loaded):
    assert not get_user_model().objects.filter(username__startswith="meetings-demo").exists()
