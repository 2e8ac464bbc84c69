"""Answering "Stämmer det?" from the link: one answer per person, changed by the same link;
a proposer's "Nej" goes back to the working group and into the public timeline."""

import time

import pytest
from django.core import signing
from django.test import override_settings

from notifications import tokens
from notifications.checks import send_proposal_checks
from rounds.models import ProposalCheck, ProposalUpdate
from rounds.models.checks import CommentVisibility
from rounds.models.proposals import Status, Visibility
from rounds.proposals import services
from rounds.proposals.checks import answer_counts, said_not_done
from tests.support import proposals as make
from tests.support.html import soup, text_of

from .conftest import ASK_AT, PROPOSER


@pytest.fixture
def asked(done):
    send_proposal_checks(ASK_AT)
    checks = ProposalCheck.objects.filter(proposal=done)
    return {
        "proposal": done,
        "proposer": checks.get(is_proposer=True),
        "followers": list(checks.filter(is_proposer=False)),
    }


def link(check):
    return f"/e-post/stammer-det/{tokens.check_token(check)}/"


def answer(client, check, answer, comment=""):
    return client.post(link(check), {"answer": answer, "comment": comment})


def proposal_page(client, proposal):
    return text_of(soup(client.get(proposal.get_public_url())).main)


def test_the_link_shows_the_question_with_a_form_that_works_without_script(client, asked):
    response = client.get(link(asked["proposer"]))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = soup(response)
    assert page.h1.get_text() == "Stämmer det?"
    assert "har fått beskedet ”Genomfört”" in text_of(page.main)
    form = page.main.find("form", method="post")
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    labels = [label.get_text() for label in form.find_all("label")]
    assert "Ja, det är gjort" in labels and "Nej, inte än" in labels


def test_yes_is_saved_and_thanked_and_counted_on_the_proposal_page(client, asked):
    response = answer(client, asked["followers"][0], "yes")

    assert response.status_code == 303
    thanks = soup(client.get(response["Location"]))
    assert thanks.h1.get_text() == "Tack för ditt svar"
    assert "Vi har sparat ditt svar: ”Ja, det är gjort”" in text_of(thanks.main)
    assert "1 invånare säger att det är gjort, 0 att det inte är klart än." in proposal_page(
        client, asked["proposal"]
    )


def test_the_same_link_changes_the_answer_and_never_adds_one(client, asked):
    check = asked["followers"][0]
    answer(client, check, "yes")
    answer(client, check, "no")
    answer(client, check, "no")

    assert ProposalCheck.objects.exclude(answer="").count() == 1
    assert ProposalCheck.objects.get(pk=check.pk).answer == "no"
    assert "0 invånare säger att det är gjort, 1 att det inte är klart än." in proposal_page(
        client, asked["proposal"]
    )


def test_a_followers_no_is_only_counted(client, asked):
    answer(client, asked["followers"][0], "no")

    proposal = asked["proposal"]
    assert proposal.updates.filter(from_resident=True).count() == 0
    assert not said_not_done().filter(pk=proposal.pk).exists()
    assert "Invånaren säger att det inte är klart" not in proposal_page(client, proposal)


def test_the_proposers_no_goes_back_to_the_working_group_and_into_the_timeline(client, asked):
    proposal = asked["proposal"]
    answer(client, asked["proposer"], "no")
    answer(client, asked["proposer"], "no")  # sent twice: one entry

    assert proposal.updates.filter(from_resident=True).count() == 1
    proposal.refresh_from_db()
    assert proposal.status == Status.DONE  # the status stays the working group's word
    assert list(said_not_done()) == [proposal]
    page = soup(client.get(proposal.get_public_url()))
    items = page.find_all(class_="timeline__item")
    assert "Invånaren säger att det inte är klart" in text_of(items[-1])
    assert len(items) == 3  # Mottaget, Genomfört, the resident's word: one timeline

    make.answer(proposal, Status.DIRECT_ACTION, public_message="Vi tittar på det igen.")
    assert not said_not_done().exists()


def test_the_working_group_finds_it_in_the_workbench_and_on_the_dashboard(admin_client, asked):
    answer(admin_client, asked["proposer"], "no")
    proposal = asked["proposal"]
    other = make.proposal(proposal.dialogue, title="Ett annat förslag")

    listing = admin_client.get("/admin/forslag/?says_no=1").content.decode()
    assert proposal.reference in listing and other.reference not in listing
    dashboard = text_of(soup(admin_client.get("/admin/")))
    assert "Invånaren säger att det inte är klart (1)" in dashboard


