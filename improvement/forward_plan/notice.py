"""The forward plan's notice rules, as pure functions of dates and a decision's fields.

The Local Authorities (Executive Arrangements) (Meetings and Access to
Information) (England) Regulations 2012: a key decision (reg 9), and notice of
a meeting held in private (reg 5), must be published at least 28 clear days
before; otherwise an urgency route must be recorded. The two routes differ: the
general exception (reg 10) needs the chair of the relevant scrutiny committee
*informed* in writing, a public notice, and five clear days after it; special
urgency (reg 11, and reg 5(6) for a meeting in private) needs the chair's
*agreement* that the decision is urgent, and a notice of the reasons.
"""

import datetime
from decimal import Decimal
from typing import Any

from improvement.core.working_days import clear_days_between, earliest_after_clear_days

GENERAL_EXCEPTION = "general_exception"
SPECIAL_URGENCY = "special_urgency"
URGENT_ROUTES = (GENERAL_EXCEPTION, SPECIAL_URGENCY)


def clear_days(
    published_on: datetime.date, decision_on: datetime.date, working: bool = False
) -> int:
    """Clear days between publication and decision: neither of those two days counts.

    The 2012 Regulations do not define a clear day; in its ordinary meaning every
    calendar day between the two counts, weekends and bank holidays included. A
    council that counts only working days says so in its `ForwardPlanSettings`
    (`working` true), and then weekends and bank holidays are left out.
    """
    return clear_days_between(published_on, decision_on, working)


def earliest_decision_date(
    published_on: datetime.date, days: int, working: bool = False
) -> datetime.date:
    """The first date on which a decision has `days` clear days' notice from `published_on`."""
    return earliest_after_clear_days(published_on, days, working)


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


def _notice_problem(
    what: str, where: str, notice_on: Any, on: datetime.date, days: int, working: bool
) -> str:
    need = f"{what} must appear in {where} at least {days} clear days before it is taken"
    if notice_on is None:
        return f"{need}, and it has not appeared in one"
    given = clear_days(notice_on, on, working)
    if given >= days:
        return ""
    return f"{need}: it was published on {_when(notice_on)}, {given} clear days before {_when(on)}"


def key_notice_problem(decision: Any, on: datetime.date, days: int, working: bool) -> str:
    """Reg 9: a key decision advertised in a published plan `days` clear days before."""
    if not decision.is_key:
        return ""
    return _notice_problem(
        "A key decision", "a published forward plan", decision.first_notice_on, on, days, working
    )


def private_notice_problem(decision: Any, on: datetime.date, days: int, working: bool) -> str:
    """Reg 5: notice of a meeting in private, published `days` clear days before."""
    if not decision.is_private:
        return ""
    return _notice_problem(
        "Notice of a private meeting",
        "Part 2 of a published forward plan",
        decision.private_notice_on,
        on,
        days,
        working,
    )


def notice_problems(
    decision: Any, on: datetime.date, days: int = 28, working: bool = False
) -> list[str]:
    """What the 28 clear days rule finds short for taking `decision` on `on`."""
    problems = [
        key_notice_problem(decision, on, days, working),
        private_notice_problem(decision, on, days, working),
    ]
    return [problem for problem in problems if problem]


def _missing(decision: Any, needs: dict[str, str]) -> str:
    return ", ".join(label for name, label in needs.items() if not getattr(decision, name))


