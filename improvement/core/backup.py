"""Backing up and restoring an installation: the database and the media files in one
archive (a .tar.gz), with a manifest of every table's row count and every media file's
SHA-256, checked again after a restore (`manage.py backup`, `manage.py restore`; the
README's "Backups").

On PostgreSQL the database is dumped by `pg_dump` and loaded by `pg_restore` (the
PostgreSQL client tools, run as subprocesses); the row counts are read in the same
snapshot the dump is taken from, so they describe exactly what was dumped. On SQLite
the sqlite3 backup API copies the database page by page, and the counts are read from
the copy.
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
DUMPS = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
MEDIA = "media/"
CHUNK = 1024 * 1024

# Tables `migrate` fills on a fresh installation: rows in them alone do not make a
# database one that is in use.
FILLED_BY_MIGRATE = {"django_migrations", "django_content_type", "auth_permission"}

MISSING_TOOL = (
    "{tool} was not found. Install the PostgreSQL client tools (version 15 or newer, "
    "and no older than the server), for example `apt-get install postgresql-client`, "
    "and make sure {tool} is on the PATH."
)


class BackupError(Exception):
    """A backup or restore that cannot go ahead, with the reason a person can act on."""


@dataclass
class Manifest:
    vendor: str
    tables: dict[str, int]
    media: dict[str, str] = field(default_factory=dict)
    created_at: str = ""
    format: int = FORMAT

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), indent=2, sort_keys=True).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> "Manifest":
        data = json.loads(raw)
        if data.get("format") != FORMAT:
            raise BackupError(f"This backup's format ({data.get('format')}) is not one we read.")
        return cls(**data)


def _connection(using: Any) -> Any:
    return connections[using] if isinstance(using, str) else using


# --- the media files -------------------------------------------------------------


def media_files(storage: Storage) -> Iterator[str]:
    """Every file in the storage, as its name there (folders with /)."""

    def walk(prefix: str) -> Iterator[str]:
        try:
            folders, files = storage.listdir(prefix)
        except (FileNotFoundError, NotADirectoryError):
            return
        for name in sorted(files):
            yield f"{prefix}{name}"
        for folder in sorted(folders):
            yield from walk(f"{prefix}{folder}/")

    yield from walk("")


def _sha256(handle: Any) -> str:
    digest = hashlib.sha256()
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def media_checksums(storage: Storage, names: Any = None) -> dict[str, str]:
    """The SHA-256 of each named file (every file if none are named); a missing file
    reads as an empty checksum."""
    found = {}
    for name in names if names is not None else media_files(storage):
        if not storage.exists(name):
            found[name] = ""
            continue
        with storage.open(name, "rb") as handle:
            found[name] = _sha256(handle)
    return found


# --- PostgreSQL --------------------------------------------------------------------


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(MISSING_TOOL.format(tool=name))
    return found


def _pg_args(settings_dict: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    """The connection as command-line arguments, and the environment with the password."""
    args = ["--dbname", settings_dict["NAME"]]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            args += [flag, str(settings_dict[key])]
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    sslmode = settings_dict.get("OPTIONS", {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = sslmode
    return args, env


def _run(command: list[str], env: dict[str, str]) -> None:
    try:
        # Our own argument list (a tool found on PATH, the settings), no shell.
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    except OSError as exc:
        raise BackupError(f"Could not run {command[0]}: {exc.strerror}") from exc
    if done.returncode != 0:
        tool = Path(command[0]).name
        raise BackupError(f"{tool} failed: {done.stderr.strip()[-2000:]}")


def _pg_connect(settings_dict: dict[str, Any]) -> Any:
    import psycopg

    params = {
        "dbname": settings_dict["NAME"],
        "host": settings_dict.get("HOST") or None,
        "port": settings_dict.get("PORT") or None,
        "user": settings_dict.get("USER") or None,
        "password": settings_dict.get("PASSWORD") or None,
        "sslmode": settings_dict.get("OPTIONS", {}).get("sslmode"),
    }
    return psycopg.connect(**{k: v for k, v in params.items() if v is not None})


def _pg_counts(conn: Any) -> dict[str, int]:
    from psycopg import sql

    names = [
        row[0]
        for row in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1"
        )
    ]
    query = sql.SQL("SELECT count(*) FROM {}")
    return {name: conn.execute(query.format(sql.Identifier(name))).fetchone()[0] for name in names}


def _pg_dump(settings_dict: dict[str, Any], target: Path) -> dict[str, int]:
    import psycopg

    pg_dump = _tool("pg_dump")
    args, env = _pg_args(settings_dict)
    with _pg_connect(settings_dict) as conn:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        snapshot = conn.execute("SELECT pg_export_snapshot()").fetchone()[0]
        tables = _pg_counts(conn)
        command = [pg_dump, "--format=custom", "--no-owner", "--no-privileges"]
        _run([*command, f"--snapshot={snapshot}", "--file", str(target), *args], env)
        conn.rollback()
    return tables


def _pg_restore(settings_dict: dict[str, Any], dump: Path) -> None:
    pg_restore = _tool("pg_restore")
    args, env = _pg_args(settings_dict)
    options = ["--clean", "--if-exists", "--no-owner", "--no-privileges"]
    _run([pg_restore, *options, "--single-transaction", "--exit-on-error", *args, str(dump)], env)


def _pg_table_counts(settings_dict: dict[str, Any]) -> dict[str, int]:
    with _pg_connect(settings_dict) as conn:
        return _pg_counts(conn)


# --- SQLite ------------------------------------------------------------------------


def _sqlite_counts(raw: sqlite3.Connection) -> dict[str, int]:
    names = [
        row[0]
        for row in raw.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    # Table names from sqlite_master, quoted as identifiers.
    quoted = {name: '"' + name.replace('"', '""') + '"' for name in names}
    return {
        name: raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
        for name, table in quoted.items()
    }


def _sqlite_raw(connection: Any) -> sqlite3.Connection:
    connection.ensure_connection()
    return connection.connection


def _sqlite_backup(connection: Any, target: Path) -> dict[str, int]:
    copy = sqlite3.connect(target)
    try:
        _sqlite_raw(connection).backup(copy)
        return _sqlite_counts(copy)
    finally:
        copy.close()


def _sqlite_restore(connection: Any, dump: Path) -> None:
    source = sqlite3.connect(dump)
    try:
        source.backup(_sqlite_raw(connection))
    except sqlite3.Error as exc:
        raise BackupError(f"Could not restore the SQLite database: {exc}") from exc
    finally:
        source.close()


# --- both --------------------------------------------------------------------------


def table_counts(using: Any = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """Every table's row count in the database."""
    connection = _connection(using)
    if connection.vendor == "postgresql":
        return _pg_table_counts(connection.settings_dict)
    if connection.vendor == "sqlite":
        return _sqlite_counts(_sqlite_raw(connection))
    raise BackupError(f"Backups are made of PostgreSQL or SQLite, not {connection.vendor}.")


