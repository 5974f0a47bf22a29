"""Generating the national dataset, council by council (see national.py)."""

import datetime
from collections.abc import Callable

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from improvement.core import audit
from improvement.core.actors import SystemActor
from improvement.core.models import Council
from improvement.demo import national_records
from improvement.demo.national import Plan, Sizes, generate_council, slug_for
from improvement.demo.people import DEMO_PASSWORD

GENERATOR = SystemActor("generate_national")


def generate(
    sizes: Sizes,
    today: datetime.date | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """Generate every council not already there; return the rows made, by kind."""
    today = today or timezone.localdate()
    password = make_password(DEMO_PASSWORD)  # hashed once: hashing is slow by design
    totals: dict[str, int] = {}
    for index in range(1, sizes.councils + 1):
        if Council.objects.filter(slug=slug_for(index)).exists():
            continue
        with transaction.atomic():
            plan = generate_council(index, sizes, today, password)
            counts = {"councils": 1, **_plan_counts(plan)}
            counts.update(national_records.generate_records(plan, sizes.scale))
            audit.record(GENERATOR, "generated", plan.council, None, counts, council=plan.council)
        for key, value in counts.items():
            totals[key] = totals.get(key, 0) + value
        if progress:
            progress(
                f"{plan.council.name}: {counts['actions']} actions, {counts['updates']} updates"
            )
    return totals


def _plan_counts(plan: Plan) -> dict[str, int]:
    return {
        "objectives": len(plan.objectives),
        "actions": len(plan.actions),
        "updates": plan.updates,
    }
