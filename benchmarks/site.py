"""The site under test: a throwaway database with the demo, and gunicorn servers in front of it.

SQLite in a temporary folder by default; with DATABASE_URL pointing at PostgreSQL, a throwaway
database beside the one it names, created here and dropped afterwards (the one named is never
touched). Redis database BENCH_REDIS_URL (db 15 by default) is emptied before and after.
"""

import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")
WORKERS = 2  # this machine has 2 CPUs; the clients run on them too
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/15"


def log(message):
    print(message, file=sys.stderr, flush=True)


def production_environment(folder, database_url):
    """The environment of production (README), local and plain HTTP."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "False",
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL),
        "DATABASE_URL": database_url,
        "ORTSDIALOG_VAR_DIR": str(folder / "var"),
        "MEDIA_ROOT": str(folder / "media"),
        "STATIC_ROOT": str(folder / "static"),
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }


@contextmanager
def throwaway_database(folder):
    """A database URL for this run only: SQLite in `folder`, or a new PostgreSQL database."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{folder}/bench.sqlite3"
        return
    import psycopg

    name = f"ortsdialog_bench_{secrets.token_hex(4)}"
    parts = urlsplit(url)
    admin = psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def flush_redis(url):
    import redis

    redis.Redis.from_url(url).flushdb()


def manage(environment, *arguments):
    subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *arguments], cwd=ROOT, env=environment, check=True
    )


def build(environment, *commands):
    """Migrate, collect the static files and run `commands` (e.g. seed_demo) in the database."""
    started = time.perf_counter()
    manage(environment, "migrate", "--noinput", "-v0")
    manage(environment, "collectstatic", "--noinput", "-v0")
    for command in commands:
        manage(environment, *command)
    log(f"  built in {time.perf_counter() - started:.0f} s")


def free_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """One gunicorn, configured as in production: the same options for every server of the run."""

    def __init__(self, name, application, environment):
        self.name = name
        self.port = free_port()
        self.process = subprocess.Popen(  # noqa: S603 - gunicorn of this venv, fixed arguments
            [
                str(GUNICORN),
                # The production settings (portal/gunicorn.conf.py), with the bench's address,
                # its number of workers and no access log.
                f"--config={ROOT / 'portal' / 'gunicorn.conf.py'}",
                application,
                f"--bind=127.0.0.1:{self.port}",
                f"--workers={WORKERS}",
                "--access-logfile=/dev/null",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env=environment,
        )

    def wait(self, path="/", timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn ({self.name}) stopped at start")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=30):  # noqa: S310 - our own server
                    return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"gunicorn ({self.name}) did not answer in {timeout} s")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@contextmanager
def servers(environment, specs):
    """Start gunicorn for each (name, application, extra environment); yield them by name."""
    with ExitStack() as stack:
        started = {}
        for name, application, extra in specs:
            server = Server(name, application, {**environment, **extra})
            stack.callback(server.stop)
            started[name] = server
        for server in started.values():
            server.wait()
        yield started


@contextmanager
def workspace():
    """A temporary folder, a throwaway database and an empty Redis database; the environment."""
    folder = Path(tempfile.mkdtemp(prefix="ortsdialog-bench-"))
    redis_url = os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL)
    try:
        with throwaway_database(folder) as database_url:
            flush_redis(redis_url)
            yield production_environment(folder, database_url)
    finally:
        flush_redis(redis_url)
        shutil.rmtree(folder, ignore_errors=True)
