"""Browser tests: Playwright drives the system Chromium against pytest-django's live server."""
