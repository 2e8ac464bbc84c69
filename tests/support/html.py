"""Reading responses as a resident would: parsed HTML and its visible text."""

from bs4 import BeautifulSoup


def soup_of(client, url, status=200):
    """GET `url`, check the status, and return the parsed page."""
    response = client.get(url)
    assert response.status_code == status, f"{url} answered {response.status_code}"
    return BeautifulSoup(response.content, "html.parser")


def text_of(node):
    """The node's text as it reads on screen, whitespace folded."""
    return " ".join(node.get_text(" ", strip=True).split())
