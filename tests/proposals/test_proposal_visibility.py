"""Only moderated public proposals under live, public dialogues are shown, and only their public
side: pending, hidden and withdrawn ones are 404 and absent from lists, counts and search."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from rounds.models.proposals import Status, Visibility
from rounds.proposals import services
from tests.support import pages as factories
from tests.support import proposals as make
from tests.support.html import soup_of, text_of
from tests.support.images import jpeg_bytes

pytestmark = pytest.mark.usefixtures("clear_cache")


def listed_references(client, url):
    soup = soup_of(client, url)
    return {text_of(p).split(" ")[0] for p in soup.select(".proposal-item__meta")}


def tally_of(client, url):
    """The counts per status a page shows, as {label: text}."""
    soup = soup_of(client, url)
    return {
        text_of(item.select_one(".status")): text_of(item.select_one(".status-tally__count"))
        for item in soup.select(".status-tally li")
    }


@pytest.fixture
def states(site_tree):
    """One proposal in each state under the same dialogue, and the URLs that show them."""
    dialogue = site_tree["dialogue"]
    public = make.proposal(dialogue, title="Ny lekplats vid skolan")
    pending = make.proposal(dialogue, visibility=Visibility.PENDING, title="Väntande förslag")
    hidden = make.proposal(dialogue, visibility=Visibility.HIDDEN, title="Dolt förslag")
    once_public = make.proposal(dialogue, title="Först publicerat, sedan dolt", photo_name="a.jpg")
    services.hide(once_public, reason="Nämner en granne.")
    withdrawn = make.proposal(dialogue, visibility=Visibility.PENDING, title="Återkallat förslag")
    services.withdraw(withdrawn)
    return {
        **site_tree,
        "public": public,
        "not_public": [pending, hidden, once_public, withdrawn],
        "lists": [dialogue.url + "forslag/", site_tree["place"].url + "forslag/"],
    }


def detail_url(proposal):
    return proposal.dialogue.url + f"forslag/{proposal.reference}/"


def test_public_proposal_is_shown(client, states):
    soup = soup_of(client, states["public"].get_public_url())
    assert text_of(soup.h1) == "Ny lekplats vid skolan"
    for url in states["lists"]:
        assert listed_references(client, url) == {states["public"].reference}


@pytest.mark.parametrize("index", range(4), ids=["pending", "hidden", "once-public", "withdrawn"])
def test_proposal_that_is_not_public_answers_404(client, states, index):
    proposal = states["not_public"][index]
    soup = soup_of(client, detail_url(proposal), status=404)
    assert text_of(soup.h1) == "Sidan finns inte"
    assert client.get(detail_url(proposal) + "foto/").status_code == 404


def test_proposals_that_are_not_public_are_absent_from_lists_counts_and_search(client, states):
    for url in states["lists"]:
        assert listed_references(client, url) == {states["public"].reference}
        assert tally_of(client, url) == {"Mottaget": "1 förslag"}
        assert text_of(soup_of(client, url).find(id="list-heading")) == "1 förslag"
    for url in (states["dialogue"].url, states["place"].url):
        section = soup_of(client, url).find(id="proposals-heading").parent
        assert "1 förslag är publicerat" in text_of(section)
    for word in ("väntande", "dolt", "publicerat", "återkallat", "förslag"):
        soup = soup_of(client, f"/sok/?q={word}")
        found = [text_of(r) for r in soup.select(".search-result--proposal")]
        assert all("Ny lekplats" in text for text in found), f"{word}: {found}"


def test_reference_of_another_dialogue_is_not_found(client, states):
    other = factories.dialogue(states["place"], states["round"], slug="annan-dialog")
    url = other.url + f"forslag/{states['public'].reference}/"
    assert client.get(url).status_code == 404
    assert client.get(url + "foto/").status_code == 404


def test_unknown_reference_is_not_found(client, states):
    for reference in ("1999-0001", "x" * 300, "%00", "..%2F..%2F"):
        url = states["dialogue"].url + f"forslag/{reference}/"
        assert client.get(url).status_code == 404, reference


def test_proposal_under_an_unpublished_dialogue_is_not_public(client, site_tree):
    place = site_tree["place"]
    draft = factories.dialogue(place, site_tree["round"], slug="utkast", live=False)
    proposal = make.proposal(draft, title="Förslag i ett utkast om bryggan")
    assert client.get(f"{place.url}utkast/forslag/{proposal.reference}/").status_code == 404
    assert listed_references(client, place.url + "forslag/") == set()
    assert tally_of(client, place.url) == {}
    assert not soup_of(client, "/sok/?q=bryggan").select(".search-result--proposal")


def test_proposals_disappear_when_their_dialogue_is_unpublished(client, site_tree):
    dialogue, place = site_tree["dialogue"], site_tree["place"]
    proposal = make.proposal(dialogue, title="Bänkar vid bryggan")
    url = proposal.get_public_url()
    assert client.get(url).status_code == 200
    dialogue.unpublish()
    assert client.get(url).status_code == 404
    assert listed_references(client, place.url + "forslag/") == set()
    assert not soup_of(client, "/sok/?q=bryggan").select(".search-result--proposal")


def test_proposals_of_a_password_protected_dialogue_are_not_listed(client, site_tree):
    dialogue, place = site_tree["dialogue"], site_tree["place"]
    proposal = make.proposal(dialogue, title="Bänkar vid bryggan")
    PageViewRestriction.objects.create(
        page=dialogue, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    # Wagtail asks for the password instead of showing the page.
    assert "Bänkar vid bryggan" not in client.get(proposal.get_public_url()).content.decode()
    assert listed_references(client, place.url + "forslag/") == set()
    assert not soup_of(client, "/sok/?q=bryggan").select(".search-result--proposal")


# What a public proposal shows


def test_display_name_is_shown_only_when_the_resident_chose_so(client, site_tree):
    dialogue = site_tree["dialogue"]
    shown = make.proposal(dialogue, name="Anna Ek", display_name="Anna i byn", show_name=True)
    unshown = make.proposal(dialogue, name="Bo Ek", display_name="Bo på höjden", show_name=False)
    shown_page = text_of(soup_of(client, shown.get_public_url()).main)
    assert "Lämnat av Anna i byn" in shown_page
    assert "Anna Ek" not in shown_page
    unshown_page = text_of(soup_of(client, unshown.get_public_url()).main)
    assert "Bo på höjden" not in unshown_page
    assert "Lämnat av" not in unshown_page
    assert "Bo Ek" not in unshown_page


def test_timeline_shows_every_update_in_order_with_dates_and_messages(client, site_tree):
    dialogue = site_tree["dialogue"]
    roads = make.department("Samhällsbyggnadsförvaltningen")
    trafikverket = make.department("Trafikverket")
    proposal = make.proposal(dialogue, title="Cykelväg till Påryd")
    start = timezone.now() - timedelta(days=90)
    steps = [
        (Status.REVIEWING, {"public_message": "Arbetsgruppen tittar på sträckan."}),
        (
            Status.PLANNED,
            {
                "public_message": "Cykelvägen planeras i två etapper.",
                "responsible": roads,
                "planned_date": date(2027, 9, 1),
                "decision_reference": "KS 2026/311",
            },
        ),
        (
            Status.FORWARDED,
            {
                "public_message": "Vägen är statlig: Trafikverket tar över.",
                "responsible": trafikverket,
            },
        ),
    ]
    proposal.updates.update(created_at=start)  # received 90 days ago
    for days, (status, fields) in enumerate(steps, start=1):
        update = make.answer(proposal, status, **fields)
        update.created_at = start + timedelta(days=30 * days)
        update.save()

    soup = soup_of(client, proposal.get_public_url())
    items = soup.select(".timeline__item")
    assert [text_of(item.select_one(".status")) for item in items] == [
        "Status: Mottaget",
        "Status: Behandlas",
        "Status: Längre planering",
        "Status: Skickat vidare",
    ]
    dates = [item.select_one("time")["datetime"] for item in items]
    assert dates == [
        timezone.localtime(start + timedelta(days=30 * n)).date().isoformat() for n in range(4)
    ]
    planned = text_of(items[2])
    for text in (
        "Cykelvägen planeras i två etapper.",
        "Ansvarig Samhällsbyggnadsförvaltningen",
        "Planerat 1 september 2027",
        "Diarienummer KS 2026/311",
    ):
        assert text in planned
    assert "Ansvarig Trafikverket" in text_of(items[3])
    # The current status and responsible are the last update's.
    lead = text_of(soup.select_one(".proposal-state"))
    assert "Skickat vidare" in lead
    assert "Senast uppdaterad för" in lead
    assert "Trafikverket" in text_of(soup.select_one(".proposal-facts"))


def test_internal_note_and_author_are_never_shown(client, site_tree, django_user_model):
    officer = django_user_model.objects.create_user(
        username="handlaggare", first_name="Greta", last_name="Handläggarsson"
    )
    proposal = make.proposal(site_tree["dialogue"])
    make.answer(
        proposal,
        Status.NOT_FEASIBLE,
        user=officer,
        public_message="Marken är privat.",
        internal_note="Ägaren är osams med grannen.",
    )
    page = soup_of(client, proposal.get_public_url()).decode()
    assert "Marken är privat." in page
    assert "osams" not in page
    assert "Handläggarsson" not in page


def test_duplicate_links_to_the_original(client, site_tree):
    dialogue = site_tree["dialogue"]
    original = make.proposal(dialogue, title="Gatlykta vid skolan")
    duplicate = make.proposal(dialogue, title="Lampa vid skolan")
    make.answer(
        duplicate,
        Status.DUPLICATE,
        public_message="Samma som ett tidigare förslag.",
        duplicate_of=original,
    )
    soup = soup_of(client, duplicate.get_public_url())
    link = soup.select_one(".notice a")
    assert link["href"] == original.get_public_url()
    assert original.reference in text_of(link)


def test_duplicate_of_a_hidden_proposal_has_no_link(client, site_tree):
    dialogue = site_tree["dialogue"]
    original = make.proposal(dialogue, title="Gatlykta vid skolan")
    duplicate = make.proposal(dialogue, title="Lampa vid skolan")
    make.answer(
        duplicate,
        Status.DUPLICATE,
        public_message="Samma som ett tidigare förslag.",
        duplicate_of=original,
    )
    services.hide(original, reason="Innehåller ett namn.")
    soup = soup_of(client, duplicate.get_public_url())
    assert not soup.find("a", href=original.get_public_url())
    assert "Samma som ett tidigare förslag." in text_of(soup.main)


def test_photo_is_streamed_only_for_a_public_proposal(client, site_tree):
    proposal = make.proposal(site_tree["dialogue"], photo_name="Anna Eks lykta.jpg")
    soup = soup_of(client, proposal.get_public_url())
    image = soup.select_one(".proposal-photo img")
    assert image["src"] == proposal.get_public_url() + "foto/"
    assert image["alt"]
    response = client.get(image["src"])
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert "public" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
    assert "Anna" not in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == jpeg_bytes()
    services.hide(proposal, reason="Bilden visar en person.")
    assert client.get(image["src"]).status_code == 404


def test_proposal_without_photo_has_no_photo(client, site_tree):
    proposal = make.proposal(site_tree["dialogue"])
    assert not soup_of(client, proposal.get_public_url()).select(".proposal-photo")
    assert client.get(proposal.get_public_url() + "foto/").status_code == 404
