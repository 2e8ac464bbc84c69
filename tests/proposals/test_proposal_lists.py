"""The public lists of proposals: what each item says, counts, filters, pages and order, and
the links to them from the dialogue and village pages."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from rounds.models import Proposal
from rounds.models.proposals import Status
from tests.support import pages as factories
from tests.support import proposals as make
from tests.support.html import assert_page_frame, soup_of, text_of

pytestmark = pytest.mark.usefixtures("clear_cache")


def titles(soup):
    return [text_of(title) for title in soup.select(".proposal-item__title")]


@pytest.fixture
def lists(site_tree):
    """Three answered proposals in Läckeby's dialogue and one in an earlier dialogue."""
    dialogue, place = site_tree["dialogue"], site_tree["place"]
    earlier = factories.dialogue(place, site_tree["round"], slug="2024", title="Dialog 2024")
    traffic, nature = make.theme("Trafik"), make.theme("Natur")
    roads = make.department("Samhällsbyggnadsförvaltningen")
    crossing = make.proposal(
        dialogue, title="Övergångsställe vid skolan", theme=traffic, name="Eva"
    )
    make.answer(
        crossing,
        Status.PLANNED,
        responsible=roads,
        public_message="Planeras till 2027.",
        planned_date_unknown_reason="Dagen bestäms i budgeten för 2027.",
    )
    benches = make.proposal(dialogue, title="Bänkar vid ån", theme=nature)
    make.answer(benches, Status.DONE, responsible=roads, public_message="Bänkarna är på plats.")
    bus = make.proposal(dialogue, title="Tätare bussar", theme=traffic)
    old = make.proposal(earlier, title="Belysning vid badplatsen", theme=nature)
    # Submitted in this order, a day apart; the crossing was answered last.
    now = timezone.now()
    for days, item in enumerate([old, crossing, benches, bus]):
        Proposal.objects.filter(pk=item.pk).update(
            submitted_at=now - timedelta(days=10 - days),
            status_changed_at=now - timedelta(days=10 - days),
        )
    Proposal.objects.filter(pk=crossing.pk).update(status_changed_at=now - timedelta(days=3))
    return {
        **site_tree,
        "earlier": earlier,
        "themes": {"traffic": traffic, "nature": nature},
        "dialogue_list": dialogue.url + "forslag/",
        "place_list": place.url + "forslag/",
    }


def test_dialogue_list_has_the_page_frame_breadcrumbs_and_a_count(client, lists):
    soup = soup_of(client, lists["dialogue_list"])
    assert_page_frame(soup)
    assert text_of(soup.h1) == "Förslag och svar"
    crumbs = soup.select(".breadcrumbs li")
    assert [text_of(c) for c in crumbs] == [
        "Startsida",
        "Orter",
        "Läckeby",
        lists["dialogue"].title,
        "Förslag",
    ]
    assert crumbs[-1].find(attrs={"aria-current": "page"})
    assert crumbs[-2].find("a")["href"] == lists["dialogue"].url
    assert text_of(soup.find(id="list-heading")) == "3 förslag"
    assert "Läckeby" in text_of(soup.title)


def test_list_item_shows_the_public_facts_newest_first(client, lists):
    soup = soup_of(client, lists["dialogue_list"])
    assert titles(soup) == ["Tätare bussar", "Bänkar vid ån", "Övergångsställe vid skolan"]
    item = text_of(soup.select(".proposal-item")[2])
    for text in (
        "Trafik",
        "Status: Längre planering",
        "Ansvarig: Samhällsbyggnadsförvaltningen",
        "Senast uppdaterad för 3 dagar sedan",
    ):
        assert text in item
    assert "Eva" not in item
    crossing = Proposal.objects.get(public_title="Övergångsställe vid skolan")
    link = soup.select(".proposal-item__title a")[2]
    assert link["href"] == crossing.get_public_url()
    assert crossing.reference in item


def test_list_can_be_ordered_by_last_update(client, lists):
    soup = soup_of(client, lists["dialogue_list"] + "?ordning=uppdaterad")
    assert titles(soup) == ["Övergångsställe vid skolan", "Tätare bussar", "Bänkar vid ån"]


