"""Emails to the resident who sent a proposal: the receipt, publication and each public answer.

What the resident receives, that its links work when followed, that it stops in one click,
and that it carries nobody else's personal data and nothing internal.
"""

import re
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import dateformat, timezone, translation

from notifications import resident_emails
from notifications.models import OutgoingEmail
from rounds.models import Proposal
from rounds.models.proposals import Status
from rounds.proposals import services
from tests.support import proposals as make
from tests.support.mail import html_of, shown_subject
from tests.support.proposal_form import submit_proposal, valid_data

ANNA = {"name": "Anna Andersson", "email": "anna@example.org", "phone": "070-123 45 67"}
BERTIL = {"name": "Bertil Berglund", "email": "bertil@example.net", "phone": "073-987 65 43"}


@pytest.fixture
def dialogue(dialogue, no_wait):
    """The dialogue that takes proposals, without the form's minimum fill time."""
    return dialogue


@pytest.fixture
def sent(client, dialogue):
    """Anna's proposal, sent through the form with a theme: (proposal, private token)."""
    theme = make.theme("Belysning")
    response = submit_proposal(client, dialogue, valid_data(theme=theme.pk))
    assert response.status_code == 303
    token = response["Location"].split("/")[2]
    return Proposal.objects.get(email=ANNA["email"]), token


@pytest.fixture
def bertil(dialogue):
    """Another resident's public proposal in the same dialogue, with status emails."""
    return make.proposal(
        dialogue,
        title="Fler bänkar vid badplatsen",
        body="Det finns ingenstans att sitta vid badet.",
        display_name="Bertil B",
        notify_status=True,
        **BERTIL,
    )


@pytest.fixture
def officer(db):
    return get_user_model().objects.create_user(
        username="stina.handlaggare", first_name="Stina", last_name="Handläggare"
    )


def to(address):
    """The messages sent to `address`."""
    return [message for message in mail.outbox if message.to == [address]]


def status_email(update):
    """The one email about `update`, found by its dedupe key and its recipient, not by being the
    last one sent: it must be a status email, to the proposal's own address."""
    queued = OutgoingEmail.objects.get(dedupe_key=f"proposal-status:{update.pk}")
    assert queued.kind == "proposal_status"
    assert queued.to == update.proposal.email
    (message,) = [m for m in to(queued.to) if m.subject == queued.subject]
    return message


def text_of_html(message):
    return " ".join(BeautifulSoup(html_of(message), "html.parser").get_text(" ").split())


def link(message, label):
    """The address of the HTML link whose text contains `label`; it must be in the text too."""
    page = BeautifulSoup(html_of(message), "html.parser")
    anchor = page.find("a", string=re.compile(re.escape(label)))
    assert anchor is not None, f"no link {label!r}"
    assert anchor["href"] in message.body
    return anchor["href"]


def local(url):
    """The path of one of the site's absolute URLs, for the test client."""
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == "http://testserver"
    return parts.path


def everything(message):
    return " ".join([message.subject, message.body, html_of(message), str(message.extra_headers)])


def assert_nothing_of(person, message):
    for value in person.values():
        assert value not in everything(message)


# The receipt


def test_the_receipt_goes_to_the_submitter_with_the_reference_and_a_copy(sent):
    proposal, _ = sent

    assert [m.to for m in mail.outbox] == [[ANNA["email"]]]
    (message,) = mail.outbox
    assert shown_subject(message) == f"Vi har tagit emot ditt förslag {proposal.reference}"
    body = " ".join(message.body.split())
    assert f"Referens: {proposal.reference}" in body
    assert "Rubrik: Belysning vid busshållplatsen" in body
    assert "Tema: Belysning" in body
    assert "Var i orten: Byvägen, vid affären" in body
    assert "Det är mörkt vid hållplatsen på Byvägen på vintermorgnarna." in body
    assert "Vi läser förslaget innan det publiceras" in body
    assert "varje gång det får ett nytt besked" in body
    html = text_of_html(message)
    assert "Tack! Vi har tagit emot ditt förslag" in html
    assert proposal.reference in html and "Byvägen, vid affären" in html


