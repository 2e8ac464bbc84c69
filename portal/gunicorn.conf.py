"""gunicorn's settings for Ortsdialog: `gunicorn -c portal/gunicorn.conf.py portal.wsgi`.

Each value can be changed by the environment named beside it; `gunicorn --print-config` shows
the result. docs/operations.md explains the choices.
"""

import multiprocessing
import os

# Where to listen: the reverse proxy talks to this address.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")

# Synchronous workers, 2 × CPUs + 1 (gunicorn's own advice); WEB_CONCURRENCY overrides.
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * multiprocessing.cpu_count() + 1)
worker_class = "sync"

# A request still running after this many seconds is killed (a photo upload on a slow line
# takes the longest; the proxy should buffer uploads, nginx does by default).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
# On reload or stop, requests in flight get this long to finish.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", 30))
keepalive = 5

# Each worker is replaced after about this many requests, so slow leaks never pile up; the
# jitter keeps the workers from restarting all at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 1000))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", 100))

# No preload_app: a reload (SIGHUP, `systemctl reload`) then loads the new code in new workers.

# The proxy's address(es) whose X-Forwarded-* headers gunicorn trusts, comma-separated.
# Django reads the scheme from X-Forwarded-Proto itself (SECURE_PROXY_SSL_HEADER) and the
# client's address from PROPOSALS_CLIENT_IP_HEADER; keep this at the proxy only, never "*".
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Logs to standard error, for journald or the container runtime.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# The path without its query string (%(U)s, not %(r)s): a query may carry a private token.
# No Referer either: it may hold another page's query string.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms "%(a)s"'
