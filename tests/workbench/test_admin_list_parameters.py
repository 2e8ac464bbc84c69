"""The workbench list honours only its declared filters, search, ordering, page and export.

wagtail-modeladmin turns any other query parameter into an ORM lookup, so a Redaktör could ask
`?email__startswith=emma.` or walk to a password hash and read the answer off the count. Every
such parameter must be ignored for every user, and odd values (NUL, huge numbers) must give an
ordinary page, never a 500.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from rounds.models.proposals import Source, Status, Visibility
from tests.support import proposals as make
from tests.support.admin import CASE_OFFICERS, EDITORS, staff, url, villages

HUGE = "100000000000000000000"
MARKER = {
    "name": "Emma Markörsson",
    "email": "emma.marker-4417@example.org",
    "phone": "070-4417441",
    "display_name": "Emma i Läckeby",
}


@pytest.fixture
def tree(home):
    """A hidden proposal carrying every personal and internal marker, and a plain public one."""
    tree = villages()
    admin = get_user_model().objects.create_superuser(
        "admin", "admin-4417@example.org", "hemligt-4417"
    )
    marked = make.proposal(tree["läckeby"], visibility=Visibility.HIDDEN, **MARKER)
    make.answer(
        marked,
        Status.REVIEWING,
        user=admin,
        internal_note="Intern: ringde upp invånaren 4417.",
        responsible=make.department("Samhällsbyggnad"),
    )
    Page.objects.filter(pk=tree["läckeby"].pk).update(owner=admin)
    make.proposal(tree["påryd"], title="Fler bänkar vid ån")
    return {**tree, "admin": admin, "marked": marked}


def leaking_parameters(tree):
    """Lookups that each match only the marked proposal, were they honoured."""
    marked, admin = tree["marked"], tree["admin"]
    return {
        "name__icontains": "markörsson",
        "name__startswith": "Emma",
        "email__startswith": "emma.",
        "email__regex": "^emma\\.",
        "email__in": MARKER["email"],
        "phone__contains": "4417",
        "display_name__icontains": "läckeby",
        "hidden_reason__icontains": "granne",
        "follow_token_hash__startswith": marked.follow_token_hash[:6],
        "updates__internal_note__icontains": "ringde",
        "updates__author__username": "admin",
        "updates__author__password__startswith": admin.password[:8],
        "updates__author__email__startswith": "admin-4417",
        "updates__author__is_superuser": "1",
        "updates__proposal__email__endswith": "4417@example.org",
        "dialogue__owner__password__startswith": admin.password[:8],
        "dialogue__proposals__phone": MARKER["phone"],
        "reference": marked.reference,
        "pk": str(marked.pk),
    }


def listed(response):
    assert response.status_code == 200
    return sorted(proposal.reference for proposal in response.context["object_list"])


@pytest.fixture(params=[EDITORS, CASE_OFFICERS, None], ids=["redaktör", "handläggare", "admin"])
def user(request, client, tree):
    user = staff(request.param) if request.param else tree["admin"]
    client.force_login(user)
    return user


def test_lookups_on_other_fields_are_ignored(client, tree, user):
    everything = listed(client.get(url("index")))
    assert len(everything) == 2

    answered, carried = [], []
    for name, value in leaking_parameters(tree).items():
        response = client.get(url("index"), {name: value})
        if listed(response) != everything:
            answered.append(name)
        if re.search(rf"[?&;]{name}=", response.content.decode()):  # links carry it on
            carried.append(name)
    assert answered == []
    assert carried == []


def test_exports_ignore_them_too(client, tree, user):
    response = client.get(url("index"), {"export": "csv", "email__startswith": "emma."})

    assert response.status_code == 200
    assert response.content.decode("utf-8-sig").count("\n") == 3  # header and both proposals


def test_the_declared_filters_search_and_order_still_work(client, tree, user):
    marked = tree["marked"]
    theme = make.theme("Grönområden")
    make.proposal(tree["påryd"], title="Parkbänkar", theme=theme, source=Source.WALK)
    department = marked.responsible

    def refs(**params):
        return listed(client.get(url("index"), params))

    assert refs(status__exact=Status.REVIEWING) == [marked.reference]
    assert refs(visibility__exact=Visibility.HIDDEN) == [marked.reference]
    assert refs(responsible__id__exact=department.pk) == [marked.reference]
    assert len(refs(responsible__isnull="True")) == 2
    assert len(refs(theme__id__exact=theme.pk)) == 1
    assert len(refs(source__exact=Source.WALK)) == 1
    assert refs(dialogue=tree["läckeby"].pk) == [marked.reference]
    assert refs(q=marked.reference) == [marked.reference]
    assert len(refs(status__exact=[Status.REVIEWING, Status.RECEIVED])) == 3
    # Column 0 is the bulk actions' box; 1 the reference.
    ordered = client.get(url("index"), {"o": "1"}).context["object_list"]
    assert [p.reference for p in ordered] == sorted(p.reference for p in ordered)


ODD_QUERIES = [
    {"q": "\x00"},
    {"q": "bänk\x00"},
    {"q": "bänk " * 2000},
    {"reference": "\x00"},
    {"zzz": "1"},
    {"status__exact": "\x00"},
    {"theme__id__exact": "\x00"},
    {"theme__id__exact": "ingen siffra"},
    {"theme__id__exact": HUGE},
    {"responsible__id__exact": "-" + HUGE},
    {"village": HUGE},
    {"village": "1" * 5000},
    {"village": "²"},
    {"round": HUGE},
    {"dialogue": HUGE},
    {"dialogue": "\x00"},
    {"p": "9" * 20},
    {"p": "-1"},
    {"o": HUGE},
    {"export": "csv", "q": "\x00", "dialogue": HUGE},
    {"export": "xlsx", "village": "1" * 5000, "zzz": "\x00"},
]


def test_odd_values_give_an_ordinary_page(client, tree, user):
    answers = {
        repr(query)[:60]: client.get(url("index"), query).status_code for query in ODD_QUERIES
    }

    assert {query: status for query, status in answers.items() if status != 200} == {}


def test_instance_urls_with_impossible_ids_are_not_found(client, tree):
    client.force_login(tree["admin"])
    actions = ["inspect", "edit", "moderate", "answer", "photo", "history", "delete"]
    impossible = [HUGE, "-" + HUGE, "1" * 5000, "abc", "1_2", "０"]

    answers = {
        (action, pk[:8]): client.get(f"/admin/forslag/{action}/{pk}/").status_code
        for action in actions
        for pk in impossible
    }

    assert {key: status for key, status in answers.items() if status != 404} == {}
    assert client.get(url("inspect", tree["marked"].pk)).status_code == 200
