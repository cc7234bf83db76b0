from django.db import migrations

COORDINATORS = "Koordynatorzy"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("intake", "helprequest", "add_helprequest"),
    ("intake", "helprequest", "change_helprequest"),
    ("intake", "helprequest", "view_helprequest"),
    ("intake", "locality", "add_locality"),
    ("intake", "locality", "change_locality"),
    ("intake", "locality", "view_locality"),
    ("intake", "closedday", "add_closedday"),
    ("intake", "closedday", "change_closedday"),
    ("intake", "closedday", "delete_closedday"),
    ("intake", "closedday", "view_closedday"),
]


def create_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=COORDINATORS)
    for app_label, model, codename in PERMISSIONS:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission:
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
