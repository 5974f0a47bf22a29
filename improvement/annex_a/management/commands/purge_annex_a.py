"""purge_annex_a: delete child-level rows kept longer than the council's retention setting."""

from typing import Any

from improvement.annex_a.services import purge_expired
from improvement.core.commands import CouncilCommand


class Command(CouncilCommand):
    help = (
        "Delete the child-level rows of every Annex A import past its retention date "
        "(the import report and KPIs are kept). Run daily."
    )
    example = "manage.py purge_annex_a"
    takes_council = False

    def handle(self, *args: Any, **options: Any) -> None:
        count = purge_expired(self.actor)
        self.stdout.write(f"Purged the child-level rows of {count} Annex A import(s)")
