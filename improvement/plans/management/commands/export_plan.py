"""export_plan: write a council's improvement plan as an Excel workbook."""

from typing import Any

from improvement.core.commands import CouncilCommand
from improvement.plans import exporting


class Command(CouncilCommand):
    help = "Write a council's plan, with each action's latest update, as .xlsx."
    example = "manage.py export_plan --council testshire -o plan.xlsx   (-o - for standard output)"
    writes_output = True

    def handle(self, *args: Any, **options: Any) -> None:
        council = self.council(options)
        data = exporting.export_plan(council)
        self.write(options, data, f"the plan of {council.name}")
