"""The portfolio through the API: the DfE's own reporting reads what the portfolio page
shows, for the councils the token reaches and no other."""

from improvement.api import services
from improvement.board.portfolio import portfolio_for
from improvement.board.tests import test_portfolio as portfolio_page

# The portfolio page's cast: an adviser with roles in Testshire and Otherton.
TODAY = portfolio_page.TODAY
testshire = portfolio_page.testshire
otherton = portfolio_page.otherton
adviser = portfolio_page.adviser


def test_the_portfolio_serves_each_council_the_adviser_holds_a_role_in(adviser, token_for, api_get):
    response = api_get(token_for(adviser), "portfolio")

    assert response.status_code == 200
    body = response.json()
    assert [c["council"] for c in body] == ["otherton", "testshire"]
    assert body == [c.as_dict() for c in portfolio_for(adviser, TODAY)]
    testshire_figures = body[1]
    assert testshire_figures["notice"]["deadline"] == "2024-11-30"
    assert {k["key"] for k in testshire_figures["kpis"]} >= {"rereferral_12m_pct"}


def test_a_token_limited_to_one_council_serves_only_that_one(
    adviser, testshire, token_for, api_get
):
    secret = token_for(adviser, council=testshire)

    assert [c["council"] for c in api_get(secret, "portfolio").json()] == ["testshire"]


def test_another_councils_officer_sees_only_their_own(other_officer, otherton, token_for, api_get):
    assert [c["council"] for c in api_get(token_for(other_officer), "portfolio").json()] == [
        "otherton"
    ]


def test_the_portfolio_serves_nothing_exempt_or_personal(adviser, token_for, api_get):
    served = api_get(token_for(adviser), "portfolio").content.decode()

    for private in ("named social worker", "Ada", "Adviser", "owner"):
        assert private not in served


def test_a_revoked_token_reads_no_portfolio(adviser, token_for, api_get):
    secret = token_for(adviser)
    services.revoke_token(adviser, services.authenticate(secret))

    assert api_get(secret, "portfolio").status_code == 401
