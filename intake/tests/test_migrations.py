"""Data the migrations carry over on a running centre's database."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("intake", "0007_request_export")]
AFTER = [("intake", "0008_request_log")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_log_of_existing_requests_moves_to_the_request_log_whole():
    apps = migrate(BEFORE)
    try:
        ContentType = apps.get_model("contenttypes", "ContentType")
        ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
        HelpRequest = apps.get_model("intake", "HelpRequest")
        request = HelpRequest.objects.create(reference="ABCD-EFGH", interview_deadline=datetime.date(2026, 12, 10))
        help_request_type, _ = ContentType.objects.get_or_create(app_label="intake", model="helprequest")
        user_type, _ = ContentType.objects.get_or_create(app_label="auth", model="user")
        when = datetime.datetime(2026, 11, 2, 9, 30, tzinfo=datetime.UTC)
        ModelLogEntry.objects.create(
            content_type=help_request_type,
            object_id=str(request.pk),
            label="ABCD-EFGH",
            action="intake.assign",
            data={"worker": 7},
            timestamp=when,
        )
        ModelLogEntry.objects.create(
            content_type=user_type, object_id="1", label="someone", action="wagtail.edit", timestamp=when
        )

        apps = migrate(AFTER)
        RequestLogEntry = apps.get_model("intake", "RequestLogEntry")
        ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
        moved = RequestLogEntry.objects.get()
        assert (moved.object_id, moved.label, moved.action, moved.data, moved.timestamp) == (
            str(request.pk),
            "ABCD-EFGH",
            "intake.assign",
            {"worker": 7},
            when,
        )
        # Other models' entries stay where Wagtail keeps them.
        assert list(ModelLogEntry.objects.values_list("action", flat=True)) == ["wagtail.edit"]
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_requests_already_in_wagtails_reference_index_leave_it():
    apps = migrate([("intake", "0009_admin_list_indexes")])
    try:
        ContentType = apps.get_model("contenttypes", "ContentType")
        ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
        help_request_type, _ = ContentType.objects.get_or_create(app_label="intake", model="helprequest")
        locality_type, _ = ContentType.objects.get_or_create(app_label="intake", model="locality")
        page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
        image_type, _ = ContentType.objects.get_or_create(app_label="wagtailimages", model="image")
        for source_type, target_type in ((help_request_type, locality_type), (page_type, image_type)):
            ReferenceIndex.objects.create(
                content_type=source_type,
                base_content_type=source_type,
                object_id="1",
                to_content_type=target_type,
                to_object_id="2",
                model_path="field",
                content_path="field",
                content_path_hash="6f1ed002-ab5d-42e0-868f-9e0d8f5e9a1c",
            )

        apps = migrate([("intake", "0010_requests_out_of_reference_index")])
        ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
        # A page's use of an image is still known; the request's locality no longer is.
        assert list(ReferenceIndex.objects.values_list("base_content_type__model", flat=True)) == ["page"]
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
