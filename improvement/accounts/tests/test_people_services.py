import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from improvement.accounts import services
from improvement.accounts.models import Invitation, Role
from improvement.accounts.tests.factories import MembershipFactory, OrganisationFactory
from improvement.core.actors import SystemActor
from improvement.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def _invite(actor, council, organisation, email="new.person@testshire.gov.uk", **extra):
    return services.invite_person(
        actor,
        council,
        email=email,
        first_name="Nia",
        last_name="New",
        organisation=organisation,
        role=extra.pop("role", Role.BOARD_MEMBER),
        **extra,
    )


def test_inviting_creates_a_person_with_a_role_and_no_password_and_records_who_invited(
    council, council_org, council_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        user = _invite(council_admin, council, council_org)
    assert mail.outbox == []  # nothing is sent before the commit
    assert len(callbacks) == 1
    assert user.username == "new.person@testshire.gov.uk" and not user.has_usable_password()
    assert list(council.memberships.filter(user=user).values_list("role", flat=True)) == [
        Role.BOARD_MEMBER
    ]
    invitation = Invitation.objects.get(user=user)
    assert invitation.invited_by == council_admin and invitation.council == council
    assert invitation.sent_at is None
    assert AuditEntry.objects.filter(verb="invited", actor=council_admin).count() == 1


def test_the_invitation_email_goes_after_commit_with_a_one_time_link(
    council, council_org, council_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        user = _invite(council_admin, council, council_org)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new.person@testshire.gov.uk"]
    assert "/invitation/" in message.body and "Ada Admin" in message.body
    assert Invitation.objects.get(user=user).sent_at is not None


def test_inviting_someone_who_already_signs_in_elsewhere_gives_the_role_without_a_link(
    council, council_org, council_admin, other_officer, django_capture_on_commit_callbacks
):
    other_officer.email = "outsider@otherton.gov.uk"
    other_officer.username = "outsider@otherton.gov.uk"
    other_officer.save()
    with django_capture_on_commit_callbacks(execute=True):
        user = _invite(council_admin, council, council_org, email="Outsider@Otherton.gov.uk")
    assert user == other_officer
    assert council.memberships.filter(user=user).exists()
    assert mail.outbox == [] and not Invitation.objects.exists()


def test_inviting_a_person_already_in_the_council_names_the_email_field(
    council, council_org, council_admin
):
    _invite(council_admin, council, council_org)
    with pytest.raises(ValidationError) as refused:
        _invite(council_admin, council, council_org)
    assert "email" in refused.value.error_dict


def test_an_organisation_of_another_council_is_refused(council, other_council, council_admin):
    elsewhere = OrganisationFactory(council=other_council, name="Otherton Police")
    with pytest.raises(ValidationError) as refused:
        _invite(council_admin, council, elsewhere)
    assert "organisation" in refused.value.error_dict


@pytest.mark.parametrize("who", ["board_manager", "chair", "other_officer"])
def test_only_the_council_administrator_manages_people(request, council, council_org, who):
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        _invite(actor, council, council_org)


def test_every_people_verb_refuses_no_actor(council, council_org, board_member):
    membership = board_member.memberships.get()
    calls = [
        lambda: _invite(None, council, council_org),
        lambda: services.give_role(
            None, council, board_member, role=Role.CHAIR, organisation=council_org
        ),
        lambda: services.remove_role(None, membership),
        lambda: services.deactivate_person(None, council, board_member),
        lambda: services.reactivate_person(None, council, board_member),
        lambda: services.unlock_person(None, council, board_member),
        lambda: services.accept_invitations(None),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    assert board_member.is_active and board_member.memberships.count() == 1


def test_a_system_job_may_invite_and_is_named_in_the_audit(council, council_org):
    user = _invite(SystemActor("set_up_council"), council, council_org)
    assert Invitation.objects.get(user=user).invited_by is None
    assert AuditEntry.objects.filter(verb="invited", actor_name="System (set_up_council)").exists()


def test_giving_and_removing_roles_is_audited(council, police, council_admin, board_member):
    membership = services.give_role(
        council_admin, council, board_member, role=Role.ACTION_OWNER, organisation=police
    )
    assert membership.organisation == police and membership.created_by == council_admin
    services.remove_role(council_admin, membership)
    assert set(board_member.memberships.values_list("role", flat=True)) == {Role.BOARD_MEMBER}
    verbs = AuditEntry.objects.filter(actor=council_admin).values_list("verb", flat=True)
    assert sorted(verbs) == ["role given", "role removed"]


def test_a_role_held_already_is_refused_on_the_role_field(
    council, council_org, council_admin, board_member
):
    with pytest.raises(ValidationError) as refused:
        services.give_role(
            council_admin, council, board_member, role=Role.BOARD_MEMBER, organisation=council_org
        )
    assert "role" in refused.value.error_dict


def test_the_last_role_is_kept_deactivate_instead(council, council_admin, board_member):
    with pytest.raises(ValidationError, match="deactivate them instead"):
        services.remove_role(council_admin, board_member.memberships.get())
    assert board_member.memberships.count() == 1


def test_deactivating_ends_access_but_keeps_the_person(council, council_admin, board_member):
    services.deactivate_person(council_admin, council, board_member)
    board_member.refresh_from_db()
    assert not board_member.is_active and board_member.memberships.count() == 1
    entry = AuditEntry.objects.get(verb="deactivated")
    assert entry.council == council and entry.after == {"is_active": False}
    services.reactivate_person(council_admin, council, board_member)
    board_member.refresh_from_db()
    assert board_member.is_active


def test_nobody_deactivates_themselves(council, council_admin):
    with pytest.raises(ValidationError):
        services.deactivate_person(council_admin, council, council_admin)


def test_a_person_who_also_works_for_another_council_is_left_to_the_platform_administrator(
    council, other_council, council_admin, board_member
):
    MembershipFactory(user=board_member, council=other_council, role=Role.BOARD_MEMBER)
    with pytest.raises(ValidationError, match="another council"):
        services.deactivate_person(council_admin, council, board_member)
    board_member.refresh_from_db()
    assert board_member.is_active


def test_an_administrator_of_another_council_cannot_manage_these_people(
    council, other_council, board_member
):
    elsewhere_admin = MembershipFactory(council=other_council, role=Role.COUNCIL_ADMIN).user
    with pytest.raises(PermissionDenied):
        services.deactivate_person(elsewhere_admin, council, board_member)


def test_the_last_council_administrator_role_stays(council, council_org, council_admin):
    services.give_role(
        council_admin, council, council_admin, role=Role.BOARD_MEMBER, organisation=council_org
    )
    admin_role = council_admin.memberships.get(role=Role.COUNCIL_ADMIN)
    with pytest.raises(ValidationError, match="needs a council administrator"):
        services.remove_role(council_admin, admin_role)
    assert council_admin.memberships.filter(role=Role.COUNCIL_ADMIN).exists()
