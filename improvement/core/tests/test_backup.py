"""`manage.py backup` and `manage.py restore`: a backup restored into a fresh
installation has every table's rows and every media file, byte for byte."""

import io
import tarfile
import uuid

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from improvement.accounts.models import Role
from improvement.accounts.tests.factories import (
    CouncilFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from improvement.complaints.tests.factories import ComplaintFactory
from improvement.core import backup
from improvement.core.models import RetentionSettings

pytestmark = pytest.mark.django_db(transaction=True)

MEDIA = {
    "evidence/testshire/2024/board-pack.pdf": b"%PDF-1.7 board pack\n",
    "evidence/testshire/2024/photo.bin": bytes(range(256)) * 40,
    "plan_uploads/testshire/abc123/plan.xlsx": b"PK\x03\x04 workbook",
    "top-level.txt": "Caf\u00e9 \u2013 notes\n".encode(),
}


def make_installation() -> None:
    """Some of everything: councils, people, roles, complaints, settings, media."""
    for slug in ("testshire", "otherton"):
        council = CouncilFactory(slug=slug, name=f"{slug.title()} Council")
        org = OrganisationFactory(council=council)
        for n in range(3):
            user = UserFactory(username=f"{slug}-{n}")
            MembershipFactory(user=user, council=council, organisation=org, role=Role.CHAIR)
        for n in range(4):
            ComplaintFactory(council=council, reference=f"{slug}-{n}")
        RetentionSettings.objects.create(council=council, annex_a_days=30)
    for name, content in MEDIA.items():
        default_storage.save(name, ContentFile(content))


def fresh_sqlite(tmp_path):
    """A second installation's database: a new, empty SQLite file."""
    from django.db.backends.sqlite3.base import DatabaseWrapper

    return DatabaseWrapper(
        {**connection.settings_dict, "NAME": str(tmp_path / "fresh.db")}, "fresh"
    )


def checksums(storage) -> dict[str, str]:
    return backup.media_checksums(storage)


@pytest.fixture
def sqlite_only():
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite round trip; PostgreSQL has its own below")


def test_sqlite_round_trip_into_a_fresh_installation(sqlite_only, tmp_path):
    make_installation()
    archive = tmp_path / "backup.tar.gz"
    manifest = backup.backup(archive)
    assert manifest.tables["core_council"] == 2 and manifest.tables["complaints_representation"]
    assert set(manifest.media) == set(MEDIA)

    fresh, fresh_media = fresh_sqlite(tmp_path), FileSystemStorage(tmp_path / "fresh-media")
    try:
        backup.restore(archive, fresh, fresh_media)
        assert backup.table_counts(fresh) == backup.table_counts(connection)
    finally:
        fresh.close()
    assert checksums(fresh_media) == checksums(default_storage) == manifest.media
    assert fresh_media.open("top-level.txt").read() == MEDIA["top-level.txt"]


def test_the_commands_refuse_an_installation_in_use_unless_forced(sqlite_only, tmp_path):
    make_installation()
    archive = tmp_path / "backup.tar.gz"
    out = io.StringIO()
    call_command("backup", str(archive), stdout=out)
    assert "and 4 media files to" in out.getvalue()
    with pytest.raises(CommandError, match="already holds data .*--force"):
        call_command("restore", str(archive))
    # A lost file and a lost row come back with --force.
    default_storage.delete("top-level.txt")
    RetentionSettings.objects.filter(council__slug="otherton").delete()
    call_command("restore", str(archive), "--force", stdout=out)
    assert "every row count and checksum matches" in out.getvalue()
    assert RetentionSettings.objects.count() == 2
    assert default_storage.open("top-level.txt").read() == MEDIA["top-level.txt"]


def test_the_check_names_what_differs_from_the_manifest(sqlite_only, tmp_path):
    make_installation()
    manifest = backup.backup(tmp_path / "backup.tar.gz")
    backup.check(manifest)
    with default_storage.open("top-level.txt", "wb") as changed:
        changed.write(b"changed")
    CouncilFactory(slug="thirdshire")
    with pytest.raises(backup.BackupError) as refused:
        backup.check(manifest)
    assert "table core_council: 3 rows, the backup had 2" in str(refused.value)
    assert "media file top-level.txt: a different checksum" in str(refused.value)


def test_a_file_that_is_not_a_backup_is_refused(tmp_path):
    not_backup = tmp_path / "notes.tar.gz"
    with tarfile.open(not_backup, "w:gz") as tar:
        tar.addfile(tarfile.TarInfo("notes.txt"), io.BytesIO(b""))
    with pytest.raises(CommandError, match="is not a backup made by"):
        call_command("restore", str(not_backup), "--force")
    with pytest.raises(CommandError, match="There is no file"):
        call_command("restore", str(tmp_path / "missing.tar.gz"))


def test_a_missing_postgresql_tool_is_named(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(backup.BackupError, match="pg_dump was not found. Install the PostgreSQL"):
        backup._tool("pg_dump")


# --- PostgreSQL (CI runs the whole suite on PostgreSQL too) ---------------------------


@pytest.fixture
def fresh_postgresql():
    """A second, empty PostgreSQL database, dropped afterwards."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://...")
    import psycopg
    from django.db.backends.postgresql.base import DatabaseWrapper

    name = f"restore_{uuid.uuid4().hex[:12]}"
    settings_dict = {**connection.settings_dict, "NAME": "postgres"}
    with backup._pg_connect(settings_dict) as admin:
        admin.autocommit = True
        admin.execute(psycopg.sql.SQL("CREATE DATABASE {}").format(psycopg.sql.Identifier(name)))
    fresh = DatabaseWrapper({**connection.settings_dict, "NAME": name}, "fresh")
    yield fresh
    fresh.close()
    with backup._pg_connect(settings_dict) as admin:
        admin.autocommit = True
        admin.execute(
            psycopg.sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                psycopg.sql.Identifier(name)
            )
        )


def test_postgresql_round_trip_into_a_fresh_database(fresh_postgresql, tmp_path):
    make_installation()
    archive = tmp_path / "backup.tar.gz"
    manifest = backup.backup(archive)
    assert manifest.vendor == "postgresql" and manifest.tables["core_council"] == 2
    fresh_media = FileSystemStorage(tmp_path / "fresh-media")
    assert backup.tables_in_use(fresh_postgresql) == []

    backup.restore(archive, fresh_postgresql, fresh_media)

    restored = backup.table_counts(fresh_postgresql)
    assert restored == backup.table_counts(connection) == manifest.tables
    assert checksums(fresh_media) == checksums(default_storage) == manifest.media
    with pytest.raises(backup.BackupError, match="already holds data"):
        backup.restore(archive, fresh_postgresql, FileSystemStorage(tmp_path / "other"))
    backup.restore(archive, fresh_postgresql, fresh_media, force=True)
    assert backup.table_counts(fresh_postgresql) == manifest.tables


def test_postgresql_backup_without_pg_dump_says_what_to_install(
    fresh_postgresql, tmp_path, monkeypatch
):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(CommandError, match="pg_dump was not found"):
        call_command("backup", str(tmp_path / "backup.tar.gz"))
