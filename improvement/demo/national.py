"""A national-size dataset for the load benchmarks (`manage.py generate_national`).

Many invented councils ("Generated Council 001" ...), each with an improvement plan
(objectives, actions with owners, monthly rated updates since the plan began),
board meetings, measures, forward plan decisions and complaints, and sign-ins with
the demo password. The first `large` councils have about 2,000 actions each; the
last has 40, a small council to compare against.

This is generated data, not anyone's edits: the rows go in with `bulk_create` in
batches (version 1, created and modified at their own dates, by nobody), and each
council gets one audit entry saying the system's job `generate_national` made it.
The same seed, sizes and `today` give the same data. A council already there is
left alone, so a run that stopped part-way is finished by running it again.
"""

import datetime
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone

from improvement.accounts.models import Membership, Organisation, Person, Role
from improvement.core.models import Council
from improvement.plans.models import Action, Notice, Objective, Rating, Update

BATCH = 5000
LARGE_ACTIONS = 2000
SMALL_ACTIONS = 40
TYPICAL_ACTIONS = (40, 320)
DUE_SOON = datetime.timedelta(days=45)
SIGN_INS = [
    ("manager", "Board", "Manager", Role.BOARD_MANAGER),
    ("complaints", "Complaints", "Manager", Role.COMPLAINTS_MANAGER),
    ("owner", "Action", "Owner", Role.ACTION_OWNER),
]
THEMES = [
    "Leadership and governance",
    "Front door and early help",
    "Assessment and planning",
    "Children in care",
    "Care leavers",
    "Workforce and practice",
    "Quality assurance",
    "Partnership working",
]
VERBS = ["Review", "Embed", "Launch", "Audit", "Train staff in", "Publish", "Recruit for"]
TOPICS = [
    "the MASH threshold document",
    "supervision standards",
    "the quality assurance framework",
    "return home interviews",
    "pathway plans for care leavers",
    "the permanence tracker",
    "the neglect strategy",
    "strategy discussions",
    "the sufficiency strategy",
    "the practice model",
]
REASONS = {
    Rating.GREEN: "On track against the milestones agreed with the board.",
    Rating.AMBER: "Some slippage: recruitment is behind plan, recoverable by the next board.",
    Rating.RED: "Off track: the dependency on partners has not been resolved.",
    Rating.GREY: "Not started yet.",
    Rating.BLUE: "Complete; the evidence of impact is attached.",
}
NEXT_RATING = {
    Rating.GREY: [Rating.GREY, Rating.GREEN, Rating.GREEN, Rating.AMBER],
    Rating.GREEN: [Rating.GREEN] * 6 + [Rating.AMBER, Rating.BLUE],
    Rating.AMBER: [Rating.AMBER, Rating.AMBER, Rating.GREEN, Rating.GREEN, Rating.RED],
    Rating.RED: [Rating.RED, Rating.AMBER, Rating.AMBER],
}


@dataclass(frozen=True)
class Sizes:
    councils: int = 152
    large: int = 2
    scale: float = 1.0
    seed: int = 2026


@dataclass
class Plan:
    """What `generate_council` made, for the other parts to refer to."""

    council: Council
    rng: random.Random
    today: datetime.date
    started: datetime.date
    organisation: Organisation
    people: list[Person]
    users: dict[str, Any]
    objectives: list[Objective]
    actions: list[Action]
    updates: int = 0


def slug_for(index: int) -> str:
    return f"national-{index:03d}"


def username_for(index: int, who: str) -> str:
    return f"{slug_for(index)}-{who}"


def action_count(index: int, sizes: Sizes, rng: random.Random) -> int:
    if index <= sizes.large:
        base = LARGE_ACTIONS
    elif index == sizes.councils:
        base = SMALL_ACTIONS
    else:
        base = rng.randint(*TYPICAL_ACTIONS)
    return max(1, round(base * sizes.scale))


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def tracked(model: type[models.Model], when: datetime.datetime, **fields: Any) -> Any:
    """An unsaved generated row with what the Tracked base needs."""
    return model(created_at=when, modified_at=when, version=1, **fields)


def batched(model: type[models.Model], rows: Iterable[models.Model]) -> int:
    """Insert rows in batches, never holding more than one batch; return the count."""
    count, batch = 0, []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            model.objects.bulk_create(batch)
            count, batch = count + len(batch), []
    if batch:
        model.objects.bulk_create(batch)
        count += len(batch)
    return count


