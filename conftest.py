"""Shared by every app's tests."""

import pytest
from django.test.client import ClientMixin

# Fixtures every app's tests use (pages, settings, the request form page, localities, Redis).
pytest_plugins = ["home.tests.fixtures", "intake.tests.fixtures", "portal.tests.redis_server"]


@pytest.fixture(autouse=True, scope="session")
def force_login_includes_the_second_factor():
    """`client.force_login(user)` skips the password; here it also skips the phone code.

    Tests of the log-in itself (portal/tests/test_staff_login.py) go through both
    steps for real; every other test starts from a staff member fully logged in.
    """
    original = ClientMixin.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
            user=user, name="test", confirmed=True
        )
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()

    ClientMixin.force_login = force_login
    yield
    ClientMixin.force_login = original


@pytest.fixture(autouse=True)
def fresh_shared_cache():
    """Each test starts with an empty shared cache (portal/cache.py): no page, version or count left over."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def site_language():
    """Each test starts in the site's language: a page served under /uk/ or /en/ leaves its
    language active in the test's thread, as Django's LocaleMiddleware never switches back."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()
