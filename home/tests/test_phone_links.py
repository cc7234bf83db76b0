"""Wherever the centre's own phone numbers are shown, a phone dials them with one tap (tel: links).

Polish nine-digit numbers are dialled as +48…, so that a phone with a foreign SIM card reaches them too.
"""

import re

import pytest
from wagtail.models import Site

from home.models import CentreSettings, StaffContact
from home.models.snippets import tel_href
from home.tests.demo_paths import DEMO_PATHS, EN_PATHS, UK_PATHS
from home.tests.demo_walk import load_demo, request_pages
from home.tests.html import soup

pytestmark = pytest.mark.django_db

TEL = re.compile(r"^tel:\+?\d+$")


def centre_numbers():
    centre = CentreSettings.for_site(Site.objects.get(is_default_site=True))
    numbers = {centre.phone, centre.phone_secondary, centre.dpo_phone}
    numbers |= set(StaffContact.objects.values_list("phone", flat=True))
    return {number for number in numbers if number}


def numbers_not_linked(doc, numbers):
    """Each shown number that is not the text of a tel: link dialling exactly it."""
    found = []
    for text in doc.body.find_all(string=True):
        for number in numbers:
            if number not in text:
                continue
            link = text.find_parent("a")
            if link is None or link.get("href") != tel_href(number):
                found.append(f"{number} in “{' '.join(text.split())[:60]}”")
    return found


def test_the_centres_phones_are_tel_links_on_every_page_and_the_confirmation(client, settings):
    load_demo()
    numbers = centre_numbers()
    assert len(numbers) >= 3
    pages = {path: client.get(path) for path in [*DEMO_PATHS, *UK_PATHS, *EN_PATHS]}
    pages.update(request_pages(client, settings))

    not_linked, bad_links = {}, {}
    for name, response in pages.items():
        doc = soup(response)
        if found := numbers_not_linked(doc, numbers):
            not_linked[name] = found
        bad = [a["href"] for a in doc.select("a[href^='tel:']") if not TEL.match(a["href"])]
        if bad:
            bad_links[name] = bad
    assert not_linked == {}
    assert bad_links == {}


def test_a_polish_number_is_dialled_in_its_international_form_and_a_short_one_as_it_is():
    assert tel_href("58 000 00 00") == "tel:+48580000000"
    assert tel_href("+48 58 000 00 00") == "tel:+48580000000"
    assert tel_href("116 111") == "tel:116111"
    assert tel_href("112") == "tel:112"
