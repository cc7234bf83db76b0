"""Editors translate: pages and snippets through wagtail-localize, and the centre's name and hours."""

from django.db import migrations

EDITORS = "Redaktorzy"
PERMISSIONS = [
    ("wagtail_localize", "submit_translation"),
    ("home", "add_centreprofile"),
    ("home", "change_centreprofile"),
    ("home", "view_centreprofile"),
]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is None:
        return
    for app_label, codename in PERMISSIONS:
        editors.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is not None:
        for app_label, codename in PERMISSIONS:
            editors.permissions.remove(*Permission.objects.filter(content_type__app_label=app_label, codename=codename))


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_centre_profile"),
        ("intake", "0004_staff_roles"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