def test_the_receipt_lists_the_coming_walk_and_meeting(sent, dialogue):
    (message,) = mail.outbox
    for event in (dialogue.walk, dialogue.meeting):
        with translation.override("sv"):
            day = dateformat.format(timezone.localtime(event.start), "l j F Y")
        assert f"{event.display_title}: {day} kl." in message.body
        assert event.address in message.body


def test_the_receipt_greets_without_name_and_holds_no_phone(sent):
    (message,) = mail.outbox
    assert message.body.split("\n")[2] == "Hej!"
    for value in (ANNA["name"], ANNA["phone"], "Anna,"):
        assert value not in everything(message)


def test_the_follow_link_in_the_receipt_opens_the_proposal(client, sent):
    proposal, token = sent
    (message,) = mail.outbox

    url = link(message, f"Se ditt förslag {proposal.reference}")

    assert local(url) == f"/mitt-forslag/{token}/"
    response = client.get(local(url))
    assert response.status_code == 200
    assert proposal.reference in response.content.decode()


def test_the_receipt_without_status_emails_says_so(client, dialogue):
    submit_proposal(client, dialogue, valid_data(notify_status=None))

    (message,) = mail.outbox
    assert "Du får ingen e-post när förslaget får ett nytt besked" in message.body
    assert "varje gång det får ett nytt besked" not in message.body


def test_without_an_email_address_nothing_is_sent(client, dialogue):
    """Nothing because there is no address: the next proposal, with one, gets its receipt."""
    response = submit_proposal(client, dialogue, valid_data(email="", notify_status=None))

    assert response.status_code == 303
    assert Proposal.objects.count() == 1
    assert mail.outbox == []
    submit_proposal(client, dialogue, valid_data(title="Fler papperskorgar vid torget"))
    assert [m.to for m in mail.outbox] == [[ANNA["email"]]]


def test_the_text_email_keeps_what_the_resident_typed_and_the_html_escapes_it(client, dialogue):
    data = valid_data(title="Bänkar & papperskorgar <nu>", body="Vid ”torget” & kiosken.")
    submit_proposal(client, dialogue, data)

    (message,) = mail.outbox
    assert "Bänkar & papperskorgar <nu>" in message.body
    assert "Vid ”torget” & kiosken." in message.body
    assert "&amp;" not in message.body
    assert "Bänkar &amp; papperskorgar &lt;nu&gt;" in html_of(message)
    assert "<nu>" not in html_of(message)


def test_the_html_email_is_swedish_and_names_the_municipality(sent):
    (message,) = mail.outbox
    page = BeautifulSoup(html_of(message), "html.parser")

    assert page.html["lang"] == "sv"
    assert page.title.get_text() == message.subject
    assert len(page.find_all("h1")) == 1
    assert "Testkommun" in message.body and "Testkommun" in page.get_text()
    assert "kommun@example.org" in message.body
    assert all(a.get_text(strip=True) for a in page.find_all("a"))


# Stopping emails


