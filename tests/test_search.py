"""Search at /sok/: Swedish word forms find their page; drafts, other sites and junk do not."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from home.models import StandardPage
from tests import factories

pytestmark = pytest.mark.usefixtures("clear_cache")


def search(client, params, host=None):
    extra = {"HTTP_HOST": host} if host else {}
    response = client.get("/sok/", params, **extra)
    assert response.status_code == 200, f"{params!r} answered {response.status_code}"
    return BeautifulSoup(response.content, "html.parser")


def text_of(node):
    return " ".join(node.get_text(" ", strip=True).split())


def result_titles(soup):
    return [text_of(title) for title in soup.select(".search-result__title")]


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
    assert types.get(f"Läckeby: {content['dialogue'].title}") == "Dialog"


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
    assert result_titles(search(client, {"q": "läckeby"})) == ["Läckeby"]


def test_query_given_twice_uses_one_of_them(client, content):
    response = client.get("/sok/?q=skidbacke&q=läckeby")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert result_titles(soup) in ([], ["Läckeby"])


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
