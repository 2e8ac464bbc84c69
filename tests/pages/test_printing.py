"""Paper for every household: the printed summary's contact block and QR code, the summary in
large print, the A6 kom ihåg-kort, the editor's numbers before publishing, and no personal data
on any of them."""

from datetime import timedelta

import pytest
import segno
from django.urls import reverse
from django.utils import timezone

from rounds.models import ContactPerson, DialogueEvent
from rounds.models.proposals import Status, Visibility
from tests.support import pages as factories
from tests.support import proposals as make
from tests.support.crawl import crawl, leaks, print_urls
from tests.support.html import soup, soup_of, text_of
from tests.support.leaks import PERSONAL, UNPUBLISHED, LeakySite
from tests.support.queries import count_queries

pytestmark = pytest.mark.usefixtures("clear_cache")

LARGE_PRINT, CARD = "sammanstallning/stor-text/", "kort/"


def karin():
    return ContactPerson.objects.create(
        name="Karin Ekström",
        role="Landsbygdsutvecklare",
        phone="0480-45 01 20",
        email="karin.ekstrom@kalmar.example",
    )


def publish_summary(dialogue, when=None):
    dialogue.summary = [("text", "<p>Tack för alla förslag. Här är vad som hände.</p>")]
    dialogue.summary_published_at = when or timezone.localdate()
    dialogue.save_revision().publish()
    dialogue.refresh_from_db()
    return dialogue


@pytest.fixture
def dialogue(site_tree):
    """A dialogue with a contact person whose walk and meeting are over."""
    return factories.dialogue(
        site_tree["place"],
        site_tree["round"],
        walk_in_days=-40,
        meeting_in_days=-30,
        slug="varen",
        title="Våren i Läckeby",
        contact=karin(),
    )


def qr_of(url):
    """The QR code the page must show for `url`, drawn the same way."""
    return segno.make(url, error="m").png_data_uri(scale=8, border=2)


def test_the_printed_summary_has_the_contact_block_and_a_local_qr_code(client, dialogue):
    publish_summary(dialogue)
    url = f"http://testserver{dialogue.url}"

    html = soup_of(client, dialogue.url)
    block = html.select_one(".summary .print-contact")

    text = text_of(block)
    for expected in [
        "Karin Ekström",
        "Landsbygdsutvecklare",
        "Telefon: 0480-45 01 20",
        "E-post: karin.ekstrom@kalmar.example",
        "Testkommun",
        "Telefon: 0480-45 00 00",
        "E-post: kommun@example.org",
        url,  # printed beside the code
    ]:
        assert expected in text, f"{expected!r} is not in the contact block"
    image = block.select_one("img")
    assert image["src"] == qr_of(url)  # the page's own full address, drawn here: no request
    assert image["alt"]


def test_without_a_contact_person_the_block_gives_the_municipality(client, site_tree):
    publish_summary(site_tree["dialogue"])

    text = text_of(soup_of(client, site_tree["dialogue"].url).select_one(".print-contact"))

    assert "Testkommun" in text and "0480-45 00 00" in text
    assert "Karin" not in text


def test_no_contact_block_before_the_summary_is_published(client, dialogue):
    html = soup_of(client, dialogue.url)

    assert html.select_one(".print-contact") is None
    assert "Skriv ut med stor text" not in text_of(html)


def test_large_print_is_the_summary_alone_linked_from_the_summary(client, dialogue):
    publish_summary(dialogue)
    html = soup_of(client, dialogue.url)
    link = html.find("a", string="Skriv ut med stor text")
    assert link["href"] == dialogue.url + LARGE_PRINT

    response = client.get(link["href"])

    assert response.status_code == 200
    page = soup(response)
    assert "large-print" in page.body["class"]
    assert text_of(page.h1) == "Läckeby: Våren i Läckeby"
    assert "Tack för alla förslag" in text_of(page)
    assert page.select_one("#outcomes-heading") and page.select_one(".print-contact")
    # Only the summary: no events, no proposal form, no link to itself.
    assert page.select_one("#events-heading") is None
    assert page.find("a", string="Skriv ut med stor text") is None
    assert page.find("a", href=dialogue.url)  # the way back


@pytest.mark.parametrize("published", [None, "tomorrow"])
def test_large_print_is_not_found_until_the_summary_is_published(client, dialogue, published):
    if published:
        publish_summary(dialogue, timezone.localdate() + timedelta(days=1))

    response = client.get(dialogue.url + LARGE_PRINT)

    assert response.status_code == 404


def add_proposals(dialogue, count):
    for n in range(count):
        proposal = make.proposal(dialogue, title=f"Förslag {n}", theme=make.theme(f"Tema {n}"))
        make.answer(proposal, Status.DONE, public_message=f"Klart {n}.")


def test_large_print_costs_the_same_queries_with_2_or_30_proposals(client, dialogue):
    publish_summary(dialogue)
    add_proposals(dialogue, 2)
    small = count_queries(client, dialogue.url + LARGE_PRINT)
    add_proposals(dialogue, 28)

    large = count_queries(client, dialogue.url + LARGE_PRINT)

    assert client.get(dialogue.url + LARGE_PRINT).content.decode().count('class="outcome"') == 30
    assert len(large) == len(small), [sql[:160] for sql in large if sql not in small][:3]
    assert len(large) <= 25


