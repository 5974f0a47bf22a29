"""Property: whatever the plan's ratings, the public progress page, its file and the
API count every action and never name one tied to an exempt item; every open action
that completed, went off track or was added between the two boards is named."""

import datetime

from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from improvement.plans.models import Rating
from improvement.plans.tests.factories import ActionFactory, ObjectiveFactory, UpdateFactory

UTC = datetime.UTC
MARKER = "XEMPTMARK"
ratings = st.one_of(st.none(), st.sampled_from(list(Rating)))
action_strategy = st.fixed_dictionaries(
    {
        "exempt": st.booleans(),
        "before": ratings,  # rated before the first board (10 January)
        "after": ratings,  # rated between the boards (21 February)
        "added_between": st.booleans(),
    }
)


class Rollback(Exception):
    pass


def _rate(action, day, rating):
    extra = {}
    if rating == Rating.BLUE:
        reviewed = datetime.datetime.combine(day, datetime.time(13), tzinfo=UTC)
        extra = {"approval": "accepted", "reviewed_at": reviewed}
    UpdateFactory(action=action, as_of=day, rating=rating, **extra)


def _action(council, objective, exempt_item, n, spec):
    title = f"{MARKER} {n}" if spec["exempt"] else f"Open action {n}"
    created = datetime.date(2024, 2, 1) if spec["added_between"] else datetime.date(2023, 9, 1)
    action = ActionFactory(
        objective=objective,
        title=title,
        created_at=datetime.datetime.combine(created, datetime.time(9), tzinfo=UTC),
    )
    if spec["before"] and not spec["added_between"]:
        _rate(action, datetime.date(2024, 1, 5), spec["before"])
    if spec["after"]:
        _rate(action, datetime.date(2024, 2, 15), spec["after"])
    if spec["exempt"]:
        exempt_item.actions.add(action)
    return title


def _named(spec):
    """Is an open action named as having changed between the boards?"""
    was = None if spec["added_between"] else spec["before"]
    now = spec["after"] or was
    moved = now in (Rating.BLUE, Rating.RED) and now != was
    return spec["added_between"] or moved


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(specs=st.lists(action_strategy, min_size=1, max_size=6))
def test_progress_counts_every_action_and_names_none_tied_to_exempt_items(council, record, specs):
    try:
        with transaction.atomic():
            exempt_item = record["first"].items.get(title="Staffing")
            objective = ObjectiveFactory(council=council, title="Front door")
            titles = [
                _action(council, objective, exempt_item, n, spec) for n, spec in enumerate(specs)
            ]
            client = Client()
            slug = council.slug
            page = client.get(reverse("public:progress", args=[slug])).content.decode()
            api = client.get(f"/api/v1/public/councils/{slug}/progress").content.decode()
            data = client.get(reverse("public:data_file", args=[slug, "progress"]))
            for body in (page, api, data.content.decode("utf-8-sig")):
                assert MARKER not in body
            assert f"of {len(specs)} action" in page
            for title, spec in zip(titles, specs, strict=True):
                if not spec["exempt"]:
                    assert (f"<li>{title}</li>" in page) == _named(spec), (title, spec)
            raise Rollback
    except Rollback:
        pass