def general_exception_problem(
    decision: Any, on: datetime.date, days: int = 5, working: bool = False
) -> str:
    """Reg 10: the chair of the relevant scrutiny committee informed in writing, a public
    notice made available, and `days` clear days since that notice. No agreement needed."""
    missing = _missing(
        decision,
        {
            "urgency_reason": "its reason",
            "urgency_chair": "the scrutiny chair informed",
            "urgency_informed_on": "the date the chair was informed in writing",
            "urgency_notice_on": "the date its public notice was published",
        },
    )
    if missing:
        return f"The general exception needs {missing}"
    if decision.urgency_informed_on > on:
        return "Under the general exception the scrutiny chair is informed before the decision"
    if clear_days(decision.urgency_notice_on, on, working) < days:
        earliest = earliest_decision_date(decision.urgency_notice_on, days, working)
        return (
            f"Under the general exception the decision may be taken {days} clear days "
            f"after its notice is published ({_when(decision.urgency_notice_on)}): "
            f"not before {_when(earliest)}"
        )
    return ""


def special_urgency_problem(decision: Any, on: datetime.date) -> str:
    """Reg 11 (and reg 5(6) for a meeting in private): the agreement of the chair of the
    relevant scrutiny committee that the decision is urgent and cannot reasonably be
    deferred, and a notice of the reasons published once agreed."""
    missing = _missing(
        decision,
        {
            "urgency_reason": "its reason",
            "urgency_chair": "the scrutiny chair who agreed",
            "urgency_agreed_on": "the date of the chair's agreement",
            "urgency_notice_on": "the date its notice of reasons was published",
        },
    )
    if missing:
        return f"Special urgency needs {missing}"
    if decision.urgency_agreed_on > on:
        return "Under special urgency the scrutiny chair agrees before the decision is taken"
    if decision.urgency_notice_on < decision.urgency_agreed_on:
        return "Under special urgency the notice of reasons follows the chair's agreement"
    return ""


def urgency_problem(
    decision: Any, on: datetime.date, general_exception_days: int = 5, working: bool = False
) -> str:
    """Why the recorded urgency route does not cover taking the decision on `on`."""
    if decision.urgency_route == GENERAL_EXCEPTION:
        return general_exception_problem(decision, on, general_exception_days, working)
    if decision.urgency_route == SPECIAL_URGENCY:
        return special_urgency_problem(decision, on)
    return (
        "Record the general exception (the scrutiny chair informed, and notice published "
        f"{general_exception_days} clear days before) or special urgency (the scrutiny "
        "chair's agreement) before taking it"
    )


PRIVATE_NEEDS_AGREEMENT = (
    "The general exception does not cover a meeting in private: without that notice "
    "it needs the scrutiny chair's agreement that it is urgent (special urgency)"
)


def may_be_taken(
    decision: Any,
    on: datetime.date,
    days: int = 28,
    general_exception_days: int = 5,
    working: bool = False,
) -> str:
    """An empty string if the decision may be taken on `on`; otherwise why not."""
    if decision.status != "planned":
        return f"This decision is already {decision.get_status_display().lower()}"
    key = key_notice_problem(decision, on, days, working)
    private = private_notice_problem(decision, on, days, working)
    if not (key or private):
        return ""
    route = urgency_problem(decision, on, general_exception_days, working)
    if private and not route and decision.urgency_route != SPECIAL_URGENCY:
        route = PRIVATE_NEEDS_AGREEMENT
    if not route:
        return ""
    return ". ".join([problem for problem in (key, private, route) if problem]) + "."


def refusal(decision: Any, on: datetime.date, settings: Any) -> str:
    """`may_be_taken` under the council's `ForwardPlanSettings`."""
    return may_be_taken(
        decision,
        on,
        settings.notice_clear_days,
        settings.general_exception_clear_days,
        settings.counts_working_days,
    )


def earliest_key_decision(published_on: datetime.date, settings: Any) -> datetime.date:
    """The first date a key decision first advertised in a plan published on
    `published_on` may be taken under the council's settings."""
    return earliest_decision_date(
        published_on, settings.notice_clear_days, settings.counts_working_days
    )


def part_for(decision: Any) -> int:
    """The part of the plan a decision belongs in."""
    if decision.status == "taken" and decision.urgency_route in URGENT_ROUTES:
        return 4
    if decision.is_private:
        return 2
    return 1 if decision.is_key else 3
