"""The static error pages speak Polish, Ukrainian and English on one page, each block in its own language.

They are shown without the database, the session or the templates' context (a server
error, a database away, a body too large, a form past its security check), so the
address's language cannot choose one: every page carries all three, Polish first.
"""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string

ROOT = Path(__file__).resolve().parents[2]
STATIC_PAGES = ["400.html", "400_too_many_fields.html", "403_csrf.html", "413.html", "500.html", "503.html"]
HOME = {"pl": "/", "uk": "/uk/", "en": "/en/"}
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
POLISH_LETTERS = re.compile(r"[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")


def text_of(node):
    return " ".join(node.get_text(" ").split())


@pytest.mark.parametrize("name", STATIC_PAGES)
def test_each_static_page_has_a_polish_a_ukrainian_and_an_english_block(name):
    html = render_to_string(name)
    assert "{%" not in html and "{{" not in html
    doc = BeautifulSoup(html, "html.parser")
    assert doc.html["lang"] == "pl"
    blocks = doc.select("main > section[lang]")
    assert [block["lang"] for block in blocks] == ["pl", "uk", "en"]
    assert [block["id"] for block in blocks] == ["pl", "uk", "en"]
    # One h1, the Polish one; the translations under it.
    assert [heading.name for block in blocks for heading in block.find_all(["h1", "h2"])] == ["h1", "h2", "h2"]
    for block in blocks:
        assert block.find("a", href="tel:112") is not None, block["lang"]
        assert text_of(block.find(["h1", "h2"]))
        assert len(block.find_all("p")) >= 3, block["lang"]
    polish, ukrainian, english = (text_of(block) for block in blocks)
    assert POLISH_LETTERS.search(polish) and not CYRILLIC.search(polish)
    assert CYRILLIC.search(ukrainian) and not POLISH_LETTERS.search(ukrainian)
    assert english.isascii() or set(english) - set(map(chr, range(128))) <= {"’"}
    assert not CYRILLIC.search(english) and not POLISH_LETTERS.search(english)
    # On a phone the Polish block fills the screen: the other languages are one tap away, each named in itself.
    jumps = {link["href"]: link.get("lang") for link in doc.select("main > p a[href^='#']")}
    assert jumps == {"#uk": "uk", "#en": "en"}
    # Each block's way back stays in its language.
    for block in blocks[1:]:
        assert [a["href"] for a in block.select("a:not([href^='tel:'])")] == [HOME[block["lang"]]]


def test_the_polish_words_the_bench_and_proxy_look_for_are_kept():
    # bench/intake_client.py recognises the 503 page by its heading; tests of the limits by theirs.
    assert "<h1>Strona chwilowo nie działa</h1>" in render_to_string("503.html")
    assert "<h1>Nie udało się przyjąć tylu danych</h1>" in render_to_string("413.html")


def test_nginx_answers_a_body_too_large_with_the_apps_own_page():
    conf = (ROOT / "deploy" / "nginx" / "portal-locations.conf").read_text()
    body = re.search(r"location @portal_too_large \{.*?return 413 '(.*?)';", conf, re.S).group(1)
    page = "\n".join(line for line in render_to_string("413.html").splitlines() if line.strip())
    assert "\n".join(line for line in body.splitlines() if line.strip()) == page
