"""Journeys through the API's tokens: a board manager makes a token from Your account,
checks it, copies it once, a program reads with it, and she revokes it. The API's
documentation page draws under the content security policy. Written as given / when
/ then."""

import pytest

from e2e.conftest import check_page, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_board_manager_makes_a_token_a_program_reads_with_it_and_she_revokes_it(
    page, board_manager, council
):
    # Given the board manager, signed in, on her account page, at a phone's width
    page.set_viewport_size({"width": 375, "height": 800})
    sign_in(page, "manager")
    page.goto("/two-factor/")

    # When she makes a token for Testshire, checking her answers first
    page.get_by_role("link", name="Your API tokens").click()
    check_page(page, "api tokens none")
    page.get_by_role("button", name="Make a token").click()
    page.get_by_label("Name").fill("Power BI plan report")
    page.get_by_label("Council").select_option(label="Testshire Council")
    page.get_by_label("1 year").check()
    check_page(page, "api token new")
    page.get_by_role("button", name="Save").click()
    check_page(page, "api token check")
    page.get_by_role("button", name="Make the token").click()

    # Then it is shown once, and a program reads the plan with it
    check_page(page, "api token made")
    secret = page.get_by_label("Your token").input_value()
    headers = {"Authorization": f"Bearer {secret}"}
    response = page.request.get("/api/v1/councils/testshire/objectives", headers=headers)
    assert response.status == 200 and response.json()["items"] == []

    # When she revokes it, the program is refused
    page.get_by_role("button", name="I have copied my token").click()
    check_page(page, "api tokens one")
    page.get_by_role("link", name="Revoke Power BI plan report").click()
    check_page(page, "api token revoke")
    page.get_by_role("button", name="Revoke token").click()
    assert page.get_by_text("Revoked").first.is_visible()
    response = page.request.get("/api/v1/councils/testshire/objectives", headers=headers)
    assert response.status == 401


def test_the_api_documentation_draws_under_the_content_security_policy(browser, live_server):
    # Not the journeys' page, which bypasses the policy to inject axe.
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    refused = []
    page.on(
        "console", lambda message: refused.append(message.text) if message.type == "error" else None
    )

    page.goto("/api/v1/docs")

    page.get_by_text("Improvement Board API").first.wait_for()
    assert page.get_by_text("/api/v1/councils/{slug}/actions").first.is_visible()
    assert [
        text for text in refused if "Content Security Policy" in text and "script" in text
    ] == []
    context.close()
