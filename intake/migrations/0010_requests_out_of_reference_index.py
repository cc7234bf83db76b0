from django.db import migrations


def forget_requests(apps, schema_editor):
    # Entries written before requests were left out of Wagtail's reference index.
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    help_request = ContentType.objects.filter(app_label="intake", model="helprequest").first()
    if help_request is not None:
        ReferenceIndex.objects.filter(base_content_type=help_request).delete()
        ReferenceIndex.objects.filter(content_type=help_request).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0009_admin_list_indexes"),
        ("wagtailcore", "0096_referenceindex_referenceindex_source_object_and_more"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forget_requests, migrations.RunPython.noop)]
