"""generate_annex_a -o PATH --contacts N [--messy-headers] [--seed S]"""

import datetime

from django.core.management.base import CommandParser

from improvement.annex_a.generator import generate
from improvement.core.commands import CouncilCommand


class Command(CouncilCommand):
    help = (
        "Write a synthetic Annex A workbook (no real data) with realistic relationships "
        "between the lists."
    )
    example = "manage.py generate_annex_a -o annex-a.xlsx --contacts 60000 --messy-headers --seed 7"
    takes_council = False
    writes_output = True
    output_help = "the .xlsx file to write"

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--contacts", type=int, required=True, help="Rows of List 1")
        parser.add_argument("--messy-headers", action="store_true")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--reference-date",
            type=datetime.date.fromisoformat,
            default=datetime.date(2024, 3, 31),
            help="No date in the workbook is later than this (default 2024-03-31)",
        )

    def handle(self, *args, **options) -> None:
        rows = generate(
            options["output"],
            options["contacts"],
            messy=options["messy_headers"],
            seed=options["seed"],
            reference=options["reference_date"],
        )
        listed = ", ".join(f"List {n}: {count}" for n, count in rows.items())
        self.stdout.write(f"Wrote {options['output']} ({sum(rows.values())} rows; {listed})")
