"""The gunicorn config in the repository: gunicorn accepts it, workers follow the CPUs or
WEB_CONCURRENCY, and the access log never writes a query string (it may hold a token)."""

import runpy
from datetime import timedelta
from types import SimpleNamespace

from django.conf import settings
from gunicorn.config import Config
from gunicorn.glogging import Logger

CONFIG_FILE = settings.BASE_DIR / "portal" / "gunicorn.conf.py"


def load(monkeypatch, **env):
    for name in ("WEB_CONCURRENCY", "GUNICORN_BIND"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    config = Config()
    for name, value in runpy.run_path(str(CONFIG_FILE)).items():
        if name in config.settings:
            config.set(name, value)  # gunicorn's own validation of each value
    return config


def test_workers_follow_the_cpus(monkeypatch):
    monkeypatch.setattr("multiprocessing.cpu_count", lambda: 2)
    assert load(monkeypatch).workers == 5


def test_web_concurrency_overrides_the_workers(monkeypatch):
    assert load(monkeypatch, WEB_CONCURRENCY="3").workers == 3


def test_bind_timeouts_and_restarts_are_set(monkeypatch):
    config = load(monkeypatch, GUNICORN_BIND="0.0.0.0:8080")
    assert config.bind == ["0.0.0.0:8080"]
    assert config.timeout == 30
    assert config.graceful_timeout == 30
    assert config.max_requests == 1000
    assert config.max_requests_jitter > 0
    assert config.forwarded_allow_ips == ["127.0.0.1"]


def test_the_access_log_writes_the_path_without_the_query_string(monkeypatch):
    config = load(monkeypatch)
    assert "%(U)s" in config.access_log_format
    for atom in ("%(r)s", "%(q)s", "%(f)s"):
        assert atom not in config.access_log_format
    logger = Logger(config)
    request = SimpleNamespace(
        method="GET",
        path="/mitt-forslag/",
        query="token=hemlig-token-123",
        uri="/mitt-forslag/?token=hemlig-token-123",
        version=(1, 1),
        headers=[("REFERER", "https://ortsdialog.example.se/?token=hemlig-token-123")],
    )
    environ = {
        "REMOTE_ADDR": "10.0.0.5",
        "REQUEST_METHOD": "GET",
        "RAW_URI": request.uri,
        "PATH_INFO": request.path,
        "QUERY_STRING": request.query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": request.headers[0][1],
        "HTTP_USER_AGENT": "Mozilla/5.0",
    }
    response = SimpleNamespace(status="200 OK", response_length=1234, sent=1234, headers=[])
    line = config.access_log_format % logger.atoms(
        response, request, environ, timedelta(milliseconds=12)
    )
    assert "GET /mitt-forslag/ HTTP/1.1" in line
    assert "hemlig-token-123" not in line
