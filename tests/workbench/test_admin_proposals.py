"""The proposals workbench: index, inspect, moderation, answers and registration (the dashboard's
panels are in test_admin_dashboard)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import ModelLogEntry

from rounds.models import Proposal
from rounds.models.proposals import Source, Status, Visibility
from rounds.proposals import services
from tests.support import pages as factories
from tests.support import proposals as make
from tests.support.admin import url
from tests.support.images import jpeg_bytes


def test_index_shows_villages_and_counts_each_status(client, officer, tree):
    make.proposal(tree["läckeby"], title="Gatlampor vid busshållplatsen")
    answered = make.proposal(tree["påryd"], title="Fler bänkar vid ån")
    make.answer(
        answered,
        Status.PLANNED,
        public_message="Vi planerar bänkar till våren.",
        responsible=make.department(),
        planned_date=date(2027, 4, 1),
    )
    make.proposal(tree["påryd"], visibility=Visibility.PENDING, title="Hundrastgård")

    response = client.get(url("index"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Gatlampor vid busshållplatsen" in html
    assert "Läckeby" in html and "Påryd" in html
    assert [(c["label"], c["count"]) for c in response.context["view"].status_counts()][:4] == [
        ("Mottaget", 2),
        ("Behandlas", 0),
        ("Åtgärdas", 0),
        ("Längre planering", 1),
    ]
    assert "Längre planering: 1" in html
    with CaptureQueriesContext(connection) as counting:
        response.context["view"].status_counts()
    assert len(counting) == 1


def test_index_filters_by_village_round_and_dialogue_and_counts_the_filtered_list(
    client, officer, tree
):
    make.proposal(tree["läckeby"], title="Gatlampor vid busshållplatsen")
    make.proposal(tree["påryd"], title="Fler bänkar vid ån")
    village = tree["påryd"].get_parent()

    by_village = client.get(url("index"), {"village": village.pk})
    by_dialogue = client.get(url("index"), {"dialogue": tree["läckeby"].pk})
    by_round = client.get(url("index"), {"round": tree["round"].pk})
    nonsense = client.get(url("index"), {"village": "x"})

    assert [p.public_title for p in by_village.context["object_list"]] == ["Fler bänkar vid ån"]
    assert by_village.context["view"].status_counts()[0]["count"] == 1
    assert [p.public_title for p in by_dialogue.context["object_list"]] == [
        "Gatlampor vid busshållplatsen"
    ]
    assert by_round.context["result_count"] == 2
    assert nonsense.context["result_count"] == 0


def test_index_searches_reference_and_text(client, officer, tree):
    lamp = make.proposal(tree["läckeby"], title="Gatlampor vid busshållplatsen")
    make.proposal(tree["påryd"], title="Fler bänkar vid ån", location="Åstranden")

    by_reference = client.get(url("index"), {"q": lamp.reference})
    by_location = client.get(url("index"), {"q": "Åstranden"})

    assert [p.pk for p in by_reference.context["object_list"]] == [lamp.pk]
    assert [p.public_title for p in by_location.context["object_list"]] == ["Fler bänkar vid ån"]


def test_index_uses_the_same_number_of_queries_for_few_and_many_proposals(client, officer, tree):
    themes = [make.theme(f"Tema {n}") for n in range(3)]
    departments = [make.department(f"Förvaltning {n}") for n in range(3)]

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(url("index")).status_code == 200
        return len(context)

    make.bulk_public(tree["läckeby"], 3, themes, departments)
    few = queries()
    make.bulk_public(tree["påryd"], 40, themes, departments)
    assert queries() == few


def test_inspect_shows_original_and_public_text_and_the_whole_history(client, officer, tree):
    # Hidden, as a pending proposal is not answered until it is moderated.
    proposal = make.proposal(tree["läckeby"], visibility=Visibility.HIDDEN, title="Lampa hos Kalle")
    Proposal.objects.filter(pk=proposal.pk).update(public_title="Lampa vid bron")
    department = make.department("Trafikverket")
    make.answer(
        proposal,
        Status.FORWARDED,
        public_message="Vägen sköts av Trafikverket; vi har skickat förslaget dit.",
        responsible=department,
        decision_reference="KS 2026/118",
        internal_note="Ring Trafikverket i maj.",
        user=officer,
    )

    html = client.get(url("inspect", proposal.pk)).content.decode()

    assert "Lampa hos Kalle" in html and "Lampa vid bron" in html
    for text in ("Mottaget", "Skickat vidare", "KS 2026/118", "Ring Trafikverket i maj."):
        assert text in html
    assert "Trafikverket" in html and "Läckeby" in html
    history = html[html.index("<h2>Historik</h2>") :]
    assert history.index("Mottaget") < history.index("Skickat vidare") < history.index("Ring")


def test_the_photo_is_shown_to_staff_from_private_storage(client, officer, tree):
    proposal = make.proposal(tree["läckeby"], photo_name="lampa.jpg")

    inspect = client.get(url("inspect", proposal.pk)).content.decode()
    photo = client.get(url("photo", proposal.pk))

    assert f'src="{url("photo", proposal.pk)}"' in inspect
    assert (photo.status_code, photo["Content-Type"]) == (200, "image/jpeg")
    assert b"".join(photo.streaming_content) == jpeg_bytes()
    assert client.get(url("photo", make.proposal(tree["påryd"]).pk)).status_code == 404


def test_publishing_with_redacted_text_keeps_the_original(client, officer, tree):
    proposal = make.proposal(
        tree["läckeby"],
        visibility=Visibility.PENDING,
        title="Grannen Svensson kör för fort",
        body="Svensson på Byvägen 3 kör för fort varje morgon.",
    )

    response = client.post(
        url("moderate", proposal.pk),
        {
            "action": "publish",
            "public_title": "Bilar kör för fort på Byvägen",
            "public_body": "Bilar kör för fort på Byvägen varje morgon.",
        },
    )

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.visibility == Visibility.PUBLIC
    assert proposal.public_title == "Bilar kör för fort på Byvägen"
    assert proposal.title == "Grannen Svensson kör för fort"
    assert proposal.body == "Svensson på Byvägen 3 kör för fort varje morgon."
    assert ModelLogEntry.objects.filter(
        object_id=str(proposal.pk), action="rounds.proposal.publish", user=officer
    ).exists()


def test_a_withdrawn_proposal_cannot_be_published(client, officer, tree):
    proposal = make.proposal(tree["läckeby"], visibility=Visibility.PENDING)
    services.withdraw(proposal)

    response = client.post(
        url("moderate", proposal.pk),
        {"action": "publish", "public_title": "Rubrik", "public_body": "Text"},
    )

    proposal.refresh_from_db()
    assert response.status_code == 403
    assert proposal.visibility == Visibility.HIDDEN
    with pytest.raises(ValidationError, match="återkallat"):
        services.publish(proposal, user=officer)


def test_hiding_needs_an_internal_reason(client, officer, tree):
    proposal = make.proposal(tree["läckeby"], visibility=Visibility.PENDING)
    form = {"public_title": proposal.public_title, "public_body": proposal.public_body}

    refused = client.post(url("moderate", proposal.pk), {**form, "action": "hide"})
    proposal.refresh_from_db()
    assert refused.status_code == 200
    assert "hidden_reason" in refused.context["form"].errors
    assert proposal.visibility == Visibility.PENDING

    client.post(
        url("moderate", proposal.pk),
        {**form, "action": "hide", "hidden_reason": "Reklam för ett företag."},
    )
    proposal.refresh_from_db()
    assert proposal.visibility == Visibility.HIDDEN
    assert proposal.hidden_reason == "Reklam för ett företag."


def test_answer_adds_an_update_changes_the_status_and_is_audited(client, officer, tree):
    proposal = make.proposal(tree["läckeby"])
    department = make.department()
    form = client.get(url("answer", proposal.pk)).context["form"]
    assert form["status"].value() == Status.RECEIVED

    response = client.post(
        url("answer", proposal.pk),
        {
            "status": Status.PLANNED,
            "public_message": "Kommunen planerar en ny belysning 2027.",
            "responsible": department.pk,
            "planned_date": "2027-05-01",
            "decision_reference": "SBF 2026/77",
            "internal_note": "Budget ej klar.",
        },
    )

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Status.PLANNED
    assert proposal.responsible == department
    update = proposal.updates.last()
    assert (update.author, update.decision_reference, str(update.planned_date)) == (
        officer,
        "SBF 2026/77",
        "2027-05-01",
    )
    entries = ModelLogEntry.objects.filter(
        object_id=str(proposal.pk), action="rounds.proposal.update"
    )
    assert [(entry.user, entry.data["status"]) for entry in entries] == [(officer, "planned")]


@pytest.mark.parametrize("status", [Status.NOT_FEASIBLE, Status.FORWARDED, Status.DUPLICATE])
def test_answers_that_owe_the_resident_a_reason_need_a_public_message(
    client, officer, tree, status
):
    proposal = make.proposal(tree["läckeby"])

    response = client.post(url("answer", proposal.pk), {"status": status, "public_message": " "})

    assert response.status_code == 200
    assert "public_message" in response.context["form"].errors
    proposal.refresh_from_db()
    assert proposal.status == Status.RECEIVED
    assert proposal.updates.count() == 1


def test_a_duplicate_links_to_the_original_by_its_reference(client, officer, tree):
    original = make.proposal(tree["läckeby"], title="Gatlampor vid busshållplatsen")
    copy = make.proposal(tree["läckeby"], title="Belysning vid hållplatsen")
    message = {"status": Status.DUPLICATE, "public_message": "Samma som ett tidigare förslag."}

    unknown = client.post(url("answer", copy.pk), {**message, "duplicate_of": "1999-9999"})
    itself = client.post(url("answer", copy.pk), {**message, "duplicate_of": copy.reference})
    client.post(url("answer", copy.pk), {**message, "duplicate_of": original.reference})

    assert "duplicate_of" in unknown.context["form"].errors
    assert "duplicate_of" in itself.context["form"].errors
    copy.refresh_from_db()
    assert (copy.status, copy.duplicate_of) == (Status.DUPLICATE, original)


def test_the_edit_form_cannot_change_the_status(client, officer, tree):
    proposal = make.proposal(tree["läckeby"])

    response = client.post(
        url("edit", proposal.pk),
        {
            "theme": "",
            "location": "Vid bron",
            "tags": "",
            "public_title": proposal.public_title,
            "public_body": proposal.public_body,
            "status": Status.DONE,
            "title": "Ändrad originalrubrik",
        },
    )

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.location == "Vid bron"
    assert proposal.status == Status.RECEIVED
    assert proposal.title == "Säkrare övergångsställe vid skolan"
    assert "status" not in client.get(url("edit", proposal.pk)).context["form"].fields


def test_registering_a_proposal_from_the_walk(client, officer, tree):
    walked = timezone.localtime() - timedelta(days=2)
    response = client.post(
        url("create"),
        {
            "dialogue": tree["påryd"].pk,
            "source": Source.WALK,
            "submitted_at": walked.strftime("%Y-%m-%d %H:%M"),
            "title": "Trasigt räcke vid bron",
            "body": "Räcket vid gångbron är löst och kan ge vika.",
            "location": "Gångbron över ån",
            "name": "Anna Andersson",
            "phone": "070-123 45 67",
            "publish_now": "on",
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    proposal = Proposal.objects.get(title="Trasigt räcke vid bron")
    assert response["Location"] == url("inspect", proposal.pk)
    assert (proposal.source, proposal.dialogue_id) == (Source.WALK, tree["påryd"].pk)
    assert (proposal.visibility, proposal.status) == (Visibility.PUBLIC, Status.RECEIVED)
    assert proposal.public_title == "Trasigt räcke vid bron"
    assert proposal.name == "Anna Andersson"
    assert timezone.localtime(proposal.submitted_at).date() == walked.date()
    assert proposal.updates.get().author == officer


def test_registering_offers_the_dialogues_that_still_take_proposals(client, officer, tree):
    """Live dialogues until their summary is published: walk notes are registered after the
    walk, and the follow-up still takes a letter; a draft or a completed dialogue does not."""
    today = timezone.localdate()
    summary = [{"type": "heading", "value": "Det här kom fram"}]
    village = tree["läckeby"].get_parent().specific
    after_walk = factories.dialogue(
        village, tree["round"], title="Efter vandringen", walk_in_days=-30, meeting_in_days=-14
    )
    factories.dialogue(village, tree["round"], title="Utkast", live=False)
    completed = factories.dialogue(
        village,
        tree["round"],
        title="Avslutad",
        walk_in_days=-90,
        meeting_in_days=-80,
        summary=summary,
        summary_published_at=today - timedelta(days=1),
    )
    factories.dialogue(
        village, tree["round"], title="Sammanställs", summary=summary,
        summary_published_at=today + timedelta(days=3),
    )  # fmt: skip

    choices = client.get(url("create")).context["form"].fields["dialogue"].choices
    refused = client.post(url("create"), {**walk_note(), "dialogue": completed.pk})
    registered = client.post(url("create"), {**walk_note(), "dialogue": after_walk.pk})

    assert [label for value, label in choices if value] == [
        tree["läckeby"].title,
        "Läckeby: Efter vandringen",
        "Läckeby: Sammanställs",
        tree["påryd"].title,
    ]
    assert "dialogue" in refused.context["form"].errors
    assert registered.status_code == 302
    assert Proposal.objects.get().dialogue_id == after_walk.pk


def walk_note():
    return {
        "source": Source.WALK,
        "submitted_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
        "title": "Trasigt räcke vid bron",
        "body": "Räcket vid gångbron är löst.",
    }


def test_registering_refuses_the_online_source_and_keeps_unticked_ones_pending(
    client, officer, tree
):
    form = {
        "dialogue": tree["påryd"].pk,
        "submitted_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
        "title": "Brevlåda vid affären",
        "body": "En brevlåda behövs vid affären.",
    }

    online = client.post(url("create"), {**form, "source": Source.ONLINE})
    letter = client.post(url("create"), {**form, "source": Source.LETTER})

    assert "source" in online.context["form"].errors
    assert letter.status_code == 302
    assert Proposal.objects.get().visibility == Visibility.PENDING
