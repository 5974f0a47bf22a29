"""No edition of the demo's forward plan prints a "key decisions from" date that the
notice rule would refuse for a key decision first advertised in that edition."""

import datetime
from types import SimpleNamespace

from improvement.demo.forward_plan import load_forward_plan_demo
from improvement.forward_plan import notice, queries

D = datetime.date


def first_advertised_in(edition):
    return SimpleNamespace(
        status="planned",
        get_status_display=lambda: "Planned",
        is_key=True,
        is_private=False,
        first_notice_on=edition.published_on,
        private_notice_on=None,
        urgency_route="",
    )


def test_every_demo_edition_heads_itself_with_a_date_the_rule_accepts(council):
    load_forward_plan_demo(council)
    settings = queries.settings_for(council)
    found = list(council.forward_plan_editions.all())
    assert D(2023, 10, 20) in [edition.published_on for edition in found]
    for edition in found:
        decision = first_advertised_in(edition)
        assert notice.refusal(decision, edition.decisions_from, settings) == "", edition


def test_the_check_refuses_the_seed_heading_under_a_working_days_count(council):
    # The walk above can fail: counted in working days, 20 November 2023 is too soon.
    load_forward_plan_demo(council)
    edition = council.forward_plan_editions.get(published_on=D(2023, 10, 20))
    working = SimpleNamespace(
        notice_clear_days=28, general_exception_clear_days=5, counts_working_days=True
    )
    assert notice.refusal(first_advertised_in(edition), edition.decisions_from, working) != ""
