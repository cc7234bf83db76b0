"""The three staff groups with exactly the permissions each role needs.

Koordynatorzy see and manage all requests, assign, export and keep the lists.
Pracownicy socjalni see and work requests; the views limit them to their own.
Redaktorzy edit pages, news, images, documents and contact snippets; no requests.
"""

from django.db import migrations

ADMIN = [("wagtailadmin", "access_admin")]
COORDINATORS = ADMIN + [
    ("intake", codename)
    for codename in (
        "add_helprequest",
        "change_helprequest",
        "view_helprequest",
        "manage_all_helprequests",
        "export_helprequest",
        "add_locality",
        "change_locality",
        "view_locality",
        "add_closedday",
        "change_closedday",
        "delete_closedday",
        "view_closedday",
        "add_socialworkerprofile",
        "change_socialworkerprofile",
        "view_socialworkerprofile",
    )
]
SOCIAL_WORKERS = ADMIN + [("intake", "view_helprequest"), ("intake", "change_helprequest")]
EDITORS = ADMIN + [
    ("home", codename)
    for codename in (
        "add_staffcontact",
        "change_staffcontact",
        "delete_staffcontact",
        "view_staffcontact",
        "add_emergencynumber",
        "change_emergencynumber",
        "delete_emergencynumber",
        "view_emergencynumber",
    )
]
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


def create_groups(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    for name, permissions in (
        ("Koordynatorzy", COORDINATORS),
        ("Pracownicy socjalni", SOCIAL_WORKERS),
        ("Redaktorzy", EDITORS),
    ):
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set([permission(app, codename) for app, codename in permissions])

    editors = Group.objects.get(name="Redaktorzy")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for codename in EDITOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=editors, page=root, permission=permission("wagtailcore", codename)
            )
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for app, codename in EDITOR_COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=editors, collection=root_collection, permission=permission(app, codename)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0003_triage"),
        ("home", "0003_quick_exit_flag"),
        # The latest migrations: the lock and choose permissions come late in each app.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
