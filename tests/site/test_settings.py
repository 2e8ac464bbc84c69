"""Production settings pass the deployment checks and need a secret; SQLite runs in WAL mode."""

import pytest
from django.db import connection

from tests.support.production import manage, secret_key
from tests.support.redis_cache import redis_url, require_redis


def test_production_settings_pass_the_deployment_checks():
    require_redis()  # production shares one cache between processes (site/test_cache_checks.py)
    result = manage(
        "check",
        "--deploy",
        SECRET_KEY=secret_key(),
        ALLOWED_HOSTS="ortsdialog.example.se",
        REDIS_URL=redis_url(),
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in output
    assert "WARNING" not in output.upper()
    assert "security." not in output


def test_production_settings_turn_debug_off_and_use_the_allowed_hosts():
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.DEBUG, settings.ALLOWED_HOSTS)",
        SECRET_KEY=secret_key(),
        ALLOWED_HOSTS="ortsdialog.example.se, www.ortsdialog.example.se",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False ['ortsdialog.example.se', 'www.ortsdialog.example.se']"


@pytest.mark.parametrize("key", [None, "", "för-kort"], ids=["missing", "empty", "too-short"])
def test_production_settings_refuse_to_start_without_a_real_secret_key(key):
    env = {"ALLOWED_HOSTS": "ortsdialog.example.se"}
    if key is not None:
        env["SECRET_KEY"] = key
    result = manage("check", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_unsupported_database_is_refused():
    result = manage(
        "check",
        SECRET_KEY=secret_key(),
        ALLOWED_HOSTS="ortsdialog.example.se",
        DATABASE_URL="mysql://user@localhost/ortsdialog",
    )
    assert result.returncode != 0
    assert "DATABASE_URL must point at SQLite or PostgreSQL." in result.stderr


def test_sqlite_database_file_runs_in_wal_mode(tmp_path):
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.db import connection\n"
        "with connection.cursor() as cursor:\n"
        "    cursor.execute('PRAGMA journal_mode')\n"
        "    print(cursor.fetchone()[0])",
        SECRET_KEY=secret_key(),
        ALLOWED_HOSTS="ortsdialog.example.se",
        DATABASE_URL=f"sqlite:///{tmp_path / 'ortsdialog.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "wal"


@pytest.mark.django_db
def test_default_sqlite_connection_is_configured_for_wal():
    if connection.vendor != "sqlite":
        pytest.skip("the suite runs on PostgreSQL; WAL is an SQLite setting")
    options = connection.settings_dict["OPTIONS"]
    assert "journal_mode=WAL" in options["init_command"]
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        mode = cursor.fetchone()[0]
    if connection.is_in_memory_db():
        assert mode == "memory"  # WAL does not apply to an in-memory test database
    else:
        assert mode == "wal"
