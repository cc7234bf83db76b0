import factory
import wagtail_factories

from intake import models


class LocalityFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Wieś {n}")

    class Meta:
        model = models.Locality
        django_get_or_create = ["name"]


class IntakeFormPageFactory(wagtail_factories.PageFactory):
    title = "Poproś o pomoc"
    slug = "popros-o-pomoc"
    intro = "<p>Poproś o wsparcie bez zakładania konta.</p>"
    privacy_clause = "<p>Administratorem danych jest ośrodek. Masz prawo dostępu do danych.</p>"
    confirmation_text = "<p>Pracownik socjalny skontaktuje się z tobą.</p>"

    class Meta:
        model = models.IntakeFormPage
