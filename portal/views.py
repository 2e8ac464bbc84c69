"""Site-wide views that belong to no app."""

from django.shortcuts import render


def csrf_failure(request, reason=""):
    """Django's CSRF refusal (settings.CSRF_FAILURE_VIEW), explained in Swedish."""
    return render(request, "403_csrf.html", status=403)
