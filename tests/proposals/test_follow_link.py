"""The receipt and the private follow-up link: what the resident sees, and what they can do."""

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from rounds.models import Proposal
from rounds.models.proposals import Status, Visibility, hash_token
from tests.support import proposals as make
from tests.support.html import soup, text
from tests.support.proposal_form import submit_proposal, valid_data


@pytest.fixture
def sent(client, dialogue, settings):
    """A proposal sent through the form: (proposal, token)."""
    settings.PROPOSALS_MIN_FILL_SECONDS = 0
    response = submit_proposal(client, dialogue)
    token = response["Location"].split("/")[2]
    return Proposal.objects.get(), token


def follow_url(token):
    return reverse("proposals:follow", args=[token])


def assert_private(response, referrer_policy="no-referrer"):
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    assert response["Referrer-Policy"] == referrer_policy


# The receipt


def test_the_receipt_shows_the_reference_next_steps_and_the_link(client, sent, dialogue):
    proposal, token = sent

    response = client.get(reverse("proposals:receipt", args=[token]))

    assert response.status_code == 200
    page = soup(response)
    assert page.find(class_="receipt__reference").strong.get_text() == proposal.reference
    link = page.find(class_="receipt__link").a
    assert link["href"] == link.get_text() == f"http://testserver/mitt-forslag/{token}/"
    words = text(response)
    assert "skriv ut sidan" in words
    assert "Vi skickar e-post till adressen du angav" in words
    steps = " ".join(page.find(class_="receipt__steps").get_text(" ", strip=True).split())
    assert "Vi läser förslaget innan det publiceras" in steps
    assert "arbetsgruppen" in steps
    for event in (dialogue.walk, dialogue.meeting):
        assert event.display_title in steps
        assert page.find("time", datetime=timezone.localtime(event.start).isoformat())
    assert_private(response)
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_without_email_the_receipt_says_no_email_will_come(client, dialogue, settings):
    settings.PROPOSALS_MIN_FILL_SECONDS = 0
    response = submit_proposal(client, dialogue, valid_data(email="", notify_status=None))

    receipt = text(client.get(response["Location"]))

    assert "Du får ingen e-post när statusen ändras" in receipt
    assert "Du angav ingen e-post, så spara länken" in receipt


def test_the_receipt_and_follow_page_show_no_contact_details(client, sent):
    """Both pages answer and show the proposal, so a 404 page cannot pass for a discreet one."""
    proposal, token = sent

    for url in (reverse("proposals:receipt", args=[token]), follow_url(token)):
        response = client.get(url)
        assert response.status_code == 200, url
        page = text(response)
        assert proposal.reference in page
        assert "anna@example.org" not in page
        assert "Andersson" not in page
        assert "070-123 45 67" not in page


# The follow page


def test_an_unknown_token_is_404(client, dialogue):
    """404 for a token nobody has, or one a character off, while the real token opens each page."""
    proposal = make.proposal(dialogue, visibility=Visibility.PENDING, photo_name="bild.jpg")
    token = proposal.follow_token
    garbled = token[:-1] + ("a" if token[-1] != "a" else "b")
    for name in ("follow", "receipt", "photo"):
        response = client.get(reverse(f"proposals:{name}", args=["finns-inte-alls"]))
        assert response.status_code == 404
        assert "Sidan finns inte" in text(response)
        assert client.get(reverse(f"proposals:{name}", args=[garbled])).status_code == 404
        assert client.get(reverse(f"proposals:{name}", args=[token])).status_code == 200, name


def test_a_pending_proposal_is_shown_with_its_state(client, sent):
    proposal, token = sent

    response = client.get(follow_url(token))

    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text() == proposal.title
    words = text(response)
    assert "Väntar på granskning" in words
    assert proposal.reference in words
    assert "Det är mörkt vid hållplatsen" in words
    assert "Byvägen, vid affären" in words
    assert "Inget tema valt" in words
    assert "Namn vid förslaget Anna" in words
    assert page.find("a", string="Återkalla förslaget")
    assert page.find("button", string="Sluta skicka e-post om förslaget")
    assert_private(response, "same-origin")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_only_the_hash_of_the_token_is_stored(client, sent):
    proposal, token = sent

    assert proposal.follow_token_hash == hash_token(token)
    stored = database_text()
    assert hash_token(token) in stored
    assert token not in stored


def database_text():
    """Every row of every table, as text: what anyone with the database could read."""
    rows = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(rows)


# Withdraw


def test_withdrawing_a_pending_proposal_hides_it_and_confirms(client, sent):
    proposal, token = sent

    response = client.post(reverse("proposals:withdraw", args=[token]))

    assert response.status_code == 303
    assert response["Location"] == follow_url(token) + "?klart=aterkallat"
    proposal.refresh_from_db()
    assert proposal.visibility == Visibility.HIDDEN
    assert proposal.withdrawn_at is not None
    page = client.get(response["Location"])
    assert "Förslaget är återkallat." in soup(page).find(role="status").get_text()
    assert "Du återkallade förslaget" in text(page)
    assert not soup(page).find("a", string="Återkalla förslaget")


