"""purge_annex_a: delete child-level rows kept longer than the council's retention setting."""

from django.core.management.base import BaseCommand

from improvement.annex_a.services import purge_expired


class Command(BaseCommand):
    help = (
        "Delete the child-level rows of every Annex A import past its retention date "
        "(the import report and KPIs are kept). Run daily. Example: manage.py purge_annex_a"
    )

    def handle(self, *args, **options) -> None:
        count = purge_expired()
        self.stdout.write(f"Purged the child-level rows of {count} Annex A import(s)")
