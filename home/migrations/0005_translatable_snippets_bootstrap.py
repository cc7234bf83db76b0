from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    # Existing contacts and numbers are Polish: each gets the Polish locale and a key of its
    # own, which its Ukrainian and English translations will share.
    dependencies = [("home", "0004_translatable_snippets_fields")]

    operations = [
        BootstrapTranslatableModel("home.StaffContact"),
        BootstrapTranslatableModel("home.EmergencyNumber"),
    ]
