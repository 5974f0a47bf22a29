from django.test import RequestFactory

from improvement.board.navigation import navigation_for


def test_only_the_deepest_matching_navigation_entry_is_current(council, board_manager):
    request = RequestFactory().get(f"/councils/{council.slug}/plan/import/")
    request.user = board_manager
    active = [item["label"] for item in navigation_for(request, council) if item["active"]]
    assert active == ["Import"]


def test_the_dashboard_is_current_only_on_its_own_page(council, board_manager):
    request = RequestFactory().get(f"/councils/{council.slug}/plan/")
    request.user = board_manager
    active = [item["label"] for item in navigation_for(request, council) if item["active"]]
    assert active == ["Plan"]


def test_pages_only_the_board_manager_can_use_are_not_offered_to_others(council, councillor):
    request = RequestFactory().get(f"/councils/{council.slug}/")
    request.user = councillor
    labels = [item["label"] for item in navigation_for(request, council)]
    assert "Activity" not in labels and "Import" not in labels and "Dashboard" in labels


def test_every_navigation_entry_opens_for_the_board_manager(council, board_manager, client_for):
    from django.urls import reverse

    from improvement.board.navigation import COUNCIL_NAVIGATION

    client = client_for(board_manager)
    for label, name in COUNCIL_NAVIGATION:
        assert client.get(reverse(name, args=[council.slug])).status_code == 200, label
