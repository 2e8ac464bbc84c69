"""Addresses in the workbench, for pages outside it (the dashboard panels)."""

from django.urls import reverse

BASE_URL_PATH = "forslag"  # /admin/forslag/


def workbench_url(action, *args):
    """The workbench's page for `action` ("index", "inspect", "moderate", …) of a proposal."""
    return reverse(f"{BASE_URL_PATH}_modeladmin_{action}", args=args)
