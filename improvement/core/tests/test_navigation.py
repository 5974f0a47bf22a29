from django.test import RequestFactory

from improvement.core.navigation import account_links, navigation

ENTRIES = [
    ("Home", "/councils/x/"),
    ("Plan", "/councils/x/plan/"),
    ("Import", "/councils/x/plan/import/"),
]


def test_only_the_deepest_entry_the_page_is_under_is_current(board_manager):
    request = RequestFactory().get("/councils/x/plan/import/")
    request.user = board_manager
    items = navigation(request, ENTRIES)
    assert [item["label"] for item in items if item["active"]] == ["Import"]
    assert [link["label"] for link in account_links(request)] == ["Your account", "Sign out"]


def test_a_home_every_path_falls_under_is_current_only_on_its_own_page(board_manager):
    request = RequestFactory().get("/councils/x/history/")
    request.user = board_manager
    items = navigation(request, ENTRIES, frozenset({"/councils/x/"}))
    assert not any(item["active"] for item in items)


def test_someone_signed_out_is_offered_sign_in(db):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/elsewhere/")
    request.user = AnonymousUser()
    items = navigation(request, ENTRIES)
    assert not any(item["active"] for item in items)
    assert [link["label"] for link in account_links(request)] == ["Sign in"]


def test_a_signed_in_person_finds_their_password_and_second_factor(client, board_manager):
    client.force_login(board_manager)
    page = client.get("/two-factor/", secure=True).content.decode()
    assert "Your account" in page and "Change your password" in page
    assert "Set up an authenticator app" in page
