"""Roles on the workbench: the migration's groups, personal data only for Handläggare, and 403
for every action a user has no right to."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from rounds.models.proposals import Status, Visibility
from tests.support import proposals as make
from tests.support.admin import CASE_OFFICERS, EDITORS, login, url, villages

groups_migration = importlib.import_module("rounds.migrations.0003_groups")

MARKERS = {"name": "Markör Personnamn", "email": "marker-7731@example.org", "phone": "070-7731773"}


@pytest.fixture
def proposal(home):
    tree = villages()
    return make.proposal(tree["läckeby"], visibility=Visibility.PENDING, **MARKERS)


def permissions_of(name):
    group = Group.objects.get(name=name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def test_the_migration_makes_both_groups_with_their_rights(db):
    editors, officers = permissions_of(EDITORS), permissions_of(CASE_OFFICERS)

    assert {"wagtailadmin.access_admin", "rounds.view_proposal", "rounds.moderate_proposal"} <= (
        editors
    )
    assert "rounds.view_personal_data" not in editors
    assert "rounds.answer_proposal" not in editors
    assert {
        "rounds.view_personal_data",
        "rounds.answer_proposal",
        "rounds.add_proposal",
        "rounds.change_proposal",
        "rounds.add_proposalupdate",
        "rounds.add_theme",
        "rounds.change_department",
    } <= officers
    root = Page.objects.get(depth=1)
    page_rights = GroupPagePermission.objects.filter(group__name=EDITORS, page=root)
    assert {r.permission.codename for r in page_rights} == {
        "add_page",
        "change_page",
        "publish_page",
    }
    collection_rights = GroupCollectionPermission.objects.filter(
        group__name=EDITORS, collection=Collection.get_first_root_node()
    )
    assert {r.permission.codename for r in collection_rights} == {
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    }


def test_the_migration_can_run_again_without_doubling_anything(db):
    before = GroupPagePermission.objects.count(), GroupCollectionPermission.objects.count()

    groups_migration.create_groups(apps, None)

    after = GroupPagePermission.objects.count(), GroupCollectionPermission.objects.count()
    assert after == before
    assert Group.objects.filter(name__in=[EDITORS, CASE_OFFICERS]).count() == 2


@pytest.mark.django_db(transaction=True)
def test_the_migration_copes_with_an_empty_tree_and_can_be_reversed():
    # A transactional test starts flushed: no pages, no collections, no groups.
    Page.objects.all().delete()
    Collection.objects.all().delete()

    groups_migration.create_groups(apps, None)
    assert permissions_of(CASE_OFFICERS) >= {"rounds.view_personal_data"}
    assert not GroupPagePermission.objects.exists()

    groups_migration.remove_groups(apps, None)
    assert not Group.objects.filter(name__in=[EDITORS, CASE_OFFICERS]).exists()


def test_editors_never_see_personal_data(client, proposal):
    login(client, EDITORS)

    index = client.get(url("index"))
    search = client.get(url("index"), {"q": MARKERS["email"]})
    inspect = client.get(url("inspect", proposal.pk))

    assert index.status_code == inspect.status_code == 200
    headers = [str(header["text"]) for header in index.context["result_headers"]]
    assert "ort och dialog" in headers
    assert "namn" not in headers
    assert search.context["result_count"] == 0
    for response in (index, inspect):  # (the search page echoes the query itself)
        html = response.content.decode()
        for marker in MARKERS.values():
            assert marker not in html
    assert "Personuppgifter visas bara för handläggare" in inspect.content.decode()


def test_case_officers_see_and_search_personal_data(client, proposal):
    login(client, CASE_OFFICERS)

    index = client.get(url("index"))
    search = client.get(url("index"), {"q": MARKERS["email"]})
    inspect = client.get(url("inspect", proposal.pk)).content.decode()

    headers = [str(header["text"]) for header in index.context["result_headers"]]
    assert "namn" in headers
    assert MARKERS["name"] in index.content.decode()
    assert [p.pk for p in search.context["object_list"]] == [proposal.pk]
    for marker in MARKERS.values():
        assert marker in inspect
    assert "Personuppgifter visas bara för handläggare" not in inspect


def test_editors_moderate_but_cannot_answer_or_register(client, proposal):
    login(client, EDITORS)

    index = client.get(url("index")).content.decode()
    inspect = client.get(url("inspect", proposal.pk)).content.decode()

    assert url("moderate", proposal.pk) in inspect
    for hidden in (url("answer", proposal.pk), url("edit", proposal.pk), url("create")):
        assert hidden not in index and hidden not in inspect
    assert client.get(url("answer", proposal.pk)).status_code == 403
    assert client.post(url("answer", proposal.pk), {"status": Status.DONE}).status_code == 403
    assert client.get(url("create")).status_code == 403
    assert client.get(url("edit", proposal.pk)).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == Status.RECEIVED

    published = client.post(
        url("moderate", proposal.pk),
        {"action": "publish", "public_title": "Rubrik", "public_body": "Text."},
    )
    assert published.status_code == 302


def test_editors_register_form_has_no_personal_fields(client, proposal):
    user = login(client, CASE_OFFICERS)
    user.groups.clear()
    user.groups.add(Group.objects.get(name=EDITORS))
    user.user_permissions.add(
        *Group.objects.get(name=CASE_OFFICERS).permissions.filter(codename="add_proposal")
    )

    form = client.get(url("create")).context["form"]

    assert "email" not in form.fields and "name" not in form.fields
    assert "publish_now" in form.fields


@pytest.mark.parametrize(
    ("method", "action", "needs_pk"),
    [
        ("get", "index", False),
        ("get", "inspect", True),
        ("get", "moderate", True),
        ("post", "moderate", True),
        ("get", "answer", True),
        ("post", "answer", True),
        ("get", "create", False),
        ("post", "create", False),
        ("get", "edit", True),
        ("get", "photo", True),
    ],
)
def test_users_without_rights_get_403(client, proposal, method, action, needs_pk):
    login(client, None)

    response = getattr(client, method)(url(action, proposal.pk if needs_pk else None))

    assert response.status_code == 403


def test_users_without_rights_cannot_export_nor_see_the_panels(client, proposal):
    login(client, None)

    for export_format in ("csv", "xlsx"):
        assert client.get(url("index"), {"export": export_format}).status_code == 403
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert "Förslag som väntar på moderering" not in dashboard.content.decode()


def test_a_withdrawn_proposal_cannot_be_moderated(client, proposal):
    from rounds.proposals.services import withdraw

    withdraw(proposal)
    login(client, CASE_OFFICERS)

    assert client.get(url("moderate", proposal.pk)).status_code == 403
    assert (
        url("moderate", proposal.pk) not in client.get(url("inspect", proposal.pk)).content.decode()
    )
