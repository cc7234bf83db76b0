"""Finding English on a page that should be Polish, measured against the translation catalogues.

A word counts as English when it occurs in the English source strings (msgids) of the
catalogues the admin is built from — Django's, Wagtail's and ours, in their Polish
folders — and in none of their Polish translations (msgstrs). "the", "there", "display",
"why" are English; "na", "to", "do", "a" are not (Polish uses them too), nor is
anything the catalogues do not know, such as a name, a place or a reference, nor any
word with a letter outside ASCII.

A piece of text (a text node, or an attribute a person reads: title, aria-label,
placeholder, alt) is English when it has two English words in a row, or when every
word in it is English. "There are no zgłoszenia to display" is caught by "there are
no"; a lone "Redo" by the second rule. Python's own True, False and None, which leak
into pages as values printed as they are ("Pilne: True"), count as English anywhere.
Keys in <kbd> and scripts are not read.

This cannot pass vacuously: `polish_words` counts the words recognised as Polish, and
the tests require a page to have many, and require the English admin to be caught.
"""

import itertools
import re
from functools import cache
from pathlib import Path

import django
import polib
import wagtail
from bs4 import BeautifulSoup, Comment

ROOT = Path(__file__).resolve().parents[2]
READ_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "aria-description")
SKIPPED_ELEMENTS = ("script", "style", "kbd")
_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
# Placeholders and markup in catalogue strings are not words of either language.
_PYTHON_VALUES = re.compile(r"\b(True|False|None)\b")
# Nor is a request's reference (intake/references.py), whose random letters can spell a word ("WERE-R7P3").
_NOT_TEXT = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\{?[^}]*\}?\}|<[^>]+>|&\w+;|\b[A-Z0-9]{4}-[A-Z0-9]{4}\b")


def _words(text):
    return [word.lower() for word in _WORD.findall(_NOT_TEXT.sub(" ", text))]


@cache
def vocabularies():
    """(English-only words, Polish words) from every Polish catalogue of Django, Wagtail and the project."""
    catalogues = [ROOT / "locale" / "pl" / "LC_MESSAGES" / "django.po"]
    for package in (django, wagtail):
        catalogues += sorted(Path(package.__file__).parent.glob("**/locale/pl/LC_MESSAGES/*.po"))
    english, polish = set(), set()
    for path in catalogues:
        for entry in polib.pofile(str(path)):
            english.update(_words(entry.msgid) + _words(entry.msgid_plural or ""))
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                polish.update(_words(text))
    # English is written without diacritics: a Polish name in an English msgid ("Primary
    # School in Przykładowo") is not an English word.
    return frozenset(word for word in english - polish if word.isascii()), frozenset(polish)


def texts(html):
    """What a person reads or hears on the page: text nodes and the attributes read out."""
    page = BeautifulSoup(html, "html.parser")
    for element in page(SKIPPED_ELEMENTS):
        element.decompose()
    for comment in page.find_all(string=lambda node: isinstance(node, Comment)):
        comment.extract()
    found = [" ".join(node.split()) for node in page.find_all(string=True)]
    for element in page.find_all(True):
        found += [" ".join(element[name].split()) for name in READ_ATTRIBUTES if element.get(name)]
    return [text for text in found if text]


def is_english(text):
    english, _polish = vocabularies()
    words = _words(text)
    flags = [word in english for word in words]
    two_in_a_row = any(first and second for first, second in itertools.pairwise(flags))
    return (bool(words) and (two_in_a_row or all(flags))) or bool(_PYTHON_VALUES.search(text))


def english_on(html):
    return sorted({text for text in texts(html) if is_english(text)})


def polish_words(html):
    _english, polish = vocabularies()
    return sum(1 for text in texts(html) for word in _words(text) if word in polish)