def test_every_email_has_one_click_unsubscribe_headers_matching_the_stop_link(sent):
    (message,) = mail.outbox

    stop = link(message, "Sluta få e-post om det här förslaget")

    assert message.extra_headers["List-Unsubscribe"] == f"<{stop}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    rendered = message.message()
    assert rendered["List-Unsubscribe"] == f"<{stop}>"
    assert rendered["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_stop_link_shows_a_button_and_one_post_stops_status_emails(sent, bertil, officer):
    """Bertil, who did not stop, still gets the same answer: what stopped is Anna's email only."""
    proposal, _ = sent
    services.publish(proposal, user=officer)
    stop = local(link(to(ANNA["email"])[0], "Sluta få e-post om det här förslaget"))
    mail.outbox.clear()

    page = BeautifulSoup(Client().get(stop).content, "html.parser")
    assert page.find("button").get_text(strip=True) == "Ja, sluta skicka e-post"
    proposal.refresh_from_db()
    assert proposal.notify_status  # opening the link alone changes nothing

    response = Client(enforce_csrf_checks=True).post(
        stop, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    assert "Vi skickar inte fler e-postmeddelanden om förslag" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.notify_status is False
    make.answer(proposal, Status.DONE, public_message="Lampan är uppsatt.", user=officer)
    assert mail.outbox == []
    update = make.answer(bertil, Status.DONE, public_message="Lampan är uppsatt.", user=officer)
    assert status_email(update).to == [BERTIL["email"]]


@pytest.mark.parametrize(
    "forge", [lambda token: token[:-3] + "xyz", lambda token: "inte-en-nyckel"]
)
def test_a_forged_or_garbled_stop_link_gets_a_clear_page(sent, forge):
    proposal, _ = sent
    stop = local(link(mail.outbox[0], "Sluta få e-post om det här förslaget"))
    prefix, token = stop.rstrip("/").rsplit("/", 1)
    forged = f"{prefix}/{forge(token)}/"

    for response in (Client().get(forged), Client(enforce_csrf_checks=True).post(forged)):
        assert response.status_code == 400
        assert "Länken fungerar inte" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.notify_status


# Publication and status emails


def test_publishing_tells_the_resident_once_with_a_working_link(client, sent, officer):
    proposal, _ = sent
    mail.outbox.clear()

    services.publish(proposal, user=officer, public_title="Belysning vid hållplatsen")
    services.publish(proposal, user=officer)  # saved again: no second email

    (message,) = mail.outbox
    assert message.to == [ANNA["email"]]
    assert shown_subject(message) == f"Ditt förslag {proposal.reference} är publicerat"
    assert "Vi har ändrat eller tagit bort en del av texten" in message.body
    public = link(message, f"Läs förslag {proposal.reference} på webbplatsen")
    response = client.get(local(public))
    assert response.status_code == 200
    assert "Belysning vid hållplatsen" in response.content.decode()


def test_a_public_answer_is_emailed_with_status_message_and_facts(client, sent, officer):
    proposal, _ = sent
    services.publish(proposal, user=officer)
    mail.outbox.clear()
    department = make.department("Tekniska förvaltningen")

    make.answer(
        proposal,
        Status.PLANNED,
        public_message="Vi sätter upp en ny lampa när marken har tinat.",
        responsible=department,
        planned_date=date(2027, 4, 15),
        decision_reference="TF 2026/118",
        internal_note="Budgeten är inte klar, ring Kalle på elbolaget.",
        user=officer,
    )

    assert [m.to for m in mail.outbox] == [[ANNA["email"]]]
    (message,) = mail.outbox
    # Long enough to be folded on the wire: the mail program shows no space in front of it.
    assert (
        shown_subject(message)
        == f"Nytt besked om ditt förslag {proposal.reference}: Längre planering"
    )
    body = " ".join(message.body.split())
    assert "Ny status: Längre planering" in body
    assert f"Datum: {timezone.localdate():%-d}" in body
    assert "Ansvarig: Tekniska förvaltningen" in body
    assert "Planerat: 15 april 2027" in body
    assert "Diarienummer: TF 2026/118" in body
    assert "Vi sätter upp en ny lampa när marken har tinat." in body
    assert "Tekniska förvaltningen" in text_of_html(message)
    public = link(message, f"Läs förslag {proposal.reference} och allt som har hänt med det")
    response = client.get(local(public))
    assert response.status_code == 200
    assert "Vi sätter upp en ny lampa" in response.content.decode()


def test_a_status_email_holds_nothing_internal_and_no_staff_name(sent, officer):
    proposal, _ = sent
    services.publish(proposal, user=officer)
    update = make.answer(
        proposal,
        Status.NOT_FEASIBLE,
        public_message="Trafikverket äger vägen och planerar ingen belysning.",
        internal_note="Hemligt: ring Kalle.",
        user=officer,
    )

    message = status_email(update)
    assert "Trafikverket äger vägen och planerar ingen belysning." in message.body
    for value in ("Hemligt", "Kalle", "Stina", "stina.handlaggare", "Handläggare"):
        assert value not in everything(message)


def test_status_emails_carry_nobody_elses_personal_data(sent, bertil, officer):
    proposal, _ = sent
    services.publish(proposal, user=officer)
    for item in (proposal, bertil):
        make.answer(item, Status.REVIEWING, public_message="Vi tittar på det.", user=officer)

    annas, bertils = to(ANNA["email"]), to(BERTIL["email"])
    assert len(annas) == 3  # receipt, published, answer
    assert len(bertils) == 2  # published, answer (registered without the form: no receipt)
    assert len(mail.outbox) == 5
    for message in annas:
        assert_nothing_of(BERTIL, message)
        assert bertil.reference not in everything(message)
    for message in bertils:
        assert_nothing_of(ANNA, message)
        assert proposal.reference not in everything(message)


def test_each_update_is_emailed_once(sent, officer):
    proposal, _ = sent
    services.publish(proposal, user=officer)
    update = make.answer(proposal, Status.REVIEWING, user=officer)
    assert "Ny status: Behandlas" in status_email(update).body  # sent once already
    count = len(mail.outbox)

    assert resident_emails.send_status(update) is None
    assert len(mail.outbox) == count


def test_a_duplicate_answer_links_to_the_proposal_to_follow(client, sent, bertil, officer):
    proposal, _ = sent
    services.publish(proposal, user=officer)
    update = make.answer(
        proposal,
        Status.DUPLICATE,
        public_message="Samma som ett tidigare förslag.",
        duplicate_of=bertil,
        user=officer,
    )

    message = status_email(update)
    response = client.get(local(link(message, "Följ det förslaget")))
    assert response.status_code == 200
    assert bertil.reference in response.content.decode()
    assert_nothing_of(BERTIL, message)


def test_the_email_is_swedish_in_stockholm_time_whatever_the_officer_uses(sent, officer):
    proposal, _ = sent
    services.publish(proposal, user=officer)
    late_evening = datetime(2026, 3, 14, 23, 30, tzinfo=UTC)  # 15 March in Stockholm

    with translation.override("en"), timezone.override("UTC"):
        update = make.answer(proposal, Status.REVIEWING, created_at=late_evening, user=officer)

    message = status_email(update)
    assert "Ny status: Behandlas" in message.body
    assert "Datum: 15 mars 2026" in message.body


def withdrawn(proposal):
    services.withdraw(proposal)


def hidden(proposal):
    services.publish(proposal)
    services.hide(proposal, reason="Handlar om en namngiven granne.")


def public_without_status_emails(proposal):
    services.publish(proposal)
    Proposal.objects.filter(pk=proposal.pk).update(notify_status=False)
    proposal.refresh_from_db()


def public_without_email(proposal):
    Proposal.objects.filter(pk=proposal.pk).update(email="")
    proposal.refresh_from_db()
    services.publish(proposal)


@pytest.mark.parametrize(
    "prepare", [withdrawn, hidden, public_without_status_emails, public_without_email]
)
def test_no_status_email_when_the_resident_should_not_get_one(sent, bertil, officer, prepare):
    """Bertil, who wants status emails, gets the same answer: the silence is Anna's case only."""
    proposal, _ = sent
    prepare(proposal)
    mail.outbox.clear()

    make.answer(proposal, Status.NOT_FEASIBLE, public_message="Det går inte.", user=officer)

    assert mail.outbox == []
    proposal.refresh_from_db()
    assert proposal.status == Status.NOT_FEASIBLE
    update = make.answer(bertil, Status.NOT_FEASIBLE, public_message="Det går inte.", user=officer)
    assert status_email(update).to == [BERTIL["email"]]


def test_an_answer_before_publication_is_refused_and_publication_is_emailed(sent, officer):
    """A pending proposal is moderated first: the refused answer emails nobody."""
    proposal, _ = sent
    mail.outbox.clear()

    with pytest.raises(ValidationError):
        make.answer(proposal, Status.REVIEWING, user=officer)
    assert mail.outbox == []
    services.publish(proposal, user=officer)
    make.answer(proposal, Status.REVIEWING, user=officer)

    published, answered = mail.outbox
    assert "Status just nu: Mottaget" in published.body
    assert "Behandlas" in answered.body
