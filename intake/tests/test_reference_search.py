"""The list's search box: a whole reference is looked up directly, a fragment still finds it."""

import pytest
from django.urls import reverse

from intake.references import is_complete, normalise
from intake.tests.factories import HelpRequestFactory

pytestmark = pytest.mark.django_db


def search_page(client, query):
    return client.get(reverse("requests:index"), {"q": query}).content.decode()


def test_a_whole_reference_is_found_however_it_is_typed(client, coordinator):
    wanted, other = HelpRequestFactory(), HelpRequestFactory()
    client.force_login(coordinator)
    for typed in (
        wanted.reference,
        wanted.reference.lower(),
        wanted.reference.replace("-", " "),
        wanted.reference.replace("-", ""),
    ):
        page = search_page(client, typed)
        assert wanted.reference in page and other.reference not in page, typed


def test_a_fragment_of_a_reference_still_finds_it(client, coordinator):
    wanted = HelpRequestFactory()
    client.force_login(coordinator)
    assert wanted.reference in search_page(client, wanted.reference[5:])


def test_only_all_eight_characters_make_a_whole_reference():
    assert is_complete(normalise("abcd efgh"))
    assert not is_complete(normalise("abcd-efg"))
    assert not is_complete(normalise("abcd-efgh-j"))
    assert not is_complete("")
