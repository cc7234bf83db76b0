"""A corrected phone number reaches the Ukrainian and English pages at once, without a translator."""

import pytest
from wagtail.models import Locale

from home.models import EmergencyNumber, StaffContact
from home.tests.factories import EmergencyNumberFactory

pytestmark = pytest.mark.django_db


def translate(snippet, language, **texts):
    translation = snippet.copy_for_translation(Locale.objects.get(language_code=language))
    for name, value in texts.items():
        setattr(translation, name, value)
    translation.save()
    return translation


def test_a_changed_helpline_number_is_shown_on_the_ukrainian_home_page_at_once(
    client, home_page, django_capture_on_commit_callbacks
):
    ukrainian = Locale.objects.get(language_code="uk")
    home_page.copy_for_translation(ukrainian).save_revision().publish()
    number = EmergencyNumberFactory(number="116 111", name="Telefon zaufania dla dzieci")
    translate(number, "uk", name="Телефон довіри для дітей")
    assert "116 111" in client.get("/uk/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        number.number = "116 123"
        number.save()

    page = client.get("/uk/").content.decode()
    assert 'href="tel:116123"' in page and "Телефон довіри для дітей" in page
    assert "116 111" not in page
    assert EmergencyNumber.objects.get(locale=ukrainian).number == "116 123"


def test_a_contacts_phone_is_copied_to_each_translation_and_its_texts_are_kept(home_page):
    contact = StaffContact.objects.create(name="Anna Nowak", role="Asystentka rodziny", phone="58 000 00 01")
    english = translate(contact, "en", role="Family assistant")
    ukrainian = translate(contact, "uk", role="Сімейна асистентка")

    contact.phone = "58 000 00 02"
    contact.save()

    for translation in (english, ukrainian):
        translation.refresh_from_db()
        assert translation.phone == "58 000 00 02"
    assert (english.role, ukrainian.role) == ("Family assistant", "Сімейна асистентка")


def test_a_translation_saved_alone_leaves_the_polish_contact_as_it_is(home_page):
    contact = StaffContact.objects.create(name="Anna Nowak", role="Asystentka rodziny", phone="58 000 00 01")
    english = translate(contact, "en", role="Family assistant")
    english.role = "Family assistant (mornings)"
    english.save()
    contact.refresh_from_db()
    assert (contact.role, contact.phone) == ("Asystentka rodziny", "58 000 00 01")
