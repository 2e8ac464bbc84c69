"""Helpers for the workbench tests: staff users in the migration's groups, a small tree, URLs."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from tests.support import pages as factories

EDITORS, CASE_OFFICERS = "Redaktörer", "Handläggare"


def staff(group_name=None, username=None):
    """A user in `group_name` (a group the migration made), or with admin access only."""
    user = get_user_model().objects.create_user(
        username=username or f"user-{group_name or 'outsider'}".lower(), password="x"
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    else:
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def login(client, group_name=None, user=None):
    """Log the client in as `user`, or as a new `staff(group_name)`; returns the user."""
    user = user or staff(group_name)
    client.force_login(user)
    return user


def url(action, pk=None):
    """A workbench URL, e.g. url("index") or url("answer", proposal.pk)."""
    name = f"forslag_modeladmin_{action}"
    return reverse(name, args=[pk] if pk is not None else [])


def villages():
    """Two villages with a dialogue each in one round: {"round", "läckeby", "påryd"}."""
    round_page = factories.round_page()
    tree = {"round": round_page}
    for title in ("Läckeby", "Påryd"):
        tree[title.lower()] = factories.dialogue(factories.place(title), round_page)
    return tree
