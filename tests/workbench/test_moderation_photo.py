"""Moderation sees the photo it publishes: the text with the photo, the text without it (the
photo withheld from the public, kept for staff and the resident), or nothing; each choice in the
audit log and on the inspect page."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import ModelLogEntry

from rounds.models.proposals import Visibility
from rounds.proposals import services
from tests.support import proposals as make
from tests.support.admin import CASE_OFFICERS, login, staff, url
from tests.support.html import soup
from tests.support.images import jpeg_bytes
from tests.support.mail import emails_to, html_of


@pytest.fixture
def pending(tree):
    return make.proposal(
        tree["läckeby"],
        visibility=Visibility.PENDING,
        title="Trasig gatlampa vid skolan",
        body="Lampan vid skolans entré har varit släckt i en månad.",
        photo_name="lampa.jpg",
        email="resident@example.org",
        notify_status=True,
    )


def publishing(proposal, **fields):
    return {
        "action": "publish",
        "public_title": proposal.public_title,
        "public_body": proposal.public_body,
        **fields,
    }


def moderation_log(proposal):
    return ModelLogEntry.objects.filter(
        object_id=str(proposal.pk), action__startswith="rounds.proposal."
    ).exclude(action="rounds.proposal.update")


def public_photo(client, proposal):
    return client.get(proposal.get_public_url() + "foto/")


def test_the_moderation_page_shows_the_photo_with_a_meaningful_alt_text(client, officer, pending):
    page = soup(client.get(url("moderate", pending.pk)))

    image = page.select_one(".moderation-photo img")
    assert image["src"] == url("photo", pending.pk)
    assert image["alt"] == "Fotot som invånaren skickade med förslaget ”Trasig gatlampa vid skolan”"
    assert page.find("a", string="Öppna fotot i full storlek")["href"] == url("photo", pending.pk)
    choices = [label.get_text(" ", strip=True) for label in page.select("#id_photo label")]
    assert choices == [
        "Publicera fotot med texten",
        "Publicera bara texten: fotot visas inte publikt",
    ]
    assert not page.select("#id_photo input[checked]"), "nothing is chosen for the moderator"


def test_without_a_photo_the_page_says_so_and_offers_no_photo_choice(client, officer, tree):
    proposal = make.proposal(tree["läckeby"], visibility=Visibility.PENDING)

    page = soup(client.get(url("moderate", proposal.pk)))

    assert "Förslaget har inget foto." in page.get_text()
    assert not page.select(".moderation-photo, #id_photo")
    response = client.post(url("moderate", proposal.pk), publishing(proposal))
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.is_public and not proposal.photo_withheld
    assert moderation_log(proposal).get().data == {"photo": "none"}


def test_publishing_needs_a_choice_about_the_photo(client, officer, pending):
    response = client.post(url("moderate", pending.pk), publishing(pending))

    assert response.status_code == 200
    assert response.context["form"].errors["photo"] == [
        "Välj om fotot ska visas publikt eller inte."
    ]
    pending.refresh_from_db()
    assert pending.visibility == Visibility.PENDING


def test_an_unknown_photo_choice_is_a_form_error_not_a_crash(client, officer, pending):
    response = client.post(url("moderate", pending.pk), publishing(pending, photo="kanske"))

    assert response.status_code == 200
    assert "Välj ett giltigt alternativ" in response.context["form"].errors["photo"][0]
    pending.refresh_from_db()
    assert pending.visibility == Visibility.PENDING


def test_publishing_without_the_photo_keeps_it_for_staff_only(client, officer, pending):
    response = client.post(
        url("moderate", pending.pk), publishing(pending, photo="without_photo"), follow=True
    )

    assert f"Förslaget {pending.reference} är publicerat utan fotot." in response.content.decode()
    pending.refresh_from_db()
    assert pending.is_public and pending.photo_withheld
    # The public sees the text, not the photo; staff still see it.
    public_page = soup(client.get(pending.get_public_url()))
    assert "Trasig gatlampa vid skolan" in public_page.get_text()
    assert not public_page.select(".proposal-photo")
    assert public_photo(client, pending).status_code == 404
    staff_photo = client.get(url("photo", pending.pk))
    assert b"".join(staff_photo.streaming_content) == jpeg_bytes()
    # Audited, and the inspect page says what moderation did.
    entry = moderation_log(pending).get()
    assert (entry.action, entry.data, entry.user) == (
        "rounds.proposal.publish",
        {"photo": "withheld"},
        officer,
    )
    inspect = soup(client.get(url("inspect", pending.pk))).get_text(" ", strip=True)
    assert "Förslag publicerat utan foto (fotot visas inte publikt)" in inspect
    assert "Nej, fotot visas inte publikt" in inspect
    history = soup(client.get(url("history", pending.pk))).get_text(" ", strip=True)
    assert "Förslag publicerat utan foto (fotot visas inte publikt)" in history


def test_the_resident_is_told_the_photo_is_not_shown(client, officer, pending):
    client.post(url("moderate", pending.pk), publishing(pending, photo="without_photo"))

    (email,) = [m for m in emails_to("resident@example.org") if "publicerat" in m.subject]
    assert "Vi visar inte fotot du skickade med på webbplatsen" in email.body
    assert "Vi visar inte fotot du skickade med på webbplatsen" in html_of(email)
    follow = client.get(reverse("proposals:follow", args=[pending.follow_token]))
    assert "Vi visar inte fotot på webbplatsen, bara texten" in follow.content.decode()


def test_publishing_with_the_photo_shows_it_and_says_so_in_the_log(client, officer, pending):
    client.post(url("moderate", pending.pk), publishing(pending, photo="with_photo"))

    pending.refresh_from_db()
    assert pending.is_public and not pending.photo_withheld
    assert public_photo(client, pending).status_code == 200
    assert moderation_log(pending).get().data == {"photo": "published"}
    (email,) = [m for m in emails_to("resident@example.org") if "publicerat" in m.subject]
    assert "Vi visar inte fotot" not in email.body
    inspect = soup(client.get(url("inspect", pending.pk))).get_text(" ", strip=True)
    assert "Förslag publicerat med foto" in inspect
    assert "Ja, med texten" in inspect


def test_withholding_is_reversible_and_the_form_remembers_the_choice(client, officer, pending):
    services.publish(pending, user=officer, withhold_photo=True)
    assert public_photo(client, pending).status_code == 404

    page = soup(client.get(url("moderate", pending.pk)))
    assert page.select_one("#id_photo input[checked]")["value"] == "without_photo"
    client.post(url("moderate", pending.pk), publishing(pending, photo="with_photo"))

    pending.refresh_from_db()
    assert not pending.photo_withheld
    assert public_photo(client, pending).status_code == 200
    assert [entry.data["photo"] for entry in moderation_log(pending).order_by("pk")] == [
        "withheld",
        "published",
    ]


def test_hiding_everything_is_audited_with_the_photo(client, officer, pending):
    client.post(
        url("moderate", pending.pk),
        {"action": "hide", "hidden_reason": "Fotot visar ett barn och texten ett namn."},
    )

    pending.refresh_from_db()
    assert pending.visibility == Visibility.HIDDEN
    entry = moderation_log(pending).get()
    assert (entry.action, entry.data) == ("rounds.proposal.hide", {"photo": "hidden"})
    assert public_photo(client, pending).status_code == 404


def test_moderation_needs_the_permission_and_a_proposal_not_withdrawn(client, pending, tree):
    viewer = staff(username="bara-lasare")
    viewer.user_permissions.add(Permission.objects.get(codename="view_proposal"))
    login(client, user=viewer)

    assert client.get(url("moderate", pending.pk)).status_code == 403
    refused = client.post(url("moderate", pending.pk), publishing(pending, photo="with_photo"))
    assert refused.status_code == 403
    pending.refresh_from_db()
    assert pending.visibility == Visibility.PENDING

    login(client, CASE_OFFICERS)
    services.withdraw(pending)
    assert client.get(url("moderate", pending.pk)).status_code == 403


def test_an_unknown_action_is_a_swedish_form_error(client, officer, pending):
    response = client.post(url("moderate", pending.pk), publishing(pending, action="radera"))

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Välj om förslaget ska publiceras eller döljas."
    ]
