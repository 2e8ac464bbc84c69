"""While moderating, the village's most similar proposals (from all its dialogues) are listed,
and one click publishes this one as their duplicate."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from rounds.models.proposals import Status, Visibility
from rounds.workbench.duplicates import jaccard, similar_proposals, stems
from tests.support import pages as factories
from tests.support import proposals as make
from tests.support.admin import CASE_OFFICERS, EDITORS, login, url, villages
from tests.support.html import soup, text_of
from tests.support.mail import emails_to

LAMP = "Gatlampor vid busshållplatsen"
LAMP_BODY = "Det är mörkt vid busshållplatsen på kvällarna. Sätt upp gatlampor där."


@pytest.fixture
def tree(home):
    tree = villages()
    # The same village's dialogue from the previous round.
    tree["läckeby 2022"] = factories.dialogue(
        tree["läckeby"].get_parent(), factories.round_page(title="Omgång 2022"), slug="dialog-2022"
    )
    return tree


@pytest.fixture
def pending(tree):
    return make.proposal(
        tree["läckeby"],
        visibility=Visibility.PENDING,
        title="Gatlampa vid busshållplatsen",
        body="Busshållplatsen är mörk på kvällen, vi behöver en gatlampa.",
        email="resident@example.org",
        notify_status=True,
    )


def hint_titles(response):
    return [text_of(a) for a in soup(response).select(".moderation-similar__list li > a")]


def test_words_are_compared_by_their_stems_without_stop_words():
    assert stems("Gatlamporna vid busshållplatsen och en gatlampa") == stems(
        "gatlampor busshållplatsens"
    )
    assert jaccard(stems("Fler bänkar vid ån"), stems("Bänk vid ån")) == 1.0
    assert jaccard(stems("Fler bänkar vid ån"), stems("Hundrastgård i parken")) == 0.0
    assert jaccard(set(), stems("Bänk")) == 0.0


def test_the_most_similar_proposals_of_the_village_are_listed_from_all_its_dialogues(
    client, tree, pending
):
    login(client, CASE_OFFICERS)
    earlier = make.proposal(tree["läckeby 2022"], title=LAMP, body=LAMP_BODY)
    this_round = make.proposal(
        tree["läckeby"],
        title="Belysning vid busshållplatsen",
        body="Busshållplatsen behöver belysning, det är mörkt där på kvällen.",
    )
    make.proposal(tree["läckeby"], title="Hundrastgård", body="En inhägnad för hundar i parken.")
    make.proposal(tree["påryd"], title=LAMP, body=LAMP_BODY)  # another village
    hidden = make.proposal(
        tree["läckeby"], title=LAMP, body=LAMP_BODY, visibility=Visibility.HIDDEN
    )

    response = client.get(url("moderate", pending.pk))

    assert hint_titles(response) == [
        f"{earlier.reference} {LAMP}",
        f"{this_round.reference} Belysning vid busshållplatsen",
    ]
    assert hidden.reference not in text_of(soup(response).select_one(".moderation-similar"))
    buttons = soup(response).select(".moderation-similar__list button")
    assert [b.get_text(strip=True) for b in buttons] == [
        f"Dubblett av {earlier.reference}",
        f"Dubblett av {this_round.reference}",
    ]
    assert all(b["form"] == "workbench-form" and b["name"] == "duplicate_of" for b in buttons)


def test_at_most_five_hints(tree, pending):
    for number in range(7):
        make.proposal(tree["läckeby"], title=f"{LAMP} {number}", body=LAMP_BODY)

    assert len(similar_proposals(pending)) == 5


def test_no_similar_proposal_is_said_in_words(client, tree, pending):
    login(client, CASE_OFFICERS)
    make.proposal(tree["läckeby"], title="Hundrastgård", body="En inhägnad för hundar.")

    response = client.get(url("moderate", pending.pk))

    assert hint_titles(response) == []
    assert "Inga liknande förslag i ortens dialoger." in text_of(soup(response).main)


def test_one_click_publishes_it_as_a_duplicate_with_an_answer_to_the_resident(
    client, tree, pending
):
    officer = login(client, CASE_OFFICERS)
    original = make.proposal(tree["läckeby 2022"], title=LAMP, body=LAMP_BODY)

    response = client.post(
        url("moderate", pending.pk),
        {
            "public_title": pending.public_title,
            "public_body": pending.public_body,
            "duplicate_of": original.reference,
        },
        follow=True,
    )

    assert (
        f"Förslaget {pending.reference} är publicerat som dubblett av {original.reference}."
        in response.content.decode()
    )
    pending.refresh_from_db()
    assert pending.is_public
    assert (pending.status, pending.duplicate_of) == (Status.DUPLICATE, original)
    message = pending.updates.last().public_message
    assert original.reference in message and LAMP in message
    actions = ModelLogEntry.objects.filter(object_id=str(pending.pk), user=officer).values_list(
        "action", flat=True
    )
    assert {"rounds.proposal.publish", "rounds.proposal.update"} <= set(actions)
    public_page = text_of(soup(client.get(pending.get_public_url())).main)
    assert "Förslaget är en dubblett" in public_page
    assert any("Dubblett" in m.body for m in emails_to("resident@example.org"))


def test_the_duplicate_button_still_needs_the_photo_choice_and_the_checks(client, tree):
    login(client, CASE_OFFICERS)
    original = make.proposal(tree["läckeby"], title=LAMP, body=LAMP_BODY)
    with_photo = make.proposal(
        tree["läckeby"],
        visibility=Visibility.PENDING,
        title=LAMP,
        body=LAMP_BODY + " Ring 070-123 45 67.",
        photo_name="lampa.jpg",
    )
    form = {"public_title": LAMP, "public_body": with_photo.public_body}

    refused = client.post(
        url("moderate", with_photo.pk), {**form, "duplicate_of": original.reference}
    )

    assert refused.status_code == 200
    assert {"photo", "checked_personal_details"} <= set(refused.context["form"].errors)
    with_photo.refresh_from_db()
    assert with_photo.visibility == Visibility.PENDING


def test_an_unknown_reference_is_a_swedish_error_not_a_crash(client, tree, pending):
    login(client, CASE_OFFICERS)
    form = {"public_title": pending.public_title, "public_body": pending.public_body}

    for reference in ["2026-9999", pending.reference, "'; DROP TABLE", "x" * 40]:
        response = client.post(url("moderate", pending.pk), {**form, "duplicate_of": reference})
        assert response.status_code == 200, reference
        assert response.context["form"].non_field_errors(), reference

    pending.refresh_from_db()
    assert (pending.visibility, pending.status) == (Visibility.PENDING, Status.RECEIVED)


def test_marking_a_duplicate_needs_the_right_to_answer(client, tree, pending):
    login(client, EDITORS)  # Redaktörer moderate but do not answer
    original = make.proposal(tree["läckeby"], title=LAMP, body=LAMP_BODY)

    page = client.get(url("moderate", pending.pk))
    assert hint_titles(page) == [f"{original.reference} {LAMP}"]
    assert not soup(page).select(".moderation-similar__list button")
    assert "Bara den som får besvara förslag kan markera det som dubblett." in text_of(
        soup(page).main
    )
    refused = client.post(
        url("moderate", pending.pk),
        {
            "public_title": pending.public_title,
            "public_body": pending.public_body,
            "duplicate_of": original.reference,
        },
    )

    assert refused.status_code == 403
    pending.refresh_from_db()
    assert pending.visibility == Visibility.PENDING


def test_the_moderation_page_costs_the_same_queries_for_few_and_many_proposals(
    client, tree, pending
):
    login(client, CASE_OFFICERS)

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(url("moderate", pending.pk)).status_code == 200
        return len(context)

    for number in range(3):
        make.proposal(tree["läckeby"], title=f"{LAMP} {number}", body=LAMP_BODY)
    few = queries()
    make.bulk_public(tree["läckeby 2022"], 40)
    for number in range(8):
        make.proposal(tree["läckeby 2022"], title=f"{LAMP} igen {number}", body=LAMP_BODY)
    assert queries() == few
