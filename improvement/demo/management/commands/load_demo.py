"""load_demo: the one command that loads the demo, whole or one part into a council."""

from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.db import transaction

from improvement.core.commands import CouncilCommand
from improvement.demo.scenario import DEMO_PASSWORD, PARTS, load_demo


class Command(CouncilCommand):
    help = (
        "Load the demo scenario (Peterborough under a DfE notice, Shropshire with a "
        "voluntary board) and print the demo sign-ins; or, with --only, load one part "
        "of it into a council that is already there. Safe to run again: it changes "
        "nothing that is already there."
    )
    example = (
        "manage.py load_demo  (or: manage.py load_demo --only meetings --council peterborough)"
    )
    takes_council = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--only", choices=sorted(PARTS), help="load just this part of the demo")
        parser.add_argument("--council", help="with --only: the council's slug")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["only"]:
            self._load_part(options)
            return
        with transaction.atomic():
            rows = load_demo()
        self.stdout.write(self.style.SUCCESS("Demo loaded. Sign in with any of these:"))
        self.stdout.write(f"{'username':<12} {'name':<28} {'role':<34} council")
        for username, name, role, council in rows:
            self.stdout.write(f"{username:<12} {name:<28} {role:<34} {council}")
        self.stdout.write(f"Password for every demo sign-in: {DEMO_PASSWORD}")

    def _load_part(self, options: dict[str, Any]) -> None:
        if not options["council"]:
            raise CommandError("--only needs --council, the slug of the council to load into.")
        council = self.council(options)
        with transaction.atomic():
            PARTS[options["only"]](council)
        self.stdout.write(f"Demo {options['only'].replace('_', ' ')} loaded for {council.name}")
