import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.test import RequestFactory
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from improvement.accounts import services
from improvement.accounts.models import Invitation, Role
from improvement.accounts.tests.factories import UserFactory
from improvement.board.navigation import navigation_for
from improvement.core.models import AuditEntry

pytestmark = pytest.mark.django_db

# The people page reads this many queries however many people the council has
# (the eighth: the council's single sign-on set-up, shown below the people).
QUERIES = 8


def url(council, rest=""):
    return f"/councils/{council.slug}/people/{rest}"


def test_the_people_page_lists_everyone_with_their_roles(
    client_for, council, council_admin, board_member, owner, other_officer
):
    response = client_for(council_admin).get(url(council))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Bea Member" in page and "Board member, Testshire Council" in page
    assert "Action owner, Testshire Police" in page
    assert "Otto" not in page  # another council's officer


def test_the_people_page_reads_a_fixed_number_of_queries(
    client_for, council, council_admin, board_member, django_assert_num_queries
):
    client = client_for(council_admin)
    client.get(url(council))
    with django_assert_num_queries(QUERIES):
        assert client.get(url(council)).status_code == 200
    for n in range(5):
        user = UserFactory(username=f"extra{n}")
        services.give_role(
            council_admin,
            council,
            user,
            role=Role.BOARD_MEMBER,
            organisation=board_member.memberships.get().organisation,
        )
    with django_assert_num_queries(QUERIES):
        assert client.get(url(council)).status_code == 200


@pytest.mark.parametrize("who", ["board_manager", "chair", "councillor"])
def test_members_who_are_not_the_administrator_are_refused(request, client_for, council, who):
    client = client_for(request.getfixturevalue(who))
    assert client.get(url(council)).status_code == 403
    assert client.get(url(council, "invite/")).status_code == 403


def test_a_stranger_is_told_the_council_does_not_exist(client_for, council, other_officer):
    assert client_for(other_officer).get(url(council)).status_code == 404


def test_the_people_entry_is_offered_only_to_the_council_administrator(
    council, council_admin, board_manager
):
    def labels(user):
        request = RequestFactory().get(url(council))
        request.user = user
        return [item["label"] for item in navigation_for(request, council)]

    assert "People" in labels(council_admin)
    assert "People" not in labels(board_manager)


def test_inviting_through_the_form_sends_the_email_and_shows_the_person(
    client_for, council, council_org, council_admin, django_capture_on_commit_callbacks
):
    data = {
        "first_name": "Nia",
        "last_name": "New",
        "email": "nia@testshire.gov.uk",
        "role": Role.COUNCILLOR,
        "organisation": council_org.pk,
        "job_title": "Lead member",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(council_admin).post(url(council, "invite/"), data)
    user = council.memberships.get(role=Role.COUNCILLOR).user
    assert response.status_code == 302 and response.url == url(council, f"{user.pk}/")
    assert user.get_full_name() == "Nia New" and len(mail.outbox) == 1


def test_an_invalid_invitation_names_the_field_in_the_error_summary(
    client_for, council, council_admin
):
    response = client_for(council_admin).post(url(council, "invite/"), {"email": "not-an-email"})
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert 'href="#id_email"' in page and "Enter an email address in the correct format" in page
    assert 'href="#id_first_name"' in page and "Enter their first name" in page
    assert not Invitation.objects.exists()


def test_deactivating_asks_for_confirmation_first(client_for, council, council_admin, board_member):
    client = client_for(council_admin)
    page = client.get(url(council, f"{board_member.pk}/deactivate/")).content.decode()
    assert "Are you sure you want to deactivate Bea Member?" in page
    board_member.refresh_from_db()
    assert board_member.is_active
    response = client.post(url(council, f"{board_member.pk}/deactivate/"))
    assert response.status_code == 302
    board_member.refresh_from_db()
    assert not board_member.is_active
    assert "Deactivated" in client.get(url(council)).content.decode()


def test_a_refused_deactivation_is_shown_on_the_confirmation_page(
    client_for, council, council_admin
):
    response = client_for(council_admin).post(url(council, f"{council_admin.pk}/deactivate/"))
    assert response.status_code == 200
    assert "You cannot deactivate yourself" in response.content.decode()


def test_removing_a_role_from_the_person_page(
    client_for, council, police, council_admin, board_member
):
    extra = services.give_role(
        council_admin, council, board_member, role=Role.ACTION_OWNER, organisation=police
    )
    client = client_for(council_admin)
    response = client.post(url(council, f"{board_member.pk}/roles/{extra.pk}/remove/"))
    assert response.status_code == 302
    assert list(board_member.memberships.values_list("role", flat=True)) == [Role.BOARD_MEMBER]
    # the last one stays, with the reason shown
    last = board_member.memberships.get()
    response = client.post(url(council, f"{board_member.pk}/roles/{last.pk}/remove/"), follow=True)
    assert "deactivate them instead" in response.content.decode()
    assert board_member.memberships.count() == 1


def test_giving_a_role_through_the_form(client_for, council, police, council_admin, board_member):
    response = client_for(council_admin).post(
        url(council, f"{board_member.pk}/roles/add/"),
        {"role": Role.ACTION_OWNER, "organisation": police.pk},
    )
    assert response.status_code == 302
    assert board_member.memberships.filter(role=Role.ACTION_OWNER, organisation=police).exists()


def test_a_person_of_another_council_cannot_be_reached(
    client_for, council, council_admin, other_officer
):
    assert client_for(council_admin).get(url(council, f"{other_officer.pk}/")).status_code == 404


def _lock(username):
    AccessAttempt.objects.create(
        username=username,
        ip_address="203.0.113.9",
        user_agent="test",
        failures_since_start=settings.AXES_FAILURE_LIMIT,
        attempt_time=timezone.now(),
        get_data="",
        post_data="",
        http_accept="",
        path_info="/sign-in/",
    )


def test_a_locked_person_is_shown_and_can_be_unlocked(
    client_for, council, council_admin, board_member
):
    _lock(board_member.username)
    client = client_for(council_admin)
    assert "Locked" in client.get(url(council)).content.decode()
    assert (
        "Unlock their sign-in" in client.get(url(council, f"{board_member.pk}/")).content.decode()
    )
    response = client.post(url(council, f"{board_member.pk}/unlock/"))
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username=board_member.username).exists()
    assert AuditEntry.objects.filter(verb="sign-in unlocked", actor=council_admin).exists()
    assert "Locked" not in client.get(url(council)).content.decode()


