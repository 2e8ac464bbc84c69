"""make backup / make restore: the SQLite database and both media folders, and back again."""

import io
import sqlite3
import stat
import tarfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from portal.management.commands import backup_site, restore_site


@pytest.fixture
def site(tmp_path, settings, monkeypatch):
    """A site on its own SQLite file, with a public image and a resident's private photo."""
    database = tmp_path / "db.sqlite3"
    with sqlite3.connect(database) as db:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE proposal (reference TEXT, title TEXT)")
        db.execute("INSERT INTO proposal VALUES ('2026-0001', 'Bänk vid busshållplatsen')")
    db.close()
    settings.VAR_DIR = tmp_path / "var"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    (settings.MEDIA_ROOT / "original_images").mkdir(parents=True)
    (settings.MEDIA_ROOT / "original_images" / "kyrkan.jpg").write_bytes(b"kyrkan")
    (settings.PRIVATE_MEDIA_ROOT / "proposals").mkdir(parents=True)
    (settings.PRIVATE_MEDIA_ROOT / "proposals" / "foto.jpg").write_bytes(b"foto")
    for module in (backup_site, restore_site):
        monkeypatch.setattr(module, "database_path", lambda: database)
    return database


def titles(database):
    with sqlite3.connect(database) as db:
        rows = db.execute("SELECT title FROM proposal ORDER BY reference").fetchall()
    db.close()
    return [title for (title,) in rows]


def back_up(settings):
    call_command("backup_site", stdout=io.StringIO())
    (archive,) = (settings.VAR_DIR / "backups").glob("ortsdialog-*.tar.gz")
    return archive


def change_everything(database, settings):
    with sqlite3.connect(database) as db:
        db.execute("UPDATE proposal SET title = 'Ändrad'")
        db.execute("INSERT INTO proposal VALUES ('2026-0002', 'Ny')")
    db.close()
    (settings.PRIVATE_MEDIA_ROOT / "proposals" / "foto.jpg").unlink()
    (settings.MEDIA_ROOT / "original_images" / "senare.jpg").write_bytes(b"senare")


def test_restore_brings_back_the_database_and_the_photos(site, settings):
    archive = back_up(settings)
    change_everything(site, settings)
    assert titles(site) == ["Ändrad", "Ny"]

    out = io.StringIO()
    call_command("restore_site", str(archive), "--force", stdout=out)

    assert titles(site) == ["Bänk vid busshållplatsen"]
    assert (settings.PRIVATE_MEDIA_ROOT / "proposals" / "foto.jpg").read_bytes() == b"foto"
    assert (settings.MEDIA_ROOT / "original_images" / "kyrkan.jpg").read_bytes() == b"kyrkan"
    assert not (settings.MEDIA_ROOT / "original_images" / "senare.jpg").exists()
    assert "Återställt" in out.getvalue()


def test_the_backup_is_one_archive_only_its_owner_can_read(site, settings):
    archive = back_up(settings)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "db.sqlite3" in names
    assert "media/original_images/kyrkan.jpg" in names
    assert "private/proposals/foto.jpg" in names


def test_restore_without_force_refuses_and_changes_nothing(site, settings):
    archive = back_up(settings)
    change_everything(site, settings)
    with pytest.raises(CommandError, match="--force"):
        call_command("restore_site", str(archive), "--noinput")
    assert titles(site) == ["Ändrad", "Ny"]


def test_restore_asks_and_only_ja_goes_ahead(site, settings, monkeypatch):
    archive = back_up(settings)
    change_everything(site, settings)
    questions = []

    def answer(reply):
        def ask(question):
            questions.append(question)
            return reply

        return ask

    monkeypatch.setattr("builtins.input", answer("nej"))
    with pytest.raises(CommandError, match="ingenting har ändrats"):
        call_command("restore_site", str(archive))
    assert titles(site) == ["Ändrad", "Ny"]
    assert "skriver över databasen" in questions[0]

    monkeypatch.setattr("builtins.input", answer("ja"))
    call_command("restore_site", str(archive), stdout=io.StringIO())
    assert titles(site) == ["Bänk vid busshållplatsen"]


@pytest.mark.parametrize("kind", ["text", "other-archive", "missing"])
def test_restore_refuses_a_file_that_is_not_a_backup(site, tmp_path, kind):
    path = tmp_path / "fel.tar.gz"
    if kind == "text":
        path.write_text("inte en säkerhetskopia")
    elif kind == "other-archive":
        with tarfile.open(path, "w:gz") as tar:
            info = tarfile.TarInfo("db.sqlite3")
            tar.addfile(info, io.BytesIO(b""))
    with pytest.raises(CommandError) as refused:
        call_command("restore_site", str(path), "--force")
    message = str(refused.value)
    assert "finns inte" in message if kind == "missing" else "ingen säkerhetskopia" in message
    assert titles(site) == ["Bänk vid busshållplatsen"]


def test_backup_on_postgresql_points_at_pg_dump(monkeypatch):
    monkeypatch.setattr(connection, "vendor", "postgresql")
    with pytest.raises(CommandError, match="pg_dump"):
        call_command("backup_site")