def tables_in_use(using: Any = DEFAULT_DB_ALIAS) -> list[str]:
    """The tables holding rows a fresh installation would not have."""
    counts = table_counts(using)
    return [name for name, rows in counts.items() if rows and name not in FILLED_BY_MIGRATE]


def backup(
    archive: Path, using: Any = DEFAULT_DB_ALIAS, storage: Storage | None = None
) -> Manifest:
    """Write the database and every media file to `archive`, with their manifest."""
    connection = _connection(using)
    storage = storage or default_storage
    if connection.vendor not in DUMPS:
        raise BackupError(f"Backups are made of PostgreSQL or SQLite, not {connection.vendor}.")
    archive = Path(archive)
    partial = archive.with_name(f".{archive.name}.partial")
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DUMPS[connection.vendor]
        if connection.vendor == "postgresql":
            tables = _pg_dump(connection.settings_dict, dump)
        else:
            tables = _sqlite_backup(connection, dump)
        manifest = Manifest(connection.vendor, tables, created_at=timezone.now().isoformat())
        try:
            with tarfile.open(partial, "w:gz") as tar:
                tar.add(dump, arcname=dump.name)
                for name in media_files(storage):
                    manifest.media[name] = _add_media(tar, storage, name, Path(work))
                info = tarfile.TarInfo(MANIFEST)
                raw = manifest.to_json()
                info.size, info.mtime = len(raw), int(timezone.now().timestamp())
                tar.addfile(info, io.BytesIO(raw))
            partial.replace(archive)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise BackupError(f"Could not write {archive}: {exc.strerror or exc}") from exc
    return manifest


