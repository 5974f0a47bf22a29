import pytest

from improvement.accounts.models import Role
from improvement.accounts.tests.factories import MembershipFactory, UserFactory


@pytest.fixture
def council_admin(council, council_org):
    user = UserFactory(username="admin", first_name="Ada", last_name="Admin")
    MembershipFactory(user=user, council=council, organisation=council_org, role=Role.COUNCIL_ADMIN)
    return user
