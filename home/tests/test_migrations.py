"""Data the home app's migrations carry over on a running centre's database."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_centres_name_and_hours_become_its_polish_profile():
    apps = migrate([("home", "0006_translatable_snippets")])
    try:
        Site = apps.get_model("wagtailcore", "Site")
        Page = apps.get_model("wagtailcore", "Page")
        CentreSettings = apps.get_model("home", "CentreSettings")
        site = Site.objects.create(hostname="gops.example.pl", port=443, root_page=Page.objects.get(depth=1))
        CentreSettings.objects.create(
            site=site, name="GOPS w Testowie", short_name="GOPS", office_hours="pon. 8–16", phone="58 000 00 00"
        )

        apps = migrate([("home", "0007_centre_profile")])
        CentreProfile = apps.get_model("home", "CentreProfile")
        CentreSettings = apps.get_model("home", "CentreSettings")
        profile = CentreProfile.objects.get(site_id=site.pk)
        assert (profile.name, profile.short_name, profile.office_hours, profile.locale.language_code) == (
            "GOPS w Testowie",
            "GOPS",
            "pon. 8–16",
            "pl",
        )
        assert CentreSettings.objects.get(site_id=site.pk).phone == "58 000 00 00"
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
