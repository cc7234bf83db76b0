import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from wagtail.models import Locale, Page, Site

from home.models import CentreProfile, CentreSettings
from home.tests.factories import HomePageFactory

# Property tests (test_properties_*.py) run the same examples every time and write
# nothing to .hypothesis/. Every request in an example goes through the whole stack,
# so the default profile is sized for CI; HYPOTHESIS_PROFILE=thorough digs deeper.
# The intake and portal conftests import this module, so every app shares the profiles.
_PROFILE = {
    "derandomize": True,
    "deadline": None,
    "database": None,
    # The database and client fixtures are set up once per test and shared by its examples on purpose.
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
# Hypothesis still keeps caches (Unicode tables, constants from the source): outside the repository.
os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", str(Path(tempfile.gettempdir()) / "portal-hypothesis"))
hypothesis_settings.register_profile("portal", max_examples=20, **_PROFILE)
hypothesis_settings.register_profile("thorough", max_examples=500, **_PROFILE)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "portal"))


@pytest.fixture
def home_page(db):
    """A Polish home page at the root of the default site, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    Locale.objects.get_or_create(language_code="pl")
    # Deleting the welcome page also removes the default site that points at it.
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=root, slug="home")
    # The test client's host: pages are kept only under their Site's own host name.
    Site.objects.create(hostname="testserver", port=80, root_page=home, site_name="GOPS", is_default_site=True)
    return home


@pytest.fixture
def centre_settings(home_page):
    site = Site.objects.get(is_default_site=True)
    CentreProfile.objects.create(
        site=site,
        locale=Locale.get_default(),
        name="Gminny Ośrodek Pomocy Społecznej w Testowie",
        short_name="GOPS Testowo",
        office_hours="poniedziałek 8:00–16:00\nwtorek–piątek 7:30–15:30",
    )
    settings = CentreSettings.for_site(site)
    settings.street_address = "ul. Lipowa 5"
    settings.postal_code = "84-100"
    settings.city = "Testowo"
    settings.phone = "58 000 00 00"
    settings.email = "sekretariat@gops.example.pl"
    settings.bip_url = "https://bip.gops.example.pl"
    settings.dpo_name = "Inspektor Testowy"
    settings.dpo_email = "iod@gops.example.pl"
    settings.save()
    return settings
