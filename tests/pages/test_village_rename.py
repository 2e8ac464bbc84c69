"""A village renamed in the admin: its dialogues are named by the new name, once."""

import pytest
from wagtail.models import Page

from rounds.models import DialoguePage
from tests.support import pages as factories


@pytest.fixture
def village(db):
    factories.home_page()
    factories.place_index()
    factories.round_index()
    place = factories.place("Läckeby")
    place.save_revision().publish()  # as the admin does: the old name is in a revision
    return Page.objects.get(pk=place.pk).specific


@pytest.fixture
def dialogues(village):
    round_page = factories.round_page()
    first = factories.dialogue(village, round_page, title="Utvecklingsdialog 2027", slug="d-2027")
    second = factories.dialogue(village, round_page, title="Utvecklingsdialog 2029", slug="d-2029")
    return [DialoguePage.objects.get(pk=page.pk) for page in (first, second)]


def rename(village, title):
    village.title = title
    village.save_revision().publish()


def test_publishing_the_new_name_renames_the_dialogues(village, dialogues):
    assert dialogues[0].title == "Läckeby: Utvecklingsdialog 2027"

    rename(village, "Läckeby-Rinkabyholm")

    titles = sorted(DialoguePage.objects.values_list("title", "draft_title"))
    assert titles == [
        ("Läckeby-Rinkabyholm: Utvecklingsdialog 2027",) * 2,
        ("Läckeby-Rinkabyholm: Utvecklingsdialog 2029",) * 2,
    ]


def test_a_draft_saved_under_the_old_name_gets_the_new_name_not_two(village, dialogues):
    old_revision = dialogues[0].save_revision()  # holds "Läckeby: Utvecklingsdialog 2027"

    rename(village, "Läckeby-Rinkabyholm")
    old_revision.as_object().save_revision().publish()

    page = DialoguePage.objects.get(pk=dialogues[0].pk)
    assert page.title == "Läckeby-Rinkabyholm: Utvecklingsdialog 2027"
    assert page.short_title == "Utvecklingsdialog 2027"


def test_publishing_the_village_unchanged_leaves_the_dialogues_alone(village, dialogues):
    before = DialoguePage.objects.get(pk=dialogues[0].pk).latest_revision_created_at

    rename(village, "Läckeby")

    page = DialoguePage.objects.get(pk=dialogues[0].pk)
    assert page.title == "Läckeby: Utvecklingsdialog 2027"
    assert page.latest_revision_created_at == before  # no revision, nothing announced
