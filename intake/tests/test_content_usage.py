"""Requests are case files, not content: Wagtail's "usage" reports never list them."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from wagtail.models import ReferenceIndex

from intake.tests.factories import HelpRequestFactory, LocalityFactory

pytestmark = pytest.mark.django_db


def test_a_localitys_usage_page_lists_no_requests(client, django_capture_on_commit_callbacks):
    reverse("wagtailadmin_home")  # the admin's viewsets are set up, as on a running server
    locality = LocalityFactory(name="Dębnik")
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail indexes after the commit
        help_request = HelpRequestFactory(locality=locality)
    client.force_login(User.objects.create_superuser("admin", "admin@gops.example.pl", "haslo-admina-1234"))

    page = client.get(reverse("wagtailsnippets_intake_locality:usage", args=[locality.pk]))

    assert page.status_code == 200
    assert help_request.reference not in page.content.decode()
    assert not ReferenceIndex.get_references_to(locality).exists()
