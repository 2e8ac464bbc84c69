"""Local development: DEBUG on, mail written to files under var/mail."""

import os

from .base import *  # noqa: F403
from .base import STORAGES, VAR_DIR, env_bool

DEBUG = True
SECRET_KEY = "dev-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = VAR_DIR / "mail"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Email is sent at once; `TASKS_BACKEND=django_tasks_db.DatabaseBackend make run` plus
# `make worker` tries the production set-up.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}
# The demo admin (admin/ortsdialog) signs in with the password alone; TWO_FACTOR_REQUIRED=1
# make run tries what production does (README).
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", False)
