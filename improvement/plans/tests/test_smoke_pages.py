import pytest
from django.urls import reverse

from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory, UpdateFactory


@pytest.mark.django_db
def test_dashboard_renders_for_board_manager(council, board_manager, owner_person, client_for):
    objective = ObjectiveFactory(council=council)
    action = ActionFactory(objective=objective, owners=[owner_person])
    UpdateFactory(action=action, rating="red", reason="No social workers")
    response = client_for(board_manager).get(reverse("plans:dashboard", args=[council.slug]))
    assert response.status_code == 200
    assert b"Rated Red" in response.content