def _invitation_path(user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return f"/invitation/{uid}/{default_token_generator.make_token(user)}/"


def test_an_invitation_link_sets_the_password_once(client, council, council_org, council_admin):
    user = services.invite_person(
        council_admin,
        council,
        email="nia@testshire.gov.uk",
        first_name="Nia",
        last_name="New",
        organisation=council_org,
        role=Role.BOARD_MEMBER,
    )
    link = _invitation_path(user)
    form_url = client.get(link).url  # Django moves the token into the session
    assert "Set your password" in client.get(form_url).content.decode()
    new = {"new_password1": "a-long-new-passphrase", "new_password2": "a-long-new-passphrase"}
    assert client.post(form_url, new).status_code == 302
    user.refresh_from_db()
    assert user.check_password("a-long-new-passphrase")
    assert Invitation.objects.get(user=user).accepted_at is not None
    again = client.get(link, follow=True).content.decode()
    assert "This invitation link has expired" in again


def test_a_deactivated_person_cannot_use_their_invitation(client, council, council_admin):
    user = UserFactory(username="gone", is_active=False)
    user.set_unusable_password()
    user.save()
    page = client.get(_invitation_path(user), follow=True).content.decode()
    assert "This invitation link has expired" in page


def test_the_invite_and_give_role_forms_open(client_for, council, council_admin, board_member):
    client = client_for(council_admin)
    invite = client.get(url(council, "invite/")).content.decode()
    assert "Invite a person" in invite and "Council administrator" in invite
    give = client.get(url(council, f"{board_member.pk}/roles/add/")).content.decode()
    assert "Give Bea Member a role" in give


def test_a_deactivated_person_is_signed_out_and_can_be_reactivated(
    client, council, council_admin, board_member
):
    client.force_login(board_member)
    assert client.get(f"/councils/{council.slug}/").status_code == 200
    services.deactivate_person(council_admin, council, board_member)
    response = client.get(f"/councils/{council.slug}/")
    assert response.status_code == 302 and response.url.startswith("/sign-in/")
    client.force_login(council_admin)
    page = client.get(url(council, f"{board_member.pk}/")).content.decode()
    assert "Reactivate" in page
    assert client.post(url(council, f"{board_member.pk}/reactivate/")).status_code == 302
    board_member.refresh_from_db()
    assert board_member.is_active
    assert AuditEntry.objects.filter(verb="reactivated").exists()