@pytest.fixture
def coming(site_tree):
    """A dialogue with a walk and a meeting to come, one event over, one cancelled."""
    dialogue = factories.dialogue(
        site_tree["place"], site_tree["round"], slug="hosten", contact=karin()
    )
    walk = dialogue.events.get(kind=DialogueEvent.Kind.WALK)
    walk.meeting_point = "Vid busshållplatsen på Byvägen"
    walk.accessibility_notes = "Sträckan är 2 km på asfalt."
    walk.childcare_offered = True
    walk.save()
    for title, days, cancelled in [("Förra mötet", -3, False), ("Inställd fika", 5, True)]:
        event = factories.event(
            DialogueEvent.Kind.OTHER, factories.in_days(days), title=title, cancelled=cancelled
        )
        event.dialogue = dialogue
        event.save()
    return dialogue


def test_the_card_has_the_coming_events_contact_and_qr_code(client, coming):
    link = soup_of(client, coming.url).find("a", string="Skriv ut ett kom ihåg-kort med tiderna")
    assert link["href"] == coming.url + CARD

    html = soup_of(client, link["href"])

    card = html.select_one(".reminder-card")
    text = text_of(card)
    assert [text_of(h) for h in card.select(".reminder-card__event")] == [
        "Förbättringsvandring",
        "Dialogmöte",
    ]  # not the one that is over, nor the cancelled one
    for expected in [
        "Bygdegården, Byvägen 1, 388 98 Läckeby",
        "Samlingsplats Vid busshållplatsen på Byvägen",
        "Tillgänglighet Sträckan är 2 km på asfalt.",
        "Barnpassning Ja, under tiden.",
        "Barnpassning Nej",
        "Karin Ekström",
        "0480-45 01 20",
        f"http://testserver{coming.url}",
    ]:
        assert expected in text, f"{expected!r} is not on the card"
    assert card.select_one("img")["src"] == qr_of(f"http://testserver{coming.url}")
    assert "Testkommun" not in text  # the card is small: the contact person is enough


def test_the_card_shows_two_events_and_points_to_the_web_for_more(client, coming):
    event = factories.event(DialogueEvent.Kind.OTHER, factories.in_days(40), title="Fika")
    event.dialogue = coming
    event.save()

    card = soup_of(client, coming.url + CARD).select_one(".reminder-card")

    assert len(card.select(".reminder-card__event")) == 2
    assert "Fika" not in text_of(card)
    assert "Fler tider finns på webben." in text_of(card)


def test_the_card_says_so_when_nothing_is_coming(client, site_tree):
    dialogue = factories.dialogue(site_tree["place"], site_tree["round"], -40, -30, slug="var")

    text = text_of(soup_of(client, dialogue.url + CARD))

    assert "Det finns inga kommande tider just nu" in text
    assert "Testkommun" in text and "0480-45 00 00" in text  # no contact person: the municipality


def test_the_card_costs_the_same_queries_with_2_or_30_events(client, coming):
    small = count_queries(client, coming.url + CARD)
    for n in range(28):
        event = factories.event(DialogueEvent.Kind.OTHER, factories.in_days(10 + n), title="Fika")
        event.dialogue = coming
        event.save()

    large = count_queries(client, coming.url + CARD)

    assert len(large) == len(small)


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("redaktor", password="x"))
    return client


def test_the_summary_tab_counts_what_is_unanswered_before_publishing(editor, dialogue):
    make.answer(make.proposal(dialogue, title="Besvarat"), Status.DONE, public_message="Klart.")
    make.proposal(dialogue, title="Obesvarat")
    make.answer(make.proposal(dialogue, title="Tittar på"), Status.REVIEWING)
    make.proposal(dialogue, title="Väntar", visibility=Visibility.PENDING)
    make.proposal(dialogue, title="Dold", visibility=Visibility.HIDDEN)

    response = editor.get(reverse("wagtailadmin_pages:edit", args=[dialogue.pk]))

    panel = soup(response).select_one("[data-summary-readiness]")
    text = text_of(panel)
    assert "2 av 3 publicerade förslag har inte fått besked ännu" in text
    assert "1 förslag väntar på moderering" in text
    assert "skapas automatiskt av svaren" in text and "Upprepa inte svaren" in text
    assert panel.find("a", href=dialogue.url + CARD)


def test_the_summary_tab_of_a_new_dialogue_shows_zero(editor, site_tree):
    place = site_tree["place"]
    url = reverse("wagtailadmin_pages:add", args=["rounds", "dialoguepage", place.pk])

    text = text_of(soup_of(editor, url).select_one("[data-summary-readiness]"))

    assert "0 av 0 publicerade förslag" in text and "0 förslag väntar" in text


def test_no_personal_data_on_the_print_pages(client, site_tree):
    leaky = LeakySite(site_tree)
    publish_summary(site_tree["dialogue"])

    site = crawl(client, print_urls([d.url for d in leaky.dialogues[:2]]))

    statuses = {url: fetched.status for url, fetched in site.items() if url.endswith("/kort/")}
    assert set(statuses.values()) == {200}, statuses
    assert site[site_tree["dialogue"].url + LARGE_PRINT].status == 200
    assert site[leaky.dialogues[1].url + LARGE_PRINT].status == 404  # not published there
    found = leaks(site.values(), [PERSONAL, UNPUBLISHED, *leaky.secrets])
    assert not found, "\n".join(found)
    # The crawl saw the summary's answers: it can tell a full page from an empty one.
    bodies = b"".join(f.body for f in site.values()).decode("utf-8", "replace")
    assert "Papperskorgen är uppsatt." in bodies
