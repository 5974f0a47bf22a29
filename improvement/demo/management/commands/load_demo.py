from django.core.management.base import BaseCommand
from django.db import transaction

from improvement.demo.scenario import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = (
        "Load the demo scenario (Peterborough under a DfE notice, Shropshire with a "
        "voluntary board) and print the demo sign-ins. Safe to run again: it changes "
        "nothing that is already there.\n\nExample: python manage.py load_demo"
    )

    def handle(self, *args, **options) -> None:
        with transaction.atomic():
            rows = load_demo()
        self.stdout.write(self.style.SUCCESS("Demo loaded. Sign in with any of these:"))
        self.stdout.write(f"{'username':<12} {'name':<28} {'role':<34} council")
        for username, name, role, council in rows:
            self.stdout.write(f"{username:<12} {name:<28} {role:<34} {council}")
        self.stdout.write(f"Password for every demo sign-in: {DEMO_PASSWORD}")
