"""The forward plan after the seed's edition of 20 October 2023, up to `today`.

Editions follow every four weeks (the council's interval; a date on a weekend or bank
holiday moves to the next working day, as the app itself does), each headed with the
first date the 28 clear days rule allows. Each edition advertises one new key decision
about the improvement journey, taken about two months later and then published for
call-in; the seed's own decisions are taken in the month they were expected. One
Cabinet Member decision is taken the working day before the last working day on or
before `today` and published on that day, so on the load date it is open to call-in.
Everything goes through the forward plan's services, which apply the rules.
"""

import datetime
from typing import Any

from improvement.core.models import Council
from improvement.core.working_days import add_working_days, is_working_day
from improvement.demo import today_data as data
from improvement.demo.records import DEMO
from improvement.forward_plan import editions, notice, queries, services
from improvement.forward_plan.models import ForwardDecision

DAY = datetime.timedelta(days=1)
LEAD = datetime.timedelta(days=57)  # from an edition to the decision it first advertises


def financial_year(day: datetime.date) -> str:
    start = day.year if day.month >= 4 else day.year - 1
    return f"{start}-{str(start + 1)[-2:]}"


def last_working_day(day: datetime.date) -> datetime.date:
    while not is_working_day(day):
        day -= DAY
    return day


def next_monday(day: datetime.date) -> datetime.date:
    day += datetime.timedelta(days=(7 - day.weekday()) % 7)
    return editions.on_a_working_day(day)


def recent_dates(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """(taken, published) of the decision open to call-in on `today`."""
    published = last_working_day(today)
    return last_working_day(published - DAY), published


def _row(title: str, description: str, maker: str, wards: str, on: datetime.date) -> dict:
    return {
        "title": title,
        "description": description,
        "is_key": True,
        "wards": wards,
        "consultation": "Children, young people and families, partners and staff",
        "contact": data.CONTACT,
        "contact_email": data.CONTACT_EMAIL,
        "directorate": data.CHILDREN,
        "documents": "The report and its appendices.",
        "expected_on": on,
        **(
            {"maker_kind": "cabinet"}
            if maker == "cabinet"
            else {
                "maker_kind": "member",
                "maker_name": data.CABINET_MEMBER.split(", ")[0],
                "maker_portfolio": data.CABINET_MEMBER.split(", ")[1],
            }
        ),
    }


class Plan:
    def __init__(self, council: Council, today: datetime.date) -> None:
        self.council = council
        self.today = today
        self.settings = queries.settings_for(council)
        self.scrutiny = council.bodies.filter(slug=data.SCRUTINY).first()

    def add(self, title: str, description: str, maker: str, wards: str, on: datetime.date):
        found = self.council.forward_decisions.filter(title=title).first()
        if found:
            return found
        row = _row(title, description, maker, wards, on)
        row["scrutiny"] = self.scrutiny
        return services.add_decision(DEMO, self.council, row)

    def due(self, decision: ForwardDecision) -> datetime.date | None:
        """When a decision is taken: on its expected date, or in its expected month, once
        the rule allows."""
        if decision.expected_on:
            day = decision.expected_on
        elif decision.expected_month:
            day = decision.expected_month.replace(day=15)
        elif decision.first_notice_on:
            day = decision.first_notice_on + LEAD
        else:
            return None
        day = editions.on_a_working_day(max(day, datetime.date(2023, 10, 23)))
        for _ in range(120):
            if is_working_day(day) and not notice.refusal(decision, day, self.settings):
                return day
            day += DAY
        return None

    def take_until(self, before: datetime.date) -> None:
        """Take every planned decision due before `before` and published by today."""
        for decision in self.council.forward_decisions.filter(status="planned").order_by("pk"):
            taken_on = self.due(decision)
            if taken_on is None or taken_on >= before:
                continue
            # Published the next working day, or by the last working day up to today.
            published_on = min(add_working_days(taken_on, 1), last_working_day(self.today))
            if taken_on > self.today or published_on < taken_on:
                continue
            services.take_decision(DEMO, decision, taken_on, data.OUTCOME, published_on)


def edition_dates(council: Council, today: datetime.date) -> list[datetime.date]:
    """The dates of the editions still to publish, up to today, as the app carries them."""
    interval = datetime.timedelta(days=queries.settings_for(council).edition_interval_days)
    draft = queries.draft_edition(council)
    if draft is None:
        return []
    dates, day = [], draft.published_on
    while day <= today:
        dates.append(day)
        day = editions.on_a_working_day(day + interval)
    return dates


def _advertising_edition(dates: list[datetime.date], taken_on: datetime.date) -> int | None:
    """Index of the edition that first advertises a decision taken on `taken_on`: two
    editions ahead where it can be, or else the last that gives 28 clear days."""
    fits = [i for i, day in enumerate(dates) if day + datetime.timedelta(days=29) <= taken_on]
    if not fits:
        return None
    return fits[-2] if len(fits) > 1 else fits[-1]


def load_forward_plan_today(council: Council, today: datetime.date) -> None:
    """Publish the editions due up to today, with their decisions; idempotent."""
    if queries.current_edition(council) is None:
        return
    plan = Plan(council, today)
    dates = edition_dates(council, today)
    taken_on, _ = recent_dates(today)
    recent_at = _advertising_edition(dates, taken_on)
    for index, day in enumerate(dates):
        plan.take_until(day)
        number = (day - datetime.date(2023, 10, 20)).days // 28
        title, description, maker, wards = data.DECISIONS[number % len(data.DECISIONS)]
        on = next_monday(day + LEAD)
        plan.add(title.format(fy=financial_year(on)), description, maker, wards, on)
        if index == recent_at:
            recent_title, recent_description = data.RECENT
            title = recent_title.format(month=f"{taken_on:%B %Y}")
            plan.add(title, recent_description, "member", "All Wards", taken_on)
        draft = queries.draft_edition(council)
        editions.publish_edition(DEMO, draft)
    plan.take_until(today + DAY)
    if not open_to_call_in(council, today).filter(scrutiny=plan.scrutiny).exists():
        _urgent(plan, taken_on)


def _urgent(plan: Plan, taken_on: datetime.date) -> None:
    """A decision open to call-in when no edition could advertise one in time: taken
    under the general exception, its notice published six days before."""
    title, description, reason, chair = data.URGENT
    title = title.format(day=f"{taken_on:%-d %B %Y}")
    if plan.council.forward_decisions.filter(title=title).exists():
        return
    decision = plan.add(title, description, "member", "All Wards", taken_on)
    notice_on = taken_on - datetime.timedelta(days=6)
    services.record_general_exception(DEMO, decision, reason, chair, notice_on, notice_on)
    plan.take_until(plan.today + DAY)


def open_to_call_in(council: Council, on: datetime.date) -> Any:
    """Executive decisions whose call-in period is running on `on`."""
    return council.decisions.filter(
        kind="executive", published_on__lte=on, call_in_ends_on__gte=on, called_in_on=None
    )