def _add_media(tar: tarfile.TarFile, storage: Storage, name: str, work: Path) -> str:
    """Copy one media file into the archive (through a temporary file, so a large file
    is never held in memory); its SHA-256."""
    digest = hashlib.sha256()
    copy = work / "media-file"
    with storage.open(name, "rb") as source, copy.open("wb") as target:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            target.write(chunk)
    tar.add(copy, arcname=f"{MEDIA}{name}")
    return digest.hexdigest()


def read_manifest(archive: Path) -> Manifest:
    try:
        with tarfile.open(archive, "r:*") as tar:
            member = tar.extractfile(MANIFEST)
            if member is None:
                raise KeyError(MANIFEST)
            return Manifest.from_json(member.read())
    except (OSError, tarfile.TarError, KeyError, ValueError) as exc:
        raise BackupError(f"{archive} is not a backup made by `manage.py backup`.") from exc


def restore(
    archive: Path,
    using: Any = DEFAULT_DB_ALIAS,
    storage: Storage | None = None,
    force: bool = False,
) -> Manifest:
    """Load the archive's database and media files into this installation, then check
    every table's row count and every file's checksum against the manifest.

    Refuses a database or media storage already in use unless `force`."""
    connection = _connection(using)
    storage = storage or default_storage
    manifest = read_manifest(Path(archive))
    if manifest.vendor != connection.vendor:
        raise BackupError(
            f"This backup is of a {manifest.vendor} database; this installation uses "
            f"{connection.vendor}. Restore it into a {manifest.vendor} installation."
        )
    if not force:
        _refuse_if_in_use(connection, storage)
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive, "r:*") as tar:
        dump = Path(work) / DUMPS[manifest.vendor]
        tar.extract(DUMPS[manifest.vendor], work, filter="data")
        if connection.vendor == "postgresql":
            connection.close()
            _pg_restore(connection.settings_dict, dump)
        else:
            _sqlite_restore(connection, dump)
        _restore_media(tar, storage)
    check(manifest, connection, storage)
    return manifest


def _refuse_if_in_use(connection: Any, storage: Storage) -> None:
    used = tables_in_use(connection)
    if used:
        raise BackupError(
            f"This database already holds data (in {', '.join(used[:5])}"
            f"{' and others' if len(used) > 5 else ''}). Restore into a fresh installation, "
            "or use --force to replace everything in it."
        )
    if next(media_files(storage), None) is not None:
        raise BackupError(
            "The media storage already holds files. Restore into a fresh installation, "
            "or use --force to replace them."
        )


def _restore_media(tar: tarfile.TarFile, storage: Storage) -> None:
    for member in tar:
        if not member.isfile() or not member.name.startswith(MEDIA):
            continue
        name = member.name[len(MEDIA) :]
        if storage.exists(name):
            storage.delete(name)
        handle = tar.extractfile(member)
        if handle is None:
            continue
        saved = storage.save(name, File(handle, name=Path(name).name))
        if saved != name:
            raise BackupError(f"The media file {name} was saved as {saved}.")


def check(manifest: Manifest, using: Any = DEFAULT_DB_ALIAS, storage: Storage | None = None):
    """Raise BackupError naming what differs from the manifest, if anything does."""
    storage = storage or default_storage
    counts = table_counts(using)
    problems = [
        f"table {name}: {counts.get(name, 'missing')} rows, the backup had {rows}"
        for name, rows in manifest.tables.items()
        if counts.get(name) != rows
    ]
    sums = media_checksums(storage, manifest.media)
    problems += [
        f"media file {name}: {'missing' if not sums[name] else 'a different checksum'}"
        for name, digest in manifest.media.items()
        if sums[name] != digest
    ]
    if problems:
        raise BackupError(
            f"The restored installation differs from the backup: {'; '.join(problems[:10])}"
        )


def default_name(today: datetime.date | None = None) -> str:
    return f"improvement-backup-{(today or timezone.localdate()).isoformat()}.tar.gz"
