"""The main navigation: a few sections on one line, the current section's pages beneath,
and only the pages a person's roles let them use."""

from django.test import RequestFactory
from django.urls import reverse

from improvement.board.navigation import COUNCIL_NAVIGATION, navigation_for, subnavigation


def _sections(council, user, path=""):
    request = RequestFactory().get(f"/councils/{council.slug}/{path}")
    request.user = user
    return navigation_for(request, council)


def _active_pages(sections):
    return [page["label"] for s in sections for page in s["pages"] if page["active"]]


def test_only_the_deepest_matching_page_is_current(council, board_manager):
    sections = _sections(council, board_manager, "plan/import/")
    assert _active_pages(sections) == ["Import"]
    assert [s["label"] for s in sections if s["active"]] == ["Plan"]


def test_the_start_page_is_current_only_on_its_own_page(council, board_manager):
    assert _active_pages(_sections(council, board_manager)) == ["Home"]
    assert _active_pages(_sections(council, board_manager, "history/meeting/1/")) == []
    assert _active_pages(_sections(council, board_manager, "plan/")) == ["Plan"]


def test_the_main_navigation_holds_a_few_sections_for_the_board_manager(council, board_manager):
    labels = [s["label"] for s in _sections(council, board_manager)]
    assert labels == ["Home", "Plan", "Evidence", "Meetings", "Complaints", "Activity"]


def test_the_current_sections_pages_are_shown_beneath_the_bar(council, board_manager):
    section = subnavigation(_sections(council, board_manager, "plan/"))
    assert [page["label"] for page in section["pages"]] == [
        "Plan",
        "Dashboard",
        "Inspections",
        "Notice",
        "Import",
    ]
    assert subnavigation(_sections(council, board_manager)) is None


def test_pages_only_the_board_manager_can_use_are_not_offered_to_others(council, councillor):
    sections = _sections(council, councillor)
    pages = [page["label"] for s in sections for page in s["pages"]]
    assert "Activity" not in pages and "Import" not in pages and "Dashboard" in pages


def test_every_navigation_entry_opens_for_the_board_manager(council, board_manager, client_for):
    client = client_for(board_manager)
    for label, name in COUNCIL_NAVIGATION:
        assert client.get(reverse(name, args=[council.slug])).status_code == 200, label


def test_the_header_says_who_is_signed_in_and_in_which_council(council, owner, client_for):
    page = client_for(owner).get(reverse("board:start", args=[council.slug])).content.decode()
    assert "Signed in as <strong>Olu Owner</strong>" in page
    assert f", {council.name}</span>" in page
    assert "Switch council" not in page


def test_a_person_with_roles_in_two_councils_switches_between_them(
    council, other_council, owner, police, client_for
):
    from improvement.accounts.tests.factories import MembershipFactory, OrganisationFactory

    org = OrganisationFactory(council=other_council, name="Other police")
    MembershipFactory(user=owner, council=other_council, organisation=org, role="action_owner")
    page = client_for(owner).get(reverse("board:start", args=[council.slug])).content.decode()
    assert "Switch council" in page
    assert reverse("board:start", args=[other_council.slug]) in page
    switched = client_for(owner).get(reverse("board:start", args=[other_council.slug]))
    assert f", {other_council.name}</span>" in switched.content.decode()


def test_a_stranger_to_the_council_is_offered_none_of_its_pages(council, other_officer):
    assert _sections(council, other_officer) == []


def test_a_councillor_reaches_the_scrutiny_work_programme_in_one_click_from_meetings(
    council, councillor, client_for
):
    # Not a navigation entry of its own (the bar stays on one line): the Meetings page
    # links to it, and on it the Meetings section is the current one.
    client = client_for(councillor)
    programme = reverse("meetings:work_programme", args=[council.slug])
    meetings = client.get(reverse("meetings:index", args=[council.slug])).content.decode()
    assert f'href="{programme}">Scrutiny work programme</a>' in meetings
    assert client.get(programme).status_code == 200
    sections = _sections(council, councillor, "meetings/work-programme/")
    assert [s["label"] for s in sections if s["active"]] == ["Meetings"]
    assert _active_pages(sections) == ["Meetings"]
