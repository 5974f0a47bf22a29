"""load_forward_plan_demo: the forward plan of 20 October 2023 from seed 003."""

from typing import Any

from django.core.management.base import CommandParser

from improvement.forward_plan.demo import load_forward_plan_demo
from improvement.forward_plan.management.commands._base import ExampleCommand


class Command(ExampleCommand):
    help = "Load Peterborough's forward plan edition of 20 October 2023 (idempotent)."
    example = """\
example:
  manage.py load_forward_plan_demo --council peterborough

Run after load_demo's meetings: it uses the Cabinet and scrutiny committees by slug."""

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--council", required=True, help="the council's slug")

    def handle(self, *args: Any, **options: Any) -> None:
        council = self.council(options["council"])
        load_forward_plan_demo(council)
        self.stderr.write(f"Forward plan demo loaded for {council.name}")
