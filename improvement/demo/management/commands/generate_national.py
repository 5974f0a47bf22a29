"""generate_national: a national-size dataset for the load benchmarks (bench/load.py)."""

import datetime
import time
from typing import Any

from django.core.management.base import CommandParser

from improvement.core.commands import CouncilCommand
from improvement.demo.national import SIGN_INS, Sizes, username_for
from improvement.demo.national_run import generate
from improvement.demo.people import DEMO_PASSWORD


class Command(CouncilCommand):
    help = (
        "Generate invented councils for load tests: each with an improvement plan, "
        "monthly updates since the plan began, board meetings, measures, forward plan "
        "decisions and complaints. The first --large councils have about 2,000 actions "
        "(times --scale), the last has 40. Councils already there are left alone, so "
        "running it again finishes a run that stopped. Not for a live installation."
    )
    example = "manage.py generate_national --councils 152 --large 2 --scale 1"
    takes_council = False

    def add_arguments(self, parser: CommandParser) -> None:
        defaults = Sizes()
        parser.add_argument("--councils", type=int, default=defaults.councils)
        parser.add_argument("--large", type=int, default=defaults.large)
        parser.add_argument(
            "--scale", type=float, default=defaults.scale, help="multiplies actions and complaints"
        )
        parser.add_argument("--seed", type=int, default=defaults.seed)
        parser.add_argument(
            "--today", type=datetime.date.fromisoformat, help="YYYY-MM-DD (default: today)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        sizes = Sizes(options["councils"], options["large"], options["scale"], options["seed"])
        start = time.monotonic()
        progress = self.stdout.write if options["verbosity"] > 1 else None
        totals = generate(sizes, options["today"], progress)
        seconds = time.monotonic() - start
        made = ", ".join(f"{value:,} {key}" for key, value in totals.items()) or "nothing new"
        self.stdout.write(f"Generated {made} in {seconds:.1f} s.")
        who = ", ".join(username_for(1, who) for who, *_ in SIGN_INS)
        self.stdout.write(f"Sign in as {who} (or any council's number); password {DEMO_PASSWORD}")
