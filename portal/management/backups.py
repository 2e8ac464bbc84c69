"""Backups of the embedded SQLite set-up: the database and both media folders in one .tar.gz.

The database is copied with SQLite's online backup API, so a site that keeps running still
gives a consistent copy (a file copy could catch a write half-way, or miss the WAL). The
archive holds residents' personal data and photos: it is written readable by its owner only.
PostgreSQL is backed up with pg_dump instead (docs/operations.md).
"""

import json
import os
import shutil
import sqlite3
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections
from django.utils import timezone

FORMAT = "ortsdialog-backup"
VERSION = 1
MANIFEST = "ortsdialog-backup.json"
DATABASE = "db.sqlite3"
FOLDERS = {"media": "MEDIA_ROOT", "private": "PRIVATE_MEDIA_ROOT"}


def database_path(alias="default"):
    """The SQLite file of the site; a CommandError for any other database."""
    connection = connections[alias]
    if connection.vendor != "sqlite":
        raise CommandError(
            "Säkerhetskopian med make backup gäller den inbyggda SQLite-databasen. "
            "PostgreSQL säkerhetskopieras med pg_dump -Fc (se docs/operations.md)."
        )
    return Path(connection.settings_dict["NAME"])


def copy_database(source, target):
    """Copy one SQLite database into another with the online backup API."""
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)
    origin.close()
    copy.close()


def folders():
    return {name: Path(getattr(settings, setting)) for name, setting in FOLDERS.items()}


def create_backup(output_dir, database):
    """Write `ortsdialog-<time>.tar.gz` into output_dir and return its path."""
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    target = output_dir / f"ortsdialog-{stamp}.tar.gz"
    manifest = {"format": FORMAT, "version": VERSION, "created": timezone.now().isoformat()}
    with tempfile.TemporaryDirectory() as work:
        copy_database(database, Path(work) / DATABASE)
        (Path(work) / MANIFEST).write_text(json.dumps(manifest))
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file, tarfile.open(fileobj=file, mode="w:gz") as tar:
            tar.add(Path(work) / MANIFEST, arcname=MANIFEST)
            tar.add(Path(work) / DATABASE, arcname=DATABASE)
            for name, folder in folders().items():
                if folder.is_dir():
                    tar.add(folder, arcname=name)
    return target


def open_backup(path):
    """The archive, if it is one of ours; a CommandError saying why not otherwise."""
    path = Path(path)
    not_ours = f"{path} är ingen säkerhetskopia från Ortsdialog"
    if not path.is_file():
        raise CommandError(f"Filen {path} finns inte.")
    try:
        tar = tarfile.open(path, mode="r:gz")  # noqa: SIM115 - the caller closes it
    except (tarfile.TarError, OSError) as error:
        raise CommandError(f"{not_ours} (inte en .tar.gz-fil).") from error
    try:
        manifest = json.load(tar.extractfile(MANIFEST))
        names = tar.getnames()
    except (KeyError, ValueError, AttributeError, tarfile.TarError) as error:
        tar.close()
        raise CommandError(f"{not_ours} (innehållsförteckningen saknas).") from error
    if manifest.get("format") != FORMAT or DATABASE not in names:
        tar.close()
        raise CommandError(f"{not_ours}.")
    if manifest.get("version") != VERSION:
        tar.close()
        raise CommandError(f"{path} är en säkerhetskopia av en version som inte stöds.")
    return tar


def restore_backup(path, database):
    """Put the database and the media folders of the backup in place of the current ones."""
    with open_backup(path) as tar, tempfile.TemporaryDirectory() as work:
        tar.extractall(work, filter="data")  # refuses absolute paths, "..", links out
        connections["default"].close()
        copy_database(Path(work) / DATABASE, database)
        for name, folder in folders().items():
            if folder.exists():
                shutil.rmtree(folder)
            if (Path(work) / name).is_dir():
                shutil.copytree(Path(work) / name, folder)
            else:
                folder.mkdir(parents=True)
