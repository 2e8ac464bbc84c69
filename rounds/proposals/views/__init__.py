"""Public views about proposals: the form (submission), the lists and pages (public), and the
resident's private follow-up link (follow)."""
