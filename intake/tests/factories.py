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


class HelpRequestFactory(factory.django.DjangoModelFactory):
    """A request saved the way the site saves them: with a reference and a deadline."""

    requester_type = models.RequesterType.OWN_FAMILY
    locality = factory.SubFactory(LocalityFactory)
    address = "ul. Polna 3"
    description = "Trudno nam."
    contact_name = "Anna Testowa"
    contact_phone = "600100200"

    class Meta:
        model = models.HelpRequest

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        from intake.services import register_request

        saved, _created = register_request(model_class(*args, **kwargs))
        return saved


def make_social_worker(username, *localities, accepts=True):
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(username, f"{username}@gops.example.pl", "haslo-pracownika-123")
    user.groups.add(Group.objects.get(name="Pracownicy socjalni"))
    profile = models.SocialWorkerProfile.objects.create(user=user, accepts_new_requests=accepts)
    profile.localities.set(localities)
    return user