def test_list_counts_every_status_and_links_to_each(client, lists):
    soup = soup_of(client, lists["dialogue_list"])
    tally = {
        text_of(li.select_one(".status")): (text_of(li.select_one(".status-tally__count")), li.a)
        for li in soup.select(".status-tally li")
    }
    assert {label: count for label, (count, _) in tally.items()} == {
        "Mottaget": "1 förslag",
        "Längre planering": "1 förslag",
        "Genomfört": "1 förslag",
    }
    link = tally["Genomfört"][1]["href"]
    assert titles(soup_of(client, link)) == ["Bänkar vid ån"]


def test_filters_are_a_labelled_get_form(client, lists):
    soup = soup_of(client, lists["dialogue_list"])
    form = soup.select_one("form.proposal-filters")
    assert form["method"] == "get"
    assert form["action"] == lists["dialogue_list"]
    for name, label in (("status", "Status"), ("tema", "Tema"), ("ordning", "Sortera")):
        select = form.find("select", attrs={"name": name})
        assert text_of(form.find("label", attrs={"for": select["id"]})) == label
    assert text_of(form.find("button")) == "Filtrera"
    statuses = [
        text_of(o) for o in form.find("select", attrs={"name": "status"}).find_all("option")
    ]
    assert statuses == ["Alla statusar", *[label for _, label in Status.choices]]
    themes = [text_of(o) for o in form.find("select", attrs={"name": "tema"}).find_all("option")]
    assert themes[0] == "Alla teman" and len(themes) > 1


def test_filter_by_status_and_theme(client, lists):
    traffic = lists["themes"]["traffic"].pk
    url = lists["dialogue_list"]
    assert titles(soup_of(client, f"{url}?tema={traffic}")) == [
        "Tätare bussar",
        "Övergångsställe vid skolan",
    ]
    soup = soup_of(client, f"{url}?tema={traffic}&status=planned")
    assert titles(soup) == ["Övergångsställe vid skolan"]
    assert text_of(soup.find(id="list-heading")) == "1 förslag (filtrerat)"
    assert soup.find("option", attrs={"value": "planned", "selected": True})
    assert soup.find("a", string="Visa alla förslag")["href"] == url
    empty = soup_of(client, f"{url}?status=not_feasible")
    assert titles(empty) == []
    assert "Inga förslag matchar filtret." in text_of(empty.main)


@pytest.mark.parametrize(
    "query",
    [
        "status=bogus",
        "status=<script>alert(1)</script>",
        "tema=abc",
        "tema=99999999999999999999999",
        "tema=-1",
        "ordning=slumpvis",
        "status=done&status=x",  # the last value counts
        "tema=%00",
    ],
)
def test_invalid_filter_is_ignored_with_a_message(client, lists, query):
    response = client.get(f"{lists['dialogue_list']}?{query}")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert b"<script>alert" not in response.content
    errors = soup.select(".field-error")
    assert errors
    assert all(text_of(error).startswith("Det valet finns inte") for error in errors)
    select = soup.find("select", attrs={"aria-describedby": errors[0]["id"]})
    assert select is not None and select["aria-invalid"] == "true"
    assert len(titles(soup)) == 3  # the filter is left out, not the list


def test_village_list_shows_every_dialogue_of_the_village(client, lists):
    soup = soup_of(client, lists["place_list"])
    assert_page_frame(soup)
    assert len(titles(soup)) == 4
    items = {
        text_of(i.select_one(".proposal-item__title")): i for i in soup.select(".proposal-item")
    }
    assert "Dialog 2024" in text_of(items["Belysning vid badplatsen"])
    assert lists["dialogue"].title in text_of(items["Tätare bussar"])
    old = Proposal.objects.get(public_title="Belysning vid badplatsen")
    assert items["Belysning vid badplatsen"].a["href"] == old.get_public_url()
    crumbs = [text_of(c) for c in soup.select(".breadcrumbs li")]
    assert crumbs == ["Startsida", "Orter", "Läckeby", "Förslag"]
    nature = lists["themes"]["nature"].pk
    assert titles(soup_of(client, f"{lists['place_list']}?tema={nature}")) == [
        "Bänkar vid ån",
        "Belysning vid badplatsen",
    ]


