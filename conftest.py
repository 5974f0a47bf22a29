"""The fixed cast every view is tested against.

Testshire is the council under notice; Otherton is another council whose
officer must see nothing of Testshire's.
"""

import datetime

import pytest
import time_machine
from django.core.cache import cache

from improvement.accounts.models import Organisation, Role
from improvement.accounts.tests.factories import (
    CouncilFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
)

TODAY = datetime.datetime(2024, 3, 1, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _frozen_time():
    """Time is frozen for every test, so dates in assertions never drift."""
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.SECURE_SSL_REDIRECT = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings):
    """Tasks run in the test's own process as they are enqueued (after commit: use
    django_capture_on_commit_callbacks), so a test sees their effect; a test of the
    worker itself sets the database backend back (docs/adr/012)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _empty_cache_for_transactional_tests(request):
    """Figures reused from the database cache (docs/adr/024) go with a test's rolled-back
    transaction; a transactional test's stay, and SQLite reuses the ids in their keys,
    so such a test starts from an empty cache."""
    marker = request.node.get_closest_marker("django_db")
    transactional = marker is not None and marker.kwargs.get("transaction", False)
    if transactional or "transactional_db" in request.fixturenames:
        request.getfixturevalue("transactional_db")
        cache.clear()


@pytest.fixture
def council(db):
    return CouncilFactory(slug="testshire", name="Testshire Council")


@pytest.fixture
def other_council(db):
    return CouncilFactory(slug="otherton", name="Otherton Council")


@pytest.fixture
def council_org(council):
    return OrganisationFactory(
        council=council, name="Testshire Council", kind=Organisation.Kind.COUNCIL
    )


@pytest.fixture
def police(council):
    return OrganisationFactory(
        council=council, name="Testshire Police", kind=Organisation.Kind.POLICE
    )


def _member(username, council, organisation, role, first="", last=""):
    user = UserFactory(username=username, first_name=first, last_name=last)
    MembershipFactory(user=user, council=council, organisation=organisation, role=role)
    return user


@pytest.fixture
def board_manager(council, council_org):
    return _member("manager", council, council_org, Role.BOARD_MANAGER, "Penny", "Aubert")


@pytest.fixture
def chair(council, council_org):
    return _member("chair", council, council_org, Role.CHAIR, "Sally", "Rowe")


@pytest.fixture
def owner(council, police):
    """An action owner in a partner agency."""
    user = _member("owner", council, police, Role.ACTION_OWNER, "Olu", "Owner")
    PersonFactory(council=council, name="Olu Owner", organisation=police, user=user)
    return user


@pytest.fixture
def owner_person(owner):
    return owner.people.get()


@pytest.fixture
def other_owner(council, council_org):
    user = _member("otherowner", council, council_org, Role.ACTION_OWNER, "Ada", "Other")
    PersonFactory(council=council, name="Ada Other", organisation=council_org, user=user)
    return user


@pytest.fixture
def board_member(council, council_org):
    return _member("member", council, council_org, Role.BOARD_MEMBER, "Bea", "Member")


@pytest.fixture
def councillor(council, council_org):
    return _member("councillor", council, council_org, Role.COUNCILLOR, "Cal", "Councillor")


@pytest.fixture
def complaints_manager(council, council_org):
    return _member(
        "complaints", council, council_org, Role.COMPLAINTS_MANAGER, "Cora", "Complaints"
    )


@pytest.fixture
def performance_officer(council, council_org):
    return _member(
        "performance", council, council_org, Role.PERFORMANCE_OFFICER, "Pat", "Performance"
    )


@pytest.fixture
def other_officer(other_council):
    org = OrganisationFactory(council=other_council, name="Otherton Council")
    return _member("outsider", other_council, org, Role.BOARD_MANAGER, "Otto", "Outsider")


@pytest.fixture
def cast(board_manager, chair, owner, board_member, councillor, complaints_manager, other_officer):
    """Every signed-in role, by name."""
    return {
        "board_manager": board_manager,
        "chair": chair,
        "owner": owner,
        "board_member": board_member,
        "councillor": councillor,
        "complaints_manager": complaints_manager,
        "other_officer": other_officer,
    }


@pytest.fixture
def client_for(client):
    def sign_in(user):
        if user is None:
            client.logout()
        else:
            client.force_login(user)
        return client

    return sign_in


@pytest.fixture(autouse=True)
def _second_factor_optional(settings):
    """Views are tested signed in with `force_login`, without an authenticator app;
    the second factor's own tests turn OTP_REQUIRED back on (docs/adr/015)."""
    settings.OTP_REQUIRED = False
