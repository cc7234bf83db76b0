import datetime

import factory
import wagtail_factories
from wagtail.rich_text import RichText

from home import models


def paragraph(text):
    return ("paragraph", RichText(f"<p>{text}</p>"))


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Strona główna ośrodka"
    intro = "Pomagamy rodzinom z dziećmi."

    class Meta:
        model = models.HomePage


class SectionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Dział {n}")
    intro = "Wprowadzenie do działu."
    show_in_menus = True

    class Meta:
        model = models.SectionPage


class InformationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Informacja {n}")
    intro = "Krótki wstęp."
    body = factory.LazyFunction(lambda: [paragraph("Treść strony informacyjnej.")])

    class Meta:
        model = models.InformationPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Aktualności"
    slug = "aktualnosci"
    show_in_menus = True

    class Meta:
        model = models.NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Wiadomość {n}")
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    intro = "Wiadomość z ośrodka."
    body = factory.LazyFunction(lambda: [paragraph("Treść wiadomości.")])

    class Meta:
        model = models.NewsPage


class ContactPageFactory(wagtail_factories.PageFactory):
    title = "Kontakt"
    slug = "kontakt"

    class Meta:
        model = models.ContactPage


class AccessibilityStatementPageFactory(wagtail_factories.PageFactory):
    title = "Deklaracja dostępności"
    slug = "deklaracja-dostepnosci"
    entity_name = "Gminny Ośrodek Pomocy Społecznej w Testowie"
    site_url = "https://gops.example.pl"
    publication_date = datetime.date(2026, 3, 2)
    update_date = datetime.date(2026, 11, 2)
    status = "partial"
    non_accessible_content = "<p>Niektóre skany dokumentów nie mają warstwy tekstowej.</p>"
    prepared_date = datetime.date(2026, 3, 31)
    contact_person = "Jan Testowy"
    contact_email = "dostepnosc@gops.example.pl"
    contact_phone = "58 000 00 00"
    architecture = "<p>Wejście do budynku jest bez schodów.</p>"
    communication = "<p>Możesz przyjść z tłumaczem PJM.</p>"

    class Meta:
        model = models.AccessibilityStatementPage


class EmergencyNumberFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Telefon zaufania {n}")
    number = factory.Sequence(lambda n: f"800 000 {n:03d}")
    availability = "całą dobę"
    last_checked = datetime.date(2026, 11, 2)

    class Meta:
        model = models.EmergencyNumber


class StaffContactFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Osoba Przykładowa {n}")
    role = "asystentka rodziny"
    phone = "58 000 00 01"
    email = factory.Sequence(lambda n: f"osoba{n}@gops.example.pl")

    class Meta:
        model = models.StaffContact
