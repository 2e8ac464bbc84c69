"""Hostile values in every list parameter of the workbench: an ordinary page, never a 5xx, and
nothing personal for a Redaktör, on SQLite as on PostgreSQL (which refuses NUL in text)."""

import pytest
from django.contrib.auth import get_user_model

from rounds.models.proposals import Status, Visibility
from tests.support import proposals as make
from tests.support.admin import CASE_OFFICERS, EDITORS, login, url, villages

HUGE = "100000000000000000000"
VALUES = [
    "\x00",
    "1\x00",
    HUGE,
    "-" + HUGE,
    "-1",
    "x" * 5000,
    "1" * 5000,
    "Åäö ☃ 𝔘 ² ١",
    "' OR 1=1 --",
    "1); DROP TABLE rounds_proposal; --",
    "%_\\",
    ["1", HUGE, "\x00", "received"],  # the parameter repeated
]
DECLARED = [
    "village",
    "round",
    "dialogue",
    "stale",
    "overdue",
    "status__exact",
    "status__isnull",
    "visibility__exact",
    "theme__id__exact",
    "theme__isnull",
    "responsible__id__exact",
    "source__exact",
    "q",
    "o",
    "ot",
    "p",
]
UNKNOWN = [
    "zzz",
    "reference",
    "name__icontains",
    "email__regex",
    "updates__author__password__startswith",
    "dialogue__owner__username",
    "pk__in",
    "e",
    "\x00",
]


@pytest.fixture
def markers(home):
    """Every personal or internal value the Redaktör must never see, on a hidden proposal."""
    tree = villages()
    admin = get_user_model().objects.create_superuser("admin", "admin-9313@example.org", "x")
    marked = make.proposal(
        tree["läckeby"],
        visibility=Visibility.HIDDEN,
        name="Fuzzig Personsson",
        email="fuzz-9313@example.org",
        phone="070-9313931",
        display_name="Fuzzan 9313",
    )
    make.answer(marked, Status.REVIEWING, user=admin, internal_note="Internt 9313: ring inte.")
    make.proposal(tree["påryd"], title="Fler bänkar vid ån", theme=make.theme("Natur"))
    return [
        "Fuzzig Personsson",
        "fuzz-9313@example.org",
        "070-9313931",
        "Fuzzan 9313",
        "Internt 9313",
        "en granne",  # the hidden reason
        marked.follow_token_hash,
        admin.password,
    ]


def check(client, params, markers, show_personal):
    """The page a user gets for `params`: its status, its references, the markers it shows."""
    response = client.get(url("index"), params)
    if response.status_code != 200:
        return response.status_code
    html = response.content.decode()
    shown = [marker for marker in markers if marker in html]
    assert not shown or show_personal, (params, shown)
    return sorted(proposal.reference for proposal in response.context["object_list"])


@pytest.mark.parametrize("group_name", [EDITORS, CASE_OFFICERS])
def test_hostile_list_parameters(client, markers, group_name):
    login(client, group_name)
    client.raise_request_exception = False  # a 500 is counted, so one run lists them all
    show_personal = group_name == CASE_OFFICERS
    everything = check(client, {}, markers, show_personal)
    assert len(everything) == 2

    failures = {}
    for value in VALUES:
        # Unknown names are ignored, so all of them at once must give the whole list.
        unknown = check(client, dict.fromkeys(UNKNOWN, value), markers, show_personal)
        if unknown != everything:
            failures[("unknown", repr(value)[:30])] = unknown
        for name in DECLARED:
            answer = check(client, {name: value}, markers, show_personal)
            if isinstance(answer, int):
                failures[(name, repr(value)[:30])] = answer
    assert failures == {}
