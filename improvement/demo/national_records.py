"""The generated councils' other records: board meetings with agendas, measures with
monthly values, forward plan decisions and statutory complaints (see national.py)."""

import datetime
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from improvement.complaints.models import Representation
from improvement.demo.national import Plan, at, batched, tracked
from improvement.evidence.models import Measure, MeasureValue
from improvement.forward_plan.models import ForwardDecision
from improvement.meetings.models import AgendaItem, Body, Meeting

COMPLAINTS_PER_COUNCIL = 950
MEASURES = [
    ("CP-REPEAT", "Repeat child protection plans", "lower"),
    ("ASSESS-45", "Assessments completed within 45 working days", "higher"),
    ("VISITS", "Children in care visited on time", "higher"),
    ("CL-EET", "Care leavers in education, employment or training", "higher"),
    ("CASELOAD", "Average social worker caseload", "lower"),
    ("AGENCY", "Agency social workers", "lower"),
]
AGENDA = [
    "Minutes and matters arising",
    "Improvement plan: progress by objective",
    "Performance report",
    "Practice audits and the voice of the child",
]
SERVICES = [("childrens_social_care", 0.85), ("education", 0.15)]
OUTCOMES = ["upheld", "partially_upheld", "not_upheld"]


def generate_records(plan: Plan, scale: float) -> dict[str, int]:
    return {
        "meetings": _meetings(plan),
        "measure values": _measures(plan),
        "forward decisions": _forward_decisions(plan),
        "complaints": batched(Representation, _complaints(plan, scale)),
    }


def _meetings(plan: Plan) -> int:
    when = at(plan.started)
    board = Body.objects.create(
        council=plan.council,
        name="Children's Services Improvement Board",
        slug="improvement-board",
        kind=Body.Kind.IMPROVEMENT_BOARD,
        standing=Body.Standing.NOTICE,
        members_vote=False,
        meets_in_public=False,
        created_at=when,
        modified_at=when,
    )
    meetings = []
    day = plan.started + datetime.timedelta(days=28)
    last = plan.today + datetime.timedelta(days=126)
    while day <= last:
        past = day < plan.today
        meetings.append(
            tracked(
                Meeting,
                when,
                council=plan.council,
                body=board,
                starts_at=at(day, 14),
                location="Council chamber",
                status="held" if past else "scheduled",
                series="board",
                held_in_public=False,
                agenda_published_on=day - datetime.timedelta(days=7) if past else None,
            )
        )
        day += datetime.timedelta(days=42)
    meetings = Meeting.objects.bulk_create(meetings)
    AgendaItem.objects.bulk_create(
        tracked(AgendaItem, when, meeting=meeting, number=number, title=title)
        for meeting in meetings
        for number, title in enumerate(AGENDA, start=1)
    )
    return len(meetings)


def _measures(plan: Plan) -> int:
    when = at(plan.started)
    measures = Measure.objects.bulk_create(
        tracked(
            Measure,
            when,
            council=plan.council,
            code=code,
            name=name,
            unit="number" if code == "CASELOAD" else "percentage",
            polarity=polarity,
            target=Decimal(18 if code == "CASELOAD" else 80),
            frequency="monthly",
        )
        for code, name, polarity in MEASURES
    )
    values = []
    for measure in measures:
        value = plan.rng.uniform(40, 90) if measure.unit == "percentage" else 22.0
        month = plan.started.replace(day=1)
        while month < plan.today.replace(day=1):
            value = min(100.0, max(0.0, value + plan.rng.uniform(-3, 4)))
            values.append(
                tracked(
                    MeasureValue,
                    at(month),
                    measure=measure,
                    period=month,
                    value=Decimal(f"{value:.2f}"),
                )
            )
            month = (month + datetime.timedelta(days=32)).replace(day=1)
    return batched(MeasureValue, values)


def _forward_decisions(plan: Plan) -> int:
    when = at(plan.today - datetime.timedelta(days=30))
    rows = []
    for n in range(1, 13):
        expected = plan.today + datetime.timedelta(days=14 * n)
        rows.append(
            tracked(
                ForwardDecision,
                when,
                council=plan.council,
                reference=f"FP/{n:03d}",
                title=f"Children's services: decision {n} of the improvement programme",
                is_key=n % 3 == 0,
                maker_kind="cabinet",
                maker_name="Cabinet",
                expected_on=expected,
                expected_month=expected.replace(day=1),
                directorate="Children's Services",
            )
        )
    return len(ForwardDecision.objects.bulk_create(rows))


def _complaints(plan: Plan, scale: float) -> Iterator[Any]:
    """Complaints received over six years to today, most answered at stage 1."""
    rng = plan.rng
    count = max(1, round(COMPLAINTS_PER_COUNCIL * scale))
    first = plan.today - datetime.timedelta(days=6 * 365)
    span = (plan.today - first).days
    days = sorted(first + datetime.timedelta(days=rng.randint(0, span)) for _ in range(count))
    for n, received in enumerate(days, start=1):
        service = rng.choices([s for s, _ in SERVICES], [w for _, w in SERVICES])[0]
        answered = received + datetime.timedelta(days=rng.randint(5, 30))
        done = answered <= plan.today
        stage2 = done and rng.random() < 0.08
        yield tracked(
            Representation,
            at(received),
            council=plan.council,
            reference=f"CF-{received:%Y}-{n:06d}",
            received_on=received,
            process="statutory" if service == "childrens_social_care" else "corporate",
            service=service,
            team="Assessment and intervention",
            category="Quality of service",
            complainant_type="parent_or_guardian",
            summary="Generated complaint: no personal details.",
            stage1_route="formal",
            stage1_responded_on=answered if done else None,
            stage1_outcome=rng.choice(OUTCOMES) if done else "",
            stage2_requested_on=answered + datetime.timedelta(days=10) if stage2 else None,
        )
