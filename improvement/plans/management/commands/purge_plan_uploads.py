"""purge_plan_uploads: delete plan workbooks uploaded for a preview and never imported."""

from typing import Any

from improvement.core.commands import CouncilCommand
from improvement.plans.import_uploads import UPLOAD_MAX_AGE, purge_abandoned


class Command(CouncilCommand):
    help = (
        "Delete the plan workbooks uploaded for a preview and never imported, once older "
        f"than {UPLOAD_MAX_AGE}. Every new upload does this too; run it daily."
    )
    example = "manage.py purge_plan_uploads"
    takes_council = False

    def handle(self, *args: Any, **options: Any) -> None:
        count = purge_abandoned()
        self.stdout.write(f"Deleted {count} abandoned plan upload(s)")
