"""Reading responses as a user would: the parsed page, not raw strings."""

from bs4 import BeautifulSoup


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def text_of(node):
    return " ".join(node.get_text(" ").split())
