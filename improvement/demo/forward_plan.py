"""The demo's forward plan: Peterborough's edition of 20 October 2023 (seed 003).

`load_forward_plan_demo(council)` is idempotent. Run it after the meetings demo:
it uses that demo's Cabinet and Children and Education Scrutiny Committee (by
slug) and makes them, and the other scrutiny committees the plan names, only if
they are missing. Decisions the seed lists as previously advertised are taken
to have first appeared in the edition published 31 days before the date in
their reference, as the 20 October edition does for its own (20 November).
"""

import datetime
import re
from typing import Any

from django.db import transaction

from improvement.core.models import Council
from improvement.demo import forward_plan_data as seed
from improvement.demo.records import DEMO, ensure
from improvement.forward_plan import editions, services
from improvement.forward_plan.models import ForwardPlanSettings
from improvement.meetings import services as meetings_services
from improvement.meetings.models import Body

D = datetime.date
PUBLISHED = D(2023, 10, 20)
EARLIER_EDITION = D(2023, 10, 6)
COMMITTEES = {
    "Children and Education Scrutiny Committee": "children-education-scrutiny",
    "Adults and Health Scrutiny Committee": "adults-health-scrutiny",
    "Climate Change and Environment Scrutiny Committee": "climate-change-environment-scrutiny",
    "Growth, Resources and Communities Scrutiny Committee": "growth-resources-communities-scrutiny",
}
MONTHS = "January February March April May June July August September October November December"
MONTH_NUMBER = {name: number for number, name in enumerate(MONTHS.split(), start=1)}
REFERENCE_DATE = re.compile(r"KEY/(\d{1,2})([A-Z]{3})[A-Z]?(\d{2,4})/")


def _body(actor: Any, council: Council, name: str, slug: str, kind: str) -> Body:
    found = council.bodies.filter(slug=slug).first()
    if found:
        return found
    data = {"name": name, "slug": slug, "kind": kind, "standing": Body.Standing.FORMAL}
    return meetings_services.create_body(actor, council, data)


def _committee(actor: Any, council: Council, name: str) -> Body:
    name = name.replace(", And ", " and ")
    return _body(actor, council, name, COMMITTEES[name], Body.Kind.SCRUTINY)


def _expected(text: str) -> dict[str, Any]:
    parts = text.split()
    if len(parts) == 3 and parts[0].isdigit() and parts[1] in MONTH_NUMBER:
        return {"expected_on": D(int(parts[2]), MONTH_NUMBER[parts[1]], int(parts[0]))}
    if len(parts) == 2 and parts[0] in MONTH_NUMBER:
        return {"expected_month": D(int(parts[1]), MONTH_NUMBER[parts[0]], 1)}
    return {"expected_note": text}


def _maker(text: str) -> dict[str, Any]:
    if text == "Cabinet":
        return {"maker_kind": "cabinet"}
    name, _, portfolio = text.partition(", ")
    return {"maker_kind": "member", "maker_name": name, "maker_portfolio": portfolio}


def first_advertised(reference: str) -> D:
    """The edition before the one whose date the reference carries (31 days earlier)."""
    found = REFERENCE_DATE.search(reference)
    if not found:
        return EARLIER_EDITION
    day, month, year = found.groups()
    month_number = MONTH_NUMBER[next(m for m in MONTH_NUMBER if m[:3].upper() == month)]
    full_year = int(year) if len(year) == 4 else 2000 + int(year)
    return D(full_year, month_number, int(day)) - datetime.timedelta(days=31)


def _data(actor: Any, council: Council, row: tuple) -> dict[str, Any]:
    title, ref, desc, maker, expected, committee, wards, consultation = row[:8]
    contact, email, directorate, documents = row[8:]
    return {
        "title": title,
        "reference": ref,
        "description": desc,
        "is_key": True,
        "scrutiny": _committee(actor, council, committee),
        "wards": wards,
        "consultation": consultation,
        "contact": contact,
        "contact_email": email,
        "directorate": directorate,
        "documents": documents,
        **_maker(maker),
        **_expected(expected),
    }


def _add(actor: Any, council: Council, rows: list, previously: bool, **extra: Any) -> None:
    edition = editions.draft_or_new(actor, council)
    for row in rows:
        data = _data(actor, council, row)
        data.update(extra)
        decision = services.add_decision(actor, council, data)
        if previously:
            on = first_advertised(decision.reference)
            private_on = on if decision.is_private else None
            services.record_earlier_notice(actor, decision, on, private_on)
            editions.place(edition, decision, previously=True)


@transaction.atomic
def load_forward_plan_demo(council: Council) -> None:
    """The edition of 20 October 2023, published, with Peterborough's key-decision test."""
    if council.forward_plan_editions.filter(published_on=PUBLISHED).exists():
        return
    actor = DEMO
    # No service changes the settings yet: the demo writes them as the system, audited.
    ensure(
        ForwardPlanSettings,
        {"council": council},
        # Published every four weeks from the seed's edition (a monthly rhythm that
        # keeps to a Friday; see improvement.demo.today_forward_plan).
        {
            "key_threshold": 500_000,
            "comments_email": seed.COMMENTS_EMAIL,
            "edition_interval_days": 28,
        },
    )
    _body(actor, council, "Cabinet", "cabinet", Body.Kind.CABINET)
    edition = editions.create_edition(actor, council, PUBLISHED, D(2023, 11, 20))
    _add(actor, council, seed.NEW_KEY, previously=False)
    _add(actor, council, seed.PREVIOUS_KEY, previously=True)
    private = {
        "is_private": True,
        "exempt_paragraph": 3,
        "private_reason": "information relating to the financial or business affairs of any "
        "particular person (including the authority holding that information)",
        "documents": "",
    }
    _add(actor, council, seed.PREVIOUS_PRIVATE, previously=True, **private)
    _add(actor, council, seed.PREVIOUS_NON_KEY, previously=True, is_key=False)
    editions.publish_edition(actor, edition)
