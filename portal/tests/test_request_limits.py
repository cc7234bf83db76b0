"""Oversized bodies and floods of fields get a clear, early answer.

Only signed-in staff get more than the public limit: their admin forms up to
STAFF_MAX_BODY_SIZE, and uploads of documents and images, by those who may upload
them, up to the upload's own limit.
"""

import io

import pytest
from django.conf import settings
from django.test.client import FakePayload

from intake.tests.walk import step_url

STEP = step_url("kto")


class UnreadableBody(io.RawIOBase):
    """A request body that records whether anyone tried to read it."""

    def __init__(self):
        self.reads = 0

    def read(self, *args):
        self.reads += 1
        return b""

    readline = read


def claimed_size(client, path, size):
    """A request announcing `size` bytes without sending them: answered from the header alone."""
    body = UnreadableBody()
    response = client.generic(
        "POST",
        path,
        b"",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(size),
        **{"wsgi.input": body},
    )
    return response, body


def test_a_body_over_the_public_limit_is_refused_before_it_is_read(client):
    # No database in this test: the page must show even when the database is down.
    response, body = claimed_size(client, STEP, settings.PUBLIC_MAX_BODY_SIZE + 1)
    assert response.status_code == 413
    page = response.content.decode()
    assert "Nie udało się przyjąć tylu danych" in page
    assert "Odpowiedzi z poprzednich kroków są zapisane" in page
    assert 'href="tel:112"' in page
    assert response["X-Frame-Options"] == "DENY"
    assert body.reads == 0


def test_the_public_limit_comes_from_the_settings(client, settings):
    settings.PUBLIC_MAX_BODY_SIZE = 1000
    assert claimed_size(client, "/szukaj/", 1001)[0].status_code == 413
    assert claimed_size(client, "/wyjdz/", 1001)[0].status_code == 413


def test_the_admin_refuses_more_than_a_document_upload_even_to_staff(client):
    client.cookies[settings.SESSION_COOKIE_NAME] = "a-staff-session-perhaps"
    response, body = claimed_size(client, "/admin/documents/multiple/add/", settings.DOCUMENT_UPLOAD_MAX_BODY_SIZE + 1)
    assert response.status_code == 413 and body.reads == 0
    assert settings.DOCUMENT_UPLOAD_MAX_BODY_SIZE > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE


FIFTY_MB = 50 * 1024 * 1024


def assert_refused_unread(response, body):
    assert response.status_code == 413
    page = response.content.decode()
    assert "Nie udało się przyjąć tylu danych" in page and 'href="tel:112"' in page
    assert body.reads == 0


def test_an_anonymous_visitor_cannot_send_50_mb_to_the_admin_log_in(client):
    # No database here: without a session cookie nobody is signed in, so the public limit.
    assert_refused_unread(*claimed_size(client, "/admin/login/", FIFTY_MB))
    assert_refused_unread(*claimed_size(client, "/admin/documents/multiple/add/", FIFTY_MB))
    assert_refused_unread(*claimed_size(client, "/admin/", settings.PUBLIC_MAX_BODY_SIZE + 1))


@pytest.mark.django_db
def test_a_made_up_session_cookie_does_not_open_the_staff_limits(client):
    # The cookie lets the body past the first check; the session behind it decides.
    client.cookies[settings.SESSION_COOKIE_NAME] = "made-up-session-key"
    assert_refused_unread(*claimed_size(client, "/admin/login/", FIFTY_MB))
    assert_refused_unread(*claimed_size(client, "/admin/documents/add/", FIFTY_MB))
    assert_refused_unread(*claimed_size(client, "/admin/login/", settings.PUBLIC_MAX_BODY_SIZE + 1))


@pytest.fixture
def editor(db):
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("redaktor", "r@gops.example.pl", "haslo-redaktora-123")
    user.groups.add(Group.objects.get(name="Redaktorzy"))
    return user


@pytest.mark.django_db
def test_a_half_logged_in_editor_gets_no_upload_allowance(client, editor):
    # Password given, phone code not yet: sent to the code screen, the body never read.
    client.post("/admin/login/", {"username": "redaktor", "password": "haslo-redaktora-123"})
    response, body = claimed_size(client, "/admin/documents/add/", FIFTY_MB)
    assert response.status_code in (302, 413) and body.reads == 0


@pytest.mark.django_db
def test_a_signed_in_editor_uploads_a_document_over_the_public_and_staff_limits(client, editor):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.documents.models import Document

    client.force_login(editor)
    size = settings.STAFF_MAX_BODY_SIZE + 1024 * 1024
    upload = SimpleUploadedFile("sprawozdanie.pdf", b"%PDF-1.4\n" + b"0" * size, content_type="application/pdf")
    response = client.post("/admin/documents/add/", {"title": "Sprawozdanie", "file": upload, "collection": 1})
    assert response.status_code == 302
    document = Document.objects.get(title="Sprawozdanie")
    try:
        assert document.file.size > size
    finally:
        document.file.delete()