def test_a_comment_is_public_only_once_moderated_and_never_with_a_name(client, asked):
    proposal = asked["proposal"]
    check = asked["followers"][0]
    answer(client, check, "no", "Lampan lyser inte på kvällen. KOMMENTAR-MARKÖR")
    assert "KOMMENTAR-MARKÖR" not in proposal_page(client, proposal)

    ProposalCheck.objects.filter(pk=check.pk).update(comment_visibility=CommentVisibility.PUBLIC)
    assert "KOMMENTAR-MARKÖR" in proposal_page(client, proposal)

    answer(client, check, "no", "Ny text. ANDRA-MARKÖR")  # a changed comment is read again
    page = proposal_page(client, proposal)
    assert "ANDRA-MARKÖR" not in page and "KOMMENTAR-MARKÖR" not in page


def test_moderators_publish_comments_in_the_admin(admin_client, asked):
    check = asked["followers"][0]
    answer(admin_client, check, "yes", "Fint gjort!")

    listing = admin_client.get("/admin/stammer-det/").content.decode()
    assert "Fint gjort!" in listing
    response = admin_client.post(
        f"/admin/stammer-det/edit/{check.pk}/", {"comment_visibility": "public"}
    )
    assert response.status_code == 302
    assert ProposalCheck.objects.get(pk=check.pk).comment_visibility == "public"
    assert admin_client.get("/admin/stammer-det/new/").status_code in (403, 302, 404)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Välj ”Ja, det är gjort” eller ”Nej, inte än”."),
        ({"answer": "kanske"}, "Välj ”Ja, det är gjort” eller ”Nej, inte än”."),
        ({"answer": "yes", "comment": "x" * 1001}, "Skriv högst 1000 tecken. Nu är det 1001."),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_what_was_typed(client, asked, data, message):
    response = client.post(link(asked["proposer"]), data)

    assert response.status_code == 422
    assert message in text_of(soup(response).main)
    assert not ProposalCheck.objects.exclude(answer="").exists()


def expired_link(check, monkeypatch, days):
    ago = time.time() - days * 24 * 60 * 60
    with monkeypatch.context() as patch:
        patch.setattr(signing.time, "time", lambda: ago)
        return link(check)


def test_an_expired_link_gets_a_clear_page(client, asked, monkeypatch):
    old = expired_link(asked["proposer"], monkeypatch, days=91)

    for response in (client.get(old), client.post(old, {"answer": "no"})):
        assert response.status_code == 410
        assert soup(response).h1.get_text() == "Länken har slutat fungera"
    assert not ProposalCheck.objects.exclude(answer="").exists()
    with override_settings(PROPOSALS_VERIFY_LINK_DAYS=120):
        assert client.get(old).status_code == 200


@pytest.mark.parametrize("token", ["nonsense", "eyJjIjoxfQ:1abc:def", "x" * 300])
def test_a_forged_link_gets_a_clear_page(client, asked, token):
    for response in (
        client.get(f"/e-post/stammer-det/{token}/"),
        client.post(f"/e-post/stammer-det/{token}/", {"answer": "no"}),
    ):
        assert response.status_code == 400
        assert soup(response).h1.get_text() == "Länken fungerar inte"
    assert not ProposalUpdate.objects.filter(from_resident=True).exists()


def test_a_proposal_no_longer_public_cannot_be_answered(client, asked):
    services.hide(asked["proposal"], reason="Fel i texten.")

    response = client.get(link(asked["proposer"]))

    assert response.status_code == 404
    assert soup(response).h1.get_text() == "Länken fungerar inte längre"
    assert asked["proposal"].visibility == Visibility.HIDDEN


def test_answer_counts_per_proposal_and_in_total_in_one_query(asked, django_assert_num_queries):
    from rounds.models import Proposal
    from rounds.proposals.checks import record_answer

    first, second = asked["followers"]
    record_answer(first, "yes")
    record_answer(second, "no")
    record_answer(asked["proposer"], "yes")
    other = make.proposal(asked["proposal"].dialogue, title="Utan svar")

    with django_assert_num_queries(1):
        counts = answer_counts(Proposal.objects.all())

    assert counts.total == (2, 1)
    assert counts.by_proposal == {asked["proposal"].pk: (2, 1)}
    assert other.pk not in counts.by_proposal
    assert PROPOSER not in str(counts)


def test_only_staff_who_moderate_see_the_answers(client, asked):
    from tests.support.admin import CASE_OFFICERS, login

    answer(client, asked["followers"][0], "yes", "Bra!")
    login(client)  # admin access only
    assert client.get("/admin/stammer-det/").status_code in (302, 403)
    client.logout()
    login(client, CASE_OFFICERS)
    assert client.get("/admin/stammer-det/").status_code == 200