def test_village_list_leaves_out_other_villages(client, lists):
    paryd = factories.place("Påryd")
    make.proposal(factories.dialogue(paryd, lists["round"]), title="Ny brygga i Påryd")
    assert "Ny brygga i Påryd" not in titles(soup_of(client, lists["place_list"]))
    assert titles(soup_of(client, paryd.url + "forslag/")) == ["Ny brygga i Påryd"]


@pytest.fixture
def many(site_tree):
    themes = [make.theme("Trafik"), make.theme("Natur")]
    make.bulk_public(site_tree["dialogue"], 45, themes)
    return site_tree["dialogue"].url + "forslag/"


def test_list_comes_twenty_to_a_page(client, many):
    pages = [soup_of(client, f"{many}?sida={n}") for n in (1, 2, 3)]
    assert [len(titles(page)) for page in pages] == [20, 20, 5]
    assert len({title for page in pages for title in titles(page)}) == 45
    assert "Sida 2 av 3" in text_of(pages[1].main)
    links = {text_of(a): a["href"] for a in pages[1].select(".pagination a")}
    assert links == {"Föregående sida": "?sida=1", "Nästa sida": "?sida=3"}
    assert pages[1].select_one(".proposal-list")["start"] == "21"


def test_pagination_keeps_the_filters(client, many, site_tree):
    soup = soup_of(client, f"{many}?status=received&ordning=uppdaterad")
    assert text_of(soup.find(id="list-heading")) == "6 förslag (filtrerat)"
    assert not soup.select(".pagination")
    themed = soup_of(client, f"{many}?tema={make.theme('Trafik').pk}")
    next_link = themed.select_one(".pagination a")["href"]
    assert "tema=" in next_link and "sida=2" in next_link


@pytest.mark.parametrize("number", ["abc", "9999", "0", "-1", "1e3", "", "2.5", "%00"])
def test_odd_page_numbers_show_the_first_page(client, many, number):
    soup = soup_of(client, f"{many}?sida={number}")
    assert len(titles(soup)) == 20
    assert "Sida 1 av 3" in text_of(soup.main)


# The links from the dialogue and the village


def test_dialogue_page_shows_counts_and_links_to_its_list(client, lists):
    soup = soup_of(client, lists["dialogue"].url)
    section = soup.find(id="proposals-heading").parent
    assert text_of(soup.find(id="proposals-heading")) == "Förslag och svar"
    assert "3 förslag är publicerade" in text_of(section)
    assert "Genomfört 1 förslag" in text_of(section)
    assert section.find("a", string="Se alla förslag och svar")["href"] == lists["dialogue_list"]


def test_village_page_links_to_the_village_list(client, lists):
    soup = soup_of(client, lists["place"].url)
    section = soup.find(id="proposals-heading").parent
    assert "4 förslag är publicerade" in text_of(section)
    link = section.find("a", string="Se alla förslag och svar från Läckeby")
    assert link["href"] == lists["place_list"]


def test_without_proposals_the_pages_say_so(client, site_tree):
    for url in (site_tree["dialogue"].url, site_tree["place"].url):
        section = soup_of(client, url).find(id="proposals-heading").parent
        assert "Inga förslag är publicerade ännu." in text_of(section)
    soup = soup_of(client, site_tree["dialogue"].url + "forslag/")
    assert text_of(soup.find(id="list-heading")) == "0 förslag"
    assert "Inga förslag är publicerade ännu." in text_of(soup.main)


def test_detail_page_has_the_page_frame_and_breadcrumbs(client, lists):
    crossing = Proposal.objects.get(public_title="Övergångsställe vid skolan")
    soup = soup_of(client, crossing.get_public_url())
    assert_page_frame(soup)
    assert text_of(soup.h1) == "Övergångsställe vid skolan"
    crumbs = soup.select(".breadcrumbs li")
    assert [text_of(c) for c in crumbs][-2:] == ["Förslag", crossing.reference]
    assert crumbs[-2].a["href"] == lists["dialogue_list"]
    facts = text_of(soup.select_one(".proposal-facts"))
    for text in ("Tema Trafik", "Plats Skolvägen vid idrottshallen", "via webbformuläret"):
        assert text in facts
    assert "Senast uppdaterad för 3 dagar sedan" in text_of(soup.select_one(".proposal-state"))
