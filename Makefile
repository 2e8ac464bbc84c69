# Ortsdialog — everyday tasks. `make` (or `make help`) lists the targets.
# Everything runs through the project's venv in .venv; it is created on first use.

PYTHON ?= python3
VENV = .venv
PORT ?= 8000
PYTEST_ARGS ?=
# Test processes (pytest-xdist); 0 runs the suite in this one process.
PYTEST_WORKERS ?= 2

BIN = $(VENV)/bin
MANAGE = $(BIN)/python manage.py
# The venv is "installed" once this stamp is newer than the files that say what goes in it.
INSTALLED = $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install run worker scheduled test test-browser bench lint format check check-deploy \
	migrate seed superuser shell collectstatic backup restore lock clean

help: ## List the targets (the default)
	@echo "Usage: make TARGET  (variables: PYTHON=$(PYTHON) PORT=$(PORT) PYTEST_WORKERS=$(PYTEST_WORKERS) PYTEST_ARGS=...)"
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) \
		| awk 'BEGIN {FS = ":.*## "} {printf "  %-14s %s\n", $$1, $$2}'

$(INSTALLED): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
		echo "Ortsdialog needs Python 3.11 or newer, but '$(PYTHON)' is" \
			"$$(command -v $(PYTHON) >/dev/null && $(PYTHON) --version 2>&1 || echo 'not found')." >&2; \
		echo "Install one, or name it: make $(or $(MAKECMDGOALS),install) PYTHON=python3.12" >&2; \
		exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	@echo "Installing the pinned dependencies into $(VENV) (a minute or two the first time)..."
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev]'
	@touch $@

install: $(INSTALLED) ## Create the venv in .venv with the pinned dependencies

run: $(INSTALLED) ## Migrate, load the demo content and serve the site on 127.0.0.1:PORT
	@mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo --admin
	@echo
	@echo "  Webbplats: http://127.0.0.1:$(PORT)/"
	@echo "  Admin: http://127.0.0.1:$(PORT)/admin/ — användare admin, lösenord ortsdialog"
	@echo "  E-post skrivs till filer i var/mail/"
	@echo
	$(MANAGE) runserver 127.0.0.1:$(PORT)

worker: $(INSTALLED) ## Run the task worker that sends queued email (production runs it as a service)
	@mkdir -p var
	TASKS_BACKEND=django_tasks_db.DatabaseBackend $(MANAGE) db_worker

scheduled: $(INSTALLED) ## Run the scheduled jobs once: reminders, digests, "Stämmer det?", email retries, cleanup
	@mkdir -p var
	$(MANAGE) send_reminders
	$(MANAGE) send_overdue_digest
	$(MANAGE) send_proposal_checks
	$(MANAGE) send_queued_emails
	$(MANAGE) clear_photo_drafts
	$(MANAGE) clear_event_registrations
	$(MANAGE) clear_proposal_personal_data

test: $(INSTALLED) ## Run the whole test suite (SQLite, or DATABASE_URL if set; args in PYTEST_ARGS)
	@mkdir -p var
	$(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

test-browser: $(INSTALLED) ## Run only the browser tests (Playwright with the system Chromium)
	@mkdir -p var
	$(BIN)/pytest -n $(PYTEST_WORKERS) -m browser $(PYTEST_ARGS)

bench: $(INSTALLED) ## Serve the demo with gunicorn and measure it over HTTP (BENCH=pages|submit|search)
	BENCH="$(BENCH)" $(BIN)/python -m benchmarks

lint: $(INSTALLED) ## Check style, formatting, template indentation and the direction of imports
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check --tabwidth 4 $$(find templates -name '*.html')
	$(BIN)/lint-imports

format: $(INSTALLED) ## Format the code, apply ruff's safe fixes and indent the templates with djhtml
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
	$(BIN)/djhtml --tabwidth 4 $$(find templates -name '*.html')

check: $(INSTALLED) ## Run Django's system checks and fail on missing migrations
	@mkdir -p var
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

# Production needs the shared cache: the checks try Redis at REDIS_URL (by default the local one).
check-deploy: $(INSTALLED) ## Run Django's deployment checks with the production settings (needs Redis)
	@mkdir -p var
	DJANGO_SETTINGS_MODULE=portal.settings.production \
	REDIS_URL="$${REDIS_URL:-redis://127.0.0.1:6379/0}" \
	SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(48))')" \
	ALLOWED_HOSTS=example.org \
	$(MANAGE) check --deploy --fail-level WARNING

migrate: $(INSTALLED) ## Apply database migrations
	@mkdir -p var
	$(MANAGE) migrate --noinput

seed: $(INSTALLED) ## Load the demo content (idempotent; the demo admin too)
	@mkdir -p var
	$(MANAGE) seed_demo --admin

superuser: $(INSTALLED) ## Create an admin user interactively
	@mkdir -p var
	$(MANAGE) createsuperuser

shell: $(INSTALLED) ## Open a Django shell
	@mkdir -p var
	$(MANAGE) shell

collectstatic: $(INSTALLED) ## Collect static files into staticfiles/
	$(MANAGE) collectstatic --noinput

backup: $(INSTALLED) ## Back up the SQLite database and the media (photos too) into var/backups/
	@mkdir -p var
	$(MANAGE) backup_site

restore: $(INSTALLED) ## Restore a backup: make restore BACKUP=var/backups/ortsdialog-….tar.gz (asks first)
	@test -n "$(BACKUP)" || { echo "Name the backup: make restore BACKUP=var/backups/ortsdialog-….tar.gz" >&2; exit 1; }
	$(MANAGE) restore_site "$(BACKUP)"

lock: ## Re-resolve the dependencies of pyproject.toml and rewrite requirements.lock
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(PYTHON) -m venv "$$tmp/venv" && \
	"$$tmp/venv/bin/python" -m pip install --quiet --upgrade pip && \
	"$$tmp/venv/bin/python" -m pip install --quiet -e '.[dev]' && \
	{ sed -n '/^#/p' requirements.lock; \
	  "$$tmp/venv/bin/python" -m pip freeze --exclude-editable | grep -v -i -E '^(ortsdialog|-e )'; \
	} > "$$tmp/requirements.lock" && \
	if cmp -s "$$tmp/requirements.lock" requirements.lock; then \
		echo "requirements.lock is up to date."; \
	else \
		mv "$$tmp/requirements.lock" requirements.lock && \
		echo "requirements.lock rewritten: review it with git diff; the next make target reinstalls."; \
	fi

clean: ## Remove the venv, var/ (database, mail), staticfiles/ and caches
	rm -rf $(VENV) var staticfiles .pytest_cache .ruff_cache test-results *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
