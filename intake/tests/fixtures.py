import pytest

from home.tests.factories import EmergencyNumberFactory
from intake.tests.factories import IntakeFormPageFactory, LocalityFactory


@pytest.fixture
def intake_page(home_page, settings):
    settings.INTAKE_MIN_FILL_SECONDS = 0
    EmergencyNumberFactory(number="112", name="Numer alarmowy")
    return IntakeFormPageFactory(parent=home_page)


@pytest.fixture
def locality(db):
    return LocalityFactory(name="Dębnik")


@pytest.fixture
def coordinator(db):
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("koordynator", "koordynator@gops.example.pl", "haslo-koordynatora-123")
    user.groups.add(Group.objects.get(name="Koordynatorzy"))
    return user
