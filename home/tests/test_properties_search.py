"""Property tests: whatever is typed into the site search, the page answers in Polish and stays whole."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from hypothesis import example, given
from hypothesis import strategies as st

from home.tests.factories import InformationPageFactory
from home.tests.html import text_of
from intake.tests import strategies as s

pytestmark = pytest.mark.django_db

LIVE_TITLES = [f"Asystent rodziny {n}" for n in range(12)]  # more than one page of results

query = st.one_of(
    s.text(),
    st.sampled_from(s.NASTY),
    s.long_text,
    st.builds(lambda before, after: f"{before}asystent{after}", s.text(5), s.text(5)),
)
one_or_several = lambda values: st.one_of(values, st.lists(values, min_size=2, max_size=3))  # noqa: E731


@pytest.fixture
def pages(home_page):
    for title in LIVE_TITLES:
        InformationPageFactory(parent=home_page, title=title, intro="Kim jest asystent rodziny.")
    InformationPageFactory(parent=home_page, title="Asystent – szkic").unpublish()
    return {page.url for page in home_page.get_children().live()}


@given(q=one_or_several(query), strona=one_or_several(s.posted_value))
@example(q="asystent", strona="2")
@example(q=["asystent", "Asystent  rodziny\x00"], strona=["2", "x"])
def test_any_query_and_page_number_gives_a_whole_polish_page(client, pages, q, strona):
    response = client.get("/szukaj/", {"q": q, "strona": strona})

    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    typed = s.last({"q": q}, "q")
    kept = s.as_search_text(typed, 200)
    assert page.find("input", id="search-page-q")["value"] == kept
    # The query is shown as text, never as markup: the only scripts are the site's own.
    assert all(script.get("src", "").startswith("/static/") for script in page.find_all("script"))
    summary = page.select_one(".search-summary")
    if not kept:
        assert summary is None
        return
    assert text_of(summary).startswith(("Znaleźliśmy", "Nie znaleźliśmy nic")), text_of(summary)
    found = [link["href"] for link in page.select(".card__title a")]
    assert set(found) <= pages, "a draft or foreign page was listed"
    assert len(found) <= 10
    # Moving to another page of results keeps the query.
    for link in page.select(".pagination a"):
        assert parse_qs(urlsplit(link["href"]).query)["q"] == [kept]
