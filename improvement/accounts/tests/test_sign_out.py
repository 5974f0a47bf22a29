from django.urls import reverse


def test_signing_out_says_so_on_the_page_that_follows(client_for, board_manager):
    client = client_for(board_manager)
    response = client.post(reverse("logout"), follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("login")
    assert "You have signed out" in page and "_auth_user_id" not in client.session
    # Said once: the next page does not repeat it.
    assert "You have signed out" not in client.get(reverse("login")).content.decode()


def test_signing_out_when_already_signed_out_says_nothing(client, db):
    page = client.post(reverse("logout"), follow=True).content.decode()
    assert "You have signed out" not in page