def generate_council(index: int, sizes: Sizes, today: datetime.date, password: str) -> Plan:
    rng = random.Random(sizes.seed * 1000 + index)
    started = today - datetime.timedelta(days=rng.randint(660, 1200))
    council = Council.objects.create(slug=slug_for(index), name=f"Generated Council {index:03d}")
    when = at(started)
    organisation = Organisation.objects.bulk_create(
        [
            tracked(Organisation, when, council=council, name=council.name, kind="council"),
            tracked(Organisation, when, council=council, name="Police", kind="police"),
            tracked(Organisation, when, council=council, name="NHS ICB", kind="nhs_icb"),
        ]
    )
    users = _sign_ins(index, council, organisation[0], password, when)
    n_actions = action_count(index, sizes, rng)
    people = Person.objects.bulk_create(
        tracked(
            Person,
            when,
            council=council,
            name=f"Action owner {n}",
            job_title="Service manager",
            organisation=organisation[n % len(organisation)],
            user=users["owner"] if n == 1 else None,
        )
        for n in range(1, max(3, n_actions // 8) + 1)
    )
    Notice.objects.create(
        council=council,
        issuer="Department for Education",
        issued_on=started,
        deadline=started + datetime.timedelta(days=900),
        created_at=when,
        modified_at=when,
    )
    objectives = Objective.objects.bulk_create(
        tracked(
            Objective,
            when,
            council=council,
            ref=str(n),
            title=f"Improve {THEMES[(n - 1) % len(THEMES)].lower()} ({n})",
            theme=THEMES[(n - 1) % len(THEMES)],
            position=n,
        )
        for n in range(1, max(2, n_actions // 25) + 1)
    )
    plan = Plan(council, rng, today, started, organisation[0], people, users, objectives, [])
    plan.actions = _actions(plan, n_actions, organisation)
    _owners(plan)
    plan.updates = batched(Update, _updates(plan))
    return plan


def _sign_ins(
    index: int, council: Council, organisation: Organisation, password: str, when: Any
) -> dict[str, Any]:
    user_model = get_user_model()
    users = {}
    for who, first, last, role in SIGN_INS:
        user = user_model.objects.create(
            username=username_for(index, who),
            first_name=first,
            last_name=last,
            email=f"{username_for(index, who)}@example.invalid",
            password=password,
        )
        Membership.objects.create(
            user=user,
            council=council,
            organisation=organisation,
            role=role,
            job_title=f"{first} {last}",
            created_at=when,
            modified_at=when,
        )
        users[who] = user
    return users


def _actions(plan: Plan, count: int, organisations: list[Organisation]) -> list[Action]:
    rng = plan.rng
    per_objective: dict[int, int] = {}
    rows = []
    for n in range(count):
        objective = plan.objectives[n % len(plan.objectives)]
        number = per_objective[objective.pk] = per_objective.get(objective.pk, 0) + 1
        start = plan.started + datetime.timedelta(days=rng.randint(0, 180))
        due = start + datetime.timedelta(days=rng.randint(180, 1080))
        rows.append(
            tracked(
                Action,
                at(plan.started),
                council=plan.council,
                objective=objective,
                ref=f"{objective.ref}.{number}",
                title=f"{rng.choice(VERBS)} {rng.choice(TOPICS)}",
                organisation=organisations[0] if rng.random() < 0.8 else rng.choice(organisations),
                start_on=start,
                due_on=due,
                success_measure="The board sees the change in the audits and the measures.",
                position=number,
            )
        )
    made = []
    for offset in range(0, len(rows), BATCH):
        made.extend(Action.objects.bulk_create(rows[offset : offset + BATCH]))
    return made


def _owners(plan: Plan) -> None:
    through = Action.owners.through
    rows = []
    for action in plan.actions:
        for person in plan.rng.sample(plan.people, k=min(len(plan.people), plan.rng.randint(1, 2))):
            rows.append(through(action_id=action.pk, person_id=person.pk))
    for offset in range(0, len(rows), BATCH):
        through.objects.bulk_create(rows[offset : offset + BATCH])


def _updates(plan: Plan) -> Iterator[Update]:
    """Monthly updates on each action from its start until it completed or today."""
    rng, author = plan.rng, plan.users["owner"]
    for action in plan.actions:
        rating, day = Rating.GREY, action.start_on
        while day <= plan.today:
            rating = rng.choice(NEXT_RATING[rating])
            if rating == Rating.BLUE and (day < action.due_on - DUE_SOON or rng.random() < 0.6):
                rating = Rating.GREEN  # completions come near the due date
            approval = Update.Approval.NOT_NEEDED
            if rating == Rating.BLUE:
                awaiting = rng.random() < 0.15
                approval = Update.Approval.PROPOSED if awaiting else Update.Approval.ACCEPTED
            when = at(day, 9 + rng.randint(0, 8))
            yield Update(
                action_id=action.pk,
                as_of=day,
                rating=rating,
                reason=REASONS[rating],
                narrative=f"Progress on {action.ref} this month: see the reason.",
                approval=approval,
                created_at=when,
                modified_at=when,
                created_by=author,
                modified_by=author,
                version=1,
            )
            if rating == Rating.BLUE:
                break
            day += datetime.timedelta(days=rng.randint(26, 35))