def test_withdrawing_after_publication_is_refused(client, dialogue):
    proposal = make.proposal(dialogue)  # published

    response = client.post(reverse("proposals:withdraw", args=[proposal.follow_token]))

    assert response.status_code == 409
    assert "kan inte längre återkallas" in soup(response).find(role="alert").get_text()
    proposal.refresh_from_db()
    assert proposal.visibility == Visibility.PUBLIC
    assert proposal.withdrawn_at is None


def test_withdrawing_twice_is_refused(client, sent):
    """The first withdrawal goes through; only the second is refused."""
    proposal, token = sent
    first = client.post(reverse("proposals:withdraw", args=[token]))
    assert first.status_code == 303
    proposal.refresh_from_db()
    assert proposal.withdrawn_at is not None

    assert client.post(reverse("proposals:withdraw", args=[token])).status_code == 409


def test_withdraw_and_stop_emails_only_answer_post(client, sent):
    """A GET (a link preview, a prefetch) changes nothing: withdrawing asks first, stopping
    emails takes only a POST."""
    _, token = sent

    assert client.get(reverse("proposals:withdraw", args=[token])).status_code == 200
    assert client.get(reverse("proposals:stop_emails", args=[token])).status_code == 405
    assert Proposal.objects.get().visibility == Visibility.PENDING
    assert Proposal.objects.get().notify_status
    assert client.post(reverse("proposals:stop_emails", args=[token])).status_code == 303
    assert not Proposal.objects.get().notify_status


# Status emails


def test_stopping_status_emails(client, sent):
    proposal, token = sent
    assert proposal.notify_status

    response = client.post(reverse("proposals:stop_emails", args=[token]))

    assert response.status_code == 303
    proposal.refresh_from_db()
    assert not proposal.notify_status
    assert proposal.email == "anna@example.org"  # the address stays for the record
    page = client.get(response["Location"])
    assert "Du får inte längre e-post" in soup(page).find(role="status").get_text()
    assert not soup(page).find("button", string="Sluta skicka e-post om förslaget")


# Once public


def test_a_public_proposal_shows_its_status_and_public_timeline(client, dialogue):
    proposal = make.proposal(dialogue)
    department = make.department()
    make.answer(
        proposal,
        Status.PLANNED,
        public_message="Vi tar upp det i budgeten för nästa år.",
        internal_note="Ring Anna om detta.",
        responsible=department,
        planned_date_unknown_reason="Budgeten beslutas i november.",
    )

    response = client.get(follow_url(proposal.follow_token))

    assert response.status_code == 200
    page = soup(response)
    state = page.find(id="state-heading").parent
    assert state.find(class_="status--planned").get_text(strip=True).endswith("Längre planering")
    assert state.find("a")["href"] == proposal.get_public_url()
    timeline = page.find(id="timeline-heading").parent
    assert "Vi tar upp det i budgeten för nästa år." in timeline.get_text()
    # No date yet, and the resident is told why.
    assert "Datum inte bestämt: Budgeten beslutas i november." in timeline.get_text()
    assert department.name in timeline.get_text()
    assert "Ring Anna" not in text(response)
    assert not page.find("a", string="Återkalla förslaget")


def test_a_hidden_proposal_says_so_without_the_internal_reason(client, dialogue):
    proposal = make.proposal(dialogue, visibility=Visibility.HIDDEN)

    response = client.get(follow_url(proposal.follow_token))

    assert response.status_code == 200
    assert "Publiceras inte." in text(response)
    assert proposal.hidden_reason  # the reason exists, so its absence below means something
    assert proposal.hidden_reason not in text(response)


# The resident's own photo


def test_the_resident_sees_their_photo_while_it_is_pending(client, dialogue):
    proposal = make.proposal(dialogue, visibility=Visibility.PENDING, photo_name="bild.jpg")
    url = reverse("proposals:photo", args=[proposal.follow_token])

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"
    assert_private(response)
    follow = soup(client.get(follow_url(proposal.follow_token)))
    assert follow.find("img", src=url)


def test_no_photo_is_404(client, sent, dialogue):
    """404 because this proposal has no photo: one with a photo is served at the same route."""
    _, token = sent

    assert client.get(reverse("proposals:photo", args=[token])).status_code == 404
    follow = client.get(follow_url(token))
    assert follow.status_code == 200
    assert not soup(follow).find("img", src=reverse("proposals:photo", args=[token]))
    with_photo = make.proposal(dialogue, visibility=Visibility.PENDING, photo_name="bild.jpg")
    assert client.get(reverse("proposals:photo", args=[with_photo.follow_token])).status_code == 200
