"""The forward plan's notice rules, as pure functions of dates and a decision's fields.

The Local Authorities (Executive Arrangements) (Meetings and Access to
Information) (England) Regulations 2012: a key decision (reg 9), and notice of
a meeting held in private (reg 5), must be published at least 28 clear days
before; otherwise the general exception (reg 10) or special urgency (reg 11,
and reg 5(6) for a private meeting) route must be recorded.
"""

import datetime
from decimal import Decimal
from typing import Any

from improvement.core.working_days import is_working_day

URGENT_ROUTES = ("general_exception", "special_urgency")


def clear_days(published_on: datetime.date, decision_on: datetime.date) -> int:
    """Clear days between publication and decision: neither of those two days counts,
    nor Saturdays and Sundays, nor England and Wales bank holidays.

    Bank holidays are left out as well as weekends because that is the safe side:
    the regulations do not define a clear day, and notice counted without bank
    holidays is never shorter than notice counted with them, so a decision that
    passes this rule passes either reading. It is also the one definition of a
    working day the app already uses (`core.working_days`).
    """
    count = 0
    day = published_on + datetime.timedelta(days=1)
    while day < decision_on:
        count += is_working_day(day)
        day += datetime.timedelta(days=1)
    return count


def earliest_decision_date(published_on: datetime.date, days: int) -> datetime.date:
    """The first date on which a decision has `days` clear days' notice from `published_on`."""
    day = published_on + datetime.timedelta(days=1)
    while clear_days(published_on, day) < days:
        day += datetime.timedelta(days=1)
    return day


def key_decision_reasons(
    amount: Decimal | None, wards_affected: int, threshold: int, ward_count: int
) -> list[str]:
    """Why a decision is key under the council's test; empty when it is not."""
    reasons = []
    if amount is not None and amount > threshold:
        reasons.append(f"spending or saving £{amount:,.0f}, above £{threshold:,}")
    if wards_affected >= ward_count:
        reasons.append(f"a significant effect on {wards_affected} wards")
    return reasons


def _when(day: datetime.date) -> str:
    return f"{day:%-d %B %Y}"


def _notice_problem(what: str, where: str, notice_on: Any, on: datetime.date, days: int) -> str:
    need = f"{what} must appear in {where} at least {days} clear days before it is taken"
    if notice_on is None:
        return f"{need}, and it has not appeared in one"
    given = clear_days(notice_on, on)
    if given >= days:
        return ""
    return f"{need}: it was published on {_when(notice_on)}, {given} clear days before {_when(on)}"


def notice_problems(decision: Any, on: datetime.date, days: int = 28) -> list[str]:
    """What the 28 clear days rule finds short for taking `decision` on `on`."""
    problems = []
    if decision.is_key:
        problem = _notice_problem(
            "A key decision", "a published forward plan", decision.first_notice_on, on, days
        )
        problems.append(problem)
    if decision.is_private:
        problem = _notice_problem(
            "Notice of a private meeting",
            "Part 2 of a published forward plan",
            decision.private_notice_on,
            on,
            days,
        )
        problems.append(problem)
    return [problem for problem in problems if problem]


def urgency_problem(decision: Any, on: datetime.date, general_exception_days: int = 5) -> str:
    """Why the recorded urgency route does not cover taking the decision on `on`."""
    if decision.urgency_route not in URGENT_ROUTES:
        return (
            "Record the general exception or special urgency route, with its reason and "
            "the scrutiny chair's agreement, before taking it"
        )
    if not (decision.urgency_reason and decision.urgency_chair and decision.urgency_agreed_on):
        return "The urgency route needs its reason and the scrutiny chair's agreement"
    if decision.urgency_route == "general_exception":
        given = clear_days(decision.urgency_recorded_on, on)
        if given < general_exception_days:
            earliest = earliest_decision_date(decision.urgency_recorded_on, general_exception_days)
            return (
                f"Under the general exception the decision may be taken "
                f"{general_exception_days} clear days after notice is published "
                f"({_when(decision.urgency_recorded_on)}): not before {_when(earliest)}"
            )
    return ""


def may_be_taken(
    decision: Any, on: datetime.date, days: int = 28, general_exception_days: int = 5
) -> str:
    """An empty string if the decision may be taken on `on`; otherwise why not."""
    if decision.status != "planned":
        return f"This decision is already {decision.get_status_display().lower()}"
    problems = notice_problems(decision, on, days)
    if not problems:
        return ""
    urgency = urgency_problem(decision, on, general_exception_days)
    if not urgency:
        return ""
    return ". ".join([*problems, urgency]) + "."


def part_for(decision: Any) -> int:
    """The part of the plan a decision belongs in."""
    if decision.status == "taken" and decision.urgency_route in URGENT_ROUTES:
        return 4
    if decision.is_private:
        return 2
    return 1 if decision.is_key else 3
