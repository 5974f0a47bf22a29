"""restore: load a backup into a fresh installation, and check it against its manifest."""

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS

from improvement.core.backup import BackupError, restore
from improvement.core.commands import CouncilCommand


class Command(CouncilCommand):
    help = (
        "Restore a backup made by `manage.py backup`: the database (pg_restore on "
        "PostgreSQL, the sqlite3 backup API on SQLite) and the media files, then check "
        "every table's row count and every file's SHA-256 against the backup's manifest. "
        "Refuses a database or media folder that already holds data, unless --force."
    )
    example = """manage.py restore /var/backups/improvement/improvement-2024-03-01.tar.gz

Restore into a fresh installation (an empty database, migrated or not, and an empty
MEDIA_ROOT). --force replaces what is there: everything in it is lost."""
    takes_council = False

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("archive", help="the .tar.gz made by manage.py backup")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace the data of an installation already in use",
        )
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="the database alias (default: default)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        archive = Path(options["archive"])
        if not archive.is_file():
            raise CommandError(f"There is no file {archive}.")
        try:
            manifest = restore(archive, options["database"], force=options["force"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Restored {len(manifest.tables)} tables and {len(manifest.media)} media files "
            f"from {archive} (backed up {manifest.created_at}); every row count and "
            "checksum matches the manifest."
        )
