"""Lists filter by the facets of the pages."""


def test_actions_filter_by_rating_owner_objective_and_organisation(
    board_manager, owner_person, council_org, plan, token_for, api_get
):
    secret = token_for(board_manager)
    first, second = plan["actions"]

    def ids(**facets):
        body = api_get(secret, "councils/testshire/actions", **facets).json()
        return sorted(row["id"] for row in body["items"])

    assert ids(rating="green") == [first.pk]
    assert ids(owner=owner_person.pk) == [first.pk]
    assert ids(objective=plan["objective"].pk) == sorted([first.pk, second.pk])
    assert ids(organisation=council_org.pk, rating="red") == []


def test_a_rating_that_is_not_on_the_scale_is_refused(board_manager, plan, token_for, api_get):
    response = api_get(token_for(board_manager), "councils/testshire/actions", rating="purple")

    assert response.status_code == 422


def test_updates_filter_by_action(board_manager, plan, token_for, api_get):
    first = plan["actions"][0]

    body = api_get(token_for(board_manager), "councils/testshire/updates", action=first.pk).json()

    assert [(row["as_of"], row["rating"]) for row in body["items"]] == [
        ("2024-01-15", "amber"),
        ("2024-02-15", "green"),
    ]
