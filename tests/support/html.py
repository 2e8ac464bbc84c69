"""Reading responses as a resident would: parsed HTML and its visible text."""

from bs4 import BeautifulSoup


def soup(response):
    """The response's HTML, parsed."""
    return BeautifulSoup(response.content, "html.parser")


def soup_of(client, url, data=None, status=200):
    """GET `url` (with the query `data`), check the status, and return the parsed page."""
    response = client.get(url, data)
    assert response.status_code == status, f"{url} answered {response.status_code}"
    return soup(response)


def text_of(node):
    """The node's text as it reads on screen, whitespace folded."""
    return " ".join(node.get_text(" ", strip=True).split())


def text(response):
    """The whole response's text as it reads on screen, whitespace folded."""
    return text_of(soup(response))


def error_summary(response):
    """The text of the form's error summary (the box at the top listing every mistake)."""
    return text_of(soup(response).find(attrs={"data-error-summary": True}))


def assert_page_frame(page):
    """Every page: Swedish, one main landmark, one h1, and a skip link to the main content."""
    assert page.html["lang"] == "sv"
    mains = page.find_all("main")
    assert len(mains) == 1
    assert mains[0]["id"] == "main"
    assert len(page.find_all("h1")) == 1
    first_link = page.body.find("a")
    assert first_link["href"] == "#main"
    assert "huvudinnehållet" in text_of(first_link)
