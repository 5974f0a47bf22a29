from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from improvement.core.models import Council
from improvement.meetings.demo import load_meetings_demo


class Command(BaseCommand):
    help = (
        "Load the demo board, committees, meetings and action log into a council "
        "(idempotent). Example: manage.py load_meetings_demo --council peterborough"
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--council", required=True, help="The council's slug")

    def handle(self, *args, **options) -> None:
        council = Council.objects.filter(slug=options["council"]).first()
        if council is None:
            raise CommandError(f"No council with the slug {options['council']!r}")
        with transaction.atomic():
            load_meetings_demo(council)
        self.stdout.write(f"Meetings demo loaded for {council.name}")
