"""Web helpers that several apps use: rate limits, refusals, privacy headers, absolute links.

The lowest layer: no models, and no import of any of the project's apps (import-linter checks
this in `make lint`), so every app may use it.
"""
