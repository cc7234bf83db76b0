import pytest
from wagtail.models import Locale, Page, Site

from home.models import CentreSettings
from home.tests.factories import HomePageFactory


@pytest.fixture
def home_page(db):
    """A Polish home page at the root of the default site, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    Locale.objects.get_or_create(language_code="pl")
    # Deleting the welcome page also removes the default site that points at it.
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=root, slug="home")
    Site.objects.create(hostname="localhost", port=80, root_page=home, site_name="GOPS", is_default_site=True)
    return home


@pytest.fixture
def centre_settings(home_page):
    site = Site.objects.get(is_default_site=True)
    settings = CentreSettings.for_site(site)
    settings.name = "Gminny Ośrodek Pomocy Społecznej w Testowie"
    settings.short_name = "GOPS Testowo"
    settings.street_address = "ul. Lipowa 5"
    settings.postal_code = "84-100"
    settings.city = "Testowo"
    settings.phone = "58 000 00 00"
    settings.email = "sekretariat@gops.example.pl"
    settings.office_hours = "poniedziałek 8:00–16:00\nwtorek–piątek 7:30–15:30"
    settings.bip_url = "https://bip.gops.example.pl"
    settings.dpo_name = "Inspektor Testowy"
    settings.dpo_email = "iod@gops.example.pl"
    settings.save()
    return settings
