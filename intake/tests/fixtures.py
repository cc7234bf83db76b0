import pytest
from wagtail.models import Locale

from home.tests.factories import EmergencyNumberFactory
from intake.tests.factories import IntakeFormPageFactory, LocalityFactory


@pytest.fixture
def intake_page(home_page, settings):
    settings.INTAKE_MIN_FILL_SECONDS = 0
    EmergencyNumberFactory(number="112", name="Numer alarmowy")
    return IntakeFormPageFactory(parent=home_page)


# The editors' texts of the request form page in each language, as a translator would write them.
TRANSLATED_PAGE = {
    "uk": {
        "title": "Попросити про допомогу",
        "intro": "<p>Попросіть про підтримку без створення облікового запису.</p>",
        "privacy_clause": "<p>Адміністратор даних — центр. Ви маєте право доступу до своїх даних.</p>",
        "confirmation_text": "<p>Соціальний працівник зв’яжеться з вами.</p>",
    },
    "en": {
        "title": "Ask for help",
        "intro": "<p>Ask for support without creating an account.</p>",
        "privacy_clause": "<p>The centre is the controller of your data. You have the right to access it.</p>",
        "confirmation_text": "<p>A social worker will contact you.</p>",
    },
}


@pytest.fixture
def translated_intake_page(intake_page):
    """The request form page translated into `language` and published (the home page too), as an editor would.

    The slug stays the page's own: /uk/popros-o-pomoc/, /en/popros-o-pomoc/.
    """

    def translate(language):
        locale = Locale.objects.get(language_code=language)
        home = intake_page.get_parent().specific
        if not home.has_translation(locale):
            home.copy_for_translation(locale).save_revision().publish()
        page = intake_page.copy_for_translation(locale)
        for name, value in TRANSLATED_PAGE[language].items():
            setattr(page, name, value)
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    return translate


@pytest.fixture
def locality(db):
    return LocalityFactory(name="Dębnik")


@pytest.fixture
def coordinator(db):
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("koordynator", "koordynator@gops.example.pl", "haslo-koordynatora-123")
    user.groups.add(Group.objects.get(name="Koordynatorzy"))
    return user
