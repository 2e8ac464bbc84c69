"""Search at /sok/: Swedish word forms find their page; drafts, other sites and junk do not."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from home.models import StandardPage
from tests.support import pages as factories
from tests.support import proposals as make
from tests.support.html import text_of
from tests.support.search import proposal_results, result_titles, search

pytestmark = pytest.mark.usefixtures("clear_cache")


@pytest.fixture
def content(site_tree):
    """A village, a page about the walk, and a page that mentions neither."""
    home = site_tree["home"]
    walk_page = factories.standard_page(
        home,
        title="Om förbättringsvandringen",
        slug="om-vandringen",
        intro="Följ med på en förbättringsvandring genom byn.",
        body=[("text", "<p>Vandringen börjar vid busshållplatsen och tar två timmar.</p>")],
    )
    other = factories.standard_page(
        home,
        title="Personuppgifter",
        slug="personuppgifter",
        intro="Så behandlar vi dina uppgifter.",
    )
    return {**site_tree, "walk_page": walk_page, "other": other}


# Swedish word forms


@pytest.mark.parametrize(
    "query",
    [
        "vandring",
        "vandringen",  # the text says "Vandringen": same form
        "vandringar",  # plural, a form that is not in the text
        "förbättringsvandringar",  # the text says "förbättringsvandring" and "-vandringen"
        "Förbättringsvandring",
        "busshållplats",  # the text says "busshållplatsen"
        "busshållplatser",
    ],
)
def test_inflected_swedish_word_finds_the_page(client, content, query):
    soup = search(client, {"q": query})
    assert "Om förbättringsvandringen" in result_titles(soup)
    assert "Personuppgifter" not in result_titles(soup)


@pytest.mark.parametrize("query", ["läckeby", "LÄCKEBY", "Läckebys"])
def test_village_is_found_by_its_name_in_any_case_and_the_genitive(client, content, query):
    soup = search(client, {"q": query})
    titles = result_titles(soup)
    assert "Läckeby" in titles
    result = soup.select(".search-result")[titles.index("Läckeby")]
    assert text_of(result.select_one(".search-result__type")) == "Ort"
    assert "Läckeby är en ort norr om staden." in text_of(result)
    assert result.find("a", href=content["place"].url)


def test_every_word_must_match(client, content):
    assert "Om förbättringsvandringen" in result_titles(search(client, {"q": "vandring timmar"}))
    assert result_titles(search(client, {"q": "vandring cykelväg"})) == []


def test_result_shows_type_and_snippet(client, content):
    soup = search(client, {"q": "vandringar"})
    result = soup.select(".search-result")[0]
    assert text_of(result.select_one(".search-result__type")) == "Standardsida"
    assert "Följ med på en förbättringsvandring genom byn." in text_of(result)
    assert "1 träff för ”vandringar”" in text_of(soup.find("main"))


def test_dialogue_is_found_with_its_type(client, content):
    soup = search(client, {"q": "utvecklingsdialogen"})
    results = soup.select(".search-result")
    types = {
        text_of(r.select_one(".search-result__title")): text_of(
            r.select_one(".search-result__type")
        )
        for r in results
    }
    assert types.get(content["dialogue"].title) == "Dialog"
    assert content["dialogue"].title.startswith("Läckeby: ")


def test_word_nobody_wrote_finds_nothing_and_says_so(client, content):
    soup = search(client, {"q": "skidbacke"})
    assert result_titles(soup) == []
    main = text_of(soup.find("main"))
    assert "Inga träffar för ”skidbacke”" in main
    assert soup.find("a", href="/orter/")


# What must not be found


def test_draft_page_is_not_found(client, content):
    factories.standard_page(
        content["home"],
        title="Hemlig plan",
        slug="hemlig-plan",
        intro="Fyrvaktarbostaden.",
        live=False,
    )
    assert result_titles(search(client, {"q": "fyrvaktarbostaden"})) == []


def test_unpublished_page_is_no_longer_found(client, content):
    assert result_titles(search(client, {"q": "vandringar"})) == ["Om förbättringsvandringen"]
    content["walk_page"].unpublish()
    assert result_titles(search(client, {"q": "vandringar"})) == []


def test_unpublished_changes_are_not_found(client, content):
    page = StandardPage.objects.get(pk=content["other"].pk)
    page.intro = "Nu med badbryggan."
    page.save_revision()  # a draft: the live page still has the old intro
    assert result_titles(search(client, {"q": "badbryggan"})) == []
    page.save_revision().publish()
    assert result_titles(search(client, {"q": "badbryggan"})) == ["Personuppgifter"]


def test_page_of_another_site_is_not_found(client, content):
    other_home = factories.other_site("annan.example.org")
    factories.standard_page(
        other_home, title="Fyren", slug="fyren", intro="Fyrvaktarbostaden är öppen."
    )
    assert result_titles(search(client, {"q": "fyrvaktarbostaden"})) == []
    # On its own site the same page is found: it is indexed, just not ours.
    assert result_titles(search(client, {"q": "fyrvaktarbostaden"}, host="annan.example.org")) == [
        "Fyren"
    ]


# Empty and junk queries


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   "}])
def test_empty_query_shows_a_helpful_page(client, content, params):
    soup = search(client, params)
    assert soup.select(".search-result") == []
    assert "Skriv vad du letar efter" in text_of(soup.find("main"))
    assert soup.find("input", attrs={"name": "q"})


@pytest.mark.parametrize(
    "query",
    [
        '"*)(',
        "AND OR NOT",
        "'; DROP TABLE wagtailcore_page; --",
        "x" * 5000,
        "vandring " * 1000,
        "🏡🌲",
        "läckeby 🏡",
        "läckeby\x00",
        "a",
        "NEAR(läckeby vandring)",
        "title:läckeby",
        "läck*",
        "-läckeby",
        '"läckeby',
        "%_\\",
        "<script>alert(1)</script>",
    ],
)
def test_junk_query_answers_200(client, content, query):
    soup = search(client, {"q": query})
    assert len(soup.find_all("h1")) == 1


def test_query_with_only_symbols_asks_for_words(client, content):
    soup = search(client, {"q": '"*)('})
    assert "Skriv ett eller flera ord" in text_of(soup.find("main"))


def test_query_is_shown_escaped(client, content):
    response = client.get("/sok/", {"q": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content
    assert b"&lt;script&gt;" in response.content


def test_sql_looking_query_leaves_the_pages_alone(client, content):
    search(client, {"q": "'; DROP TABLE wagtailcore_page; --"})
    village, dialogue = content["place"].title, content["dialogue"].title
    assert result_titles(search(client, {"q": "läckeby"})) == [village, dialogue]


def test_query_given_twice_uses_one_of_them(client, content):
    response = client.get("/sok/?q=skidbacke&q=läckeby")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert result_titles(soup) in ([], ["Läckeby", content["dialogue"].title])


@pytest.fixture
def many_matches(content):
    for n in range(12):
        factories.standard_page(
            content["home"],
            title=f"Cykelväg {n:02}",
            slug=f"cykelvag-{n:02}",
            intro="Om cykelvägen.",
        )


def test_results_come_ten_to_a_page(client, many_matches):
    first = search(client, {"q": "cykelvägar"})
    second = search(client, {"q": "cykelvägar", "sida": "2"})
    assert len(result_titles(first)) == 10
    assert len(result_titles(second)) == 2
    assert set(result_titles(first)).isdisjoint(result_titles(second))
    assert "Sida 2 av 2" in text_of(second.find("main"))
    assert second.find("a", string="Föregående sida")


@pytest.mark.parametrize("page_number", ["abc", "9999", "0", "-1", "1e3", "", "2.5"])
def test_odd_page_numbers_show_the_first_page(client, many_matches, page_number):
    soup = search(client, {"q": "cykelvägar", "sida": page_number})
    assert len(result_titles(soup)) == 10
    assert "Sida 1 av 2" in text_of(soup.find("main"))


def test_password_protected_page_is_not_found(client, content):
    PageViewRestriction.objects.create(
        page=content["walk_page"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert result_titles(search(client, {"q": "vandringar"})) == []


# Public proposals


@pytest.fixture
def proposals(content):
    from rounds.models.proposals import Visibility
    from rounds.proposals import services

    dialogue = content["dialogue"]
    public = make.proposal(
        dialogue,
        title="Farthinder vid skolan",
        body="Bilarna kör för fort förbi skolgården på morgonen.",
        location="Skolvägen",
        name="Karin Lindqvist",
        email="karin@example.org",
        phone="070-123 45 67",
    )
    redacted = make.proposal(
        dialogue,
        visibility=Visibility.PENDING,
        title="Karins granne Olle kör för fort",
        body="Olle Svensson på Ekvägen 4 kör alltid för fort.",
        location="Ekvägen",
    )
    services.publish(
        redacted,
        public_title="Fartkontroller på Ekvägen",
        public_body="Många kör för fort på Ekvägen.",
    )
    make.proposal(dialogue, visibility=Visibility.PENDING, title="Farthinder vid kiosken")
    make.proposal(dialogue, visibility=Visibility.HIDDEN, title="Farthinder vid macken")
    return {**content, "public": public, "redacted": redacted}


def test_public_proposal_is_found_with_its_type_snippet_and_link(client, proposals):
    soup = search(client, {"q": "farthinder"})
    assert proposal_results(soup) == ["Läckeby: Farthinder vid skolan"]
    result = soup.select_one(".search-result--proposal")
    proposal = proposals["public"]
    assert text_of(result.select_one(".search-result__type")) == f"Förslag {proposal.reference}"
    assert "Bilarna kör för fort förbi skolgården" in text_of(result)
    assert "Status: Mottaget" in text_of(result)
    assert result.find("a")["href"] == proposal.get_public_url()
    assert "1 förslag för ”farthinder”" in text_of(soup.find("main"))


@pytest.mark.parametrize("query", ["Farthinder", "skolgårdens", "bilar", "skolvägen"])
def test_proposal_is_found_by_word_forms_of_its_public_text_and_place(client, proposals, query):
    assert proposal_results(search(client, {"q": query})) == ["Läckeby: Farthinder vid skolan"]


@pytest.mark.parametrize(
    "query",
    ["kiosken", "macken", "Karin", "Lindqvist", "karin@example.org", "070", "Olle", "Svensson"],
)
def test_pending_hidden_personal_and_redacted_text_is_not_found(client, proposals, query):
    soup = search(client, {"q": query})
    assert proposal_results(soup) == []


def test_redacted_proposal_is_found_by_its_public_text(client, proposals):
    assert proposal_results(search(client, {"q": "fartkontroller ekvägen"})) == [
        "Läckeby: Fartkontroller på Ekvägen"
    ]


def test_pages_and_proposals_are_shown_in_two_groups(client, proposals):
    make.proposal(proposals["dialogue"], title="Förbättringsvandringen borde gå förbi ån")
    soup = search(client, {"q": "förbättringsvandring"})
    headings = [text_of(h) for h in soup.select("main h2")]
    assert headings == [
        "1 träff för ”förbättringsvandring”",
        "1 förslag för ”förbättringsvandring”",
    ]
    assert result_titles(soup) == [
        "Om förbättringsvandringen",
        "Läckeby: Förbättringsvandringen borde gå förbi ån",
    ]


def test_proposal_of_another_site_is_not_found(client, proposals):
    from places.models import PlacePage

    other_home = factories.other_site("annan.example.org")
    village = other_home.add_child(instance=PlacePage(title="Annanby", intro="En by."))
    make.proposal(factories.dialogue(village, proposals["round"]), title="Fyrvaktarbostaden")
    assert proposal_results(search(client, {"q": "fyrvaktarbostaden"})) == []
    assert proposal_results(
        search(client, {"q": "fyrvaktarbostaden"}, host="annan.example.org")
    ) == ["Annanby: Fyrvaktarbostaden"]


def test_proposal_results_come_ten_to_a_page_of_their_own(client, many_matches, site_tree):
    for n in range(12):
        make.proposal(site_tree["dialogue"], title=f"Cykelväg till skolan {n:02}")
    first = search(client, {"q": "cykelvägar"})
    assert len(proposal_results(first)) == 10
    assert len(result_titles(first)) == 20  # ten pages and ten proposals
    second = search(client, {"q": "cykelvägar", "forslagssida": "2"})
    assert len(proposal_results(second)) == 2
    assert set(proposal_results(first)).isdisjoint(proposal_results(second))
    # The pages keep their own page number.
    both = search(client, {"q": "cykelvägar", "sida": "2", "forslagssida": "2"})
    assert len(result_titles(both)) == 4
    links = [a["href"] for a in both.select(".pagination a")]
    assert all("q=cykelv" in link for link in links)
    assert any("sida=1" in link and "forslagssida=2" in link for link in links)


def test_an_event_is_found_by_its_own_words(client, site_tree):
    """Residents search for what an event offers; it is written on the event, not the page."""
    dialogue = site_tree["dialogue"]
    walk = dialogue.events.get(kind="walk")
    walk.childcare_offered = True
    walk.accessibility_notes = "Hörslinga finns i samlingssalen."
    walk.save()
    dialogue.save_revision().publish()

    for query in ("barnpassning", "hörslinga"):
        assert dialogue.title in result_titles(search(client, {"q": query})), query
    assert dialogue.title not in result_titles(search(client, {"q": "simhall"}))
