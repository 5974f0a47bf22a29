"""backup: the database and the media files in one archive, with a manifest."""

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS

from improvement.core.backup import BackupError, backup, default_name
from improvement.core.commands import CouncilCommand


class Command(CouncilCommand):
    help = (
        "Back up the whole installation, every council: the database (pg_dump on "
        "PostgreSQL, the sqlite3 backup API on SQLite) and every media file, in one "
        ".tar.gz with a manifest of each table's row count and each file's SHA-256. "
        "Restore it with `manage.py restore`."
    )
    example = """manage.py backup /var/backups/improvement/improvement-2024-03-01.tar.gz

With no path, writes improvement-backup-<today>.tar.gz in the current folder. The
archive holds personal data: keep it encrypted and access-controlled."""
    takes_council = False

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("archive", nargs="?", help="the .tar.gz to write")
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="the database alias (default: default)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        archive = Path(options["archive"] or default_name())
        try:
            manifest = backup(archive, options["database"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(manifest.tables.values())
        self.stdout.write(
            f"Backed up {len(manifest.tables)} tables ({rows} rows) and "
            f"{len(manifest.media)} media files to {archive}"
        )