@pytest.mark.django_db
def test_a_signed_in_editor_cannot_send_a_huge_body_to_an_ordinary_admin_form(client, editor):
    client.force_login(editor)
    for path in ("/admin/pages/2/edit/", "/admin/login/", "/admin/snippets/home/contact/add/"):
        assert_refused_unread(*claimed_size(client, path, settings.STAFF_MAX_BODY_SIZE + 1))
    # Up to the staff limit the admin's own forms answer (here: the page editor's checks).
    response = client.post("/admin/pages/2/edit/", {"title": "x", "notatka": "x" * (settings.PUBLIC_MAX_BODY_SIZE * 2)})
    assert response.status_code != 413


@pytest.mark.django_db
def test_staff_without_document_rights_get_no_upload_allowance(client):
    from intake.tests.factories import make_social_worker

    client.force_login(make_social_worker("pracownik1"))
    assert_refused_unread(*claimed_size(client, "/admin/documents/add/", settings.STAFF_MAX_BODY_SIZE + 1))
    assert_refused_unread(*claimed_size(client, "/admin/images/chooser/create/", settings.STAFF_MAX_BODY_SIZE + 1))
    # Their own avatar, on their account page, they may upload: the account page answers.
    response, _body = claimed_size(client, "/admin/account/", settings.STAFF_MAX_BODY_SIZE + 1)
    assert response.status_code == 200


@pytest.mark.django_db
def test_the_admin_takes_bodies_and_fields_the_public_site_refuses(client):
    from django.contrib.auth.models import Group, User

    coordinator = User.objects.create_user("koordynator", "k@gops.example.pl", "x" * 12)
    coordinator.groups.add(Group.objects.get(name="Koordynatorzy"))
    client.force_login(coordinator)
    data = {f"pole{n}": "x" for n in range(settings.PUBLIC_MAX_NUMBER_FIELDS + 50)}
    data["description"] = "Długi opis rozmowy. " * 4000  # about 80 KB
    response = client.post("/admin/requests/new/", data)
    # The admin's own form answers: the required fields are missing, nothing was refused early.
    assert response.status_code == 200
    assert "nie mógł zostać utworzony" in response.content.decode()


@pytest.mark.django_db
def test_a_body_within_the_limit_is_served_as_usual(client, intake_page):
    data = {"requester_type": "own_family", "notatka": "x" * (settings.PUBLIC_MAX_BODY_SIZE // 2)}
    response = client.post(STEP, data)
    assert response.status_code == 302 and response["Location"] == step_url("rodzina")


@pytest.mark.django_db
def test_too_many_fields_get_a_clear_polish_answer(client, intake_page):
    limit = settings.PUBLIC_MAX_NUMBER_FIELDS
    # One name sent over and over counts as many fields.
    response = client.post(STEP, {"requester_type": ["own_family"] * (limit + 1)})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nie udało się przyjąć formularza" in page and "liczbą pól" in page
    assert client.post(STEP, {"requester_type": ["own_family"] * limit}).status_code == 302


def test_too_many_fields_in_the_address_get_the_same_answer(client):
    # No database here either: the refusal comes before the session or any page is looked at.
    query = "&".join(f"q{n}=x" for n in range(settings.PUBLIC_MAX_NUMBER_FIELDS + 1))
    response = client.get(f"/szukaj/?{query}")
    assert response.status_code == 400
    assert "liczbą pól" in response.content.decode()


@pytest.mark.django_db
def test_a_chunked_body_without_length_is_not_read_and_the_form_asks_again(client, intake_page):
    # Under WSGI a body without Content-Length is never read by Django: the step sees no
    # answer and asks for it, rather than taking in an unbounded stream.
    payload = FakePayload(b"requester_type=own_family&" + b"x=" + b"y" * 200_000)
    response = client.generic(
        "POST",
        STEP,
        b"",
        content_type="application/x-www-form-urlencoded",
        HTTP_TRANSFER_ENCODING="chunked",
        **{"wsgi.input": payload},
    )
    assert response.status_code == 200
    assert "Wybierz, kto prosi o wsparcie." in response.content.decode()
    assert "intake" not in client.session or not client.session["intake"]["answers"]


@pytest.mark.django_db
def test_django_own_limit_while_reading_is_answered_as_too_big(client, intake_page, settings):
    # What a chunked body meets under ASGI, or a lower limit set for Django itself.
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post(STEP, {"requester_type": "own_family", "x": "y" * 5000})
    assert response.status_code == 413
    assert "Nie udało się przyjąć tylu danych" in response.content.decode()


def test_a_malformed_length_is_a_bad_request_not_a_server_error(client):
    response = client.generic("POST", STEP, b"", CONTENT_LENGTH="dużo")
    assert response.status_code == 400
    assert "Nie udało się przyjąć tych danych" in response.content.decode()
