"""Oversized bodies and floods of fields get a clear, early answer; the admin keeps its higher limits."""

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
        "POST", path, b"", content_type="application/x-www-form-urlencoded", CONTENT_LENGTH=str(size), **{"wsgi.input": body}
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


def test_the_admin_refuses_only_what_is_bigger_than_a_document_upload(client):
    response, body = claimed_size(client, "/admin/documents/multiple/add/", settings.ADMIN_MAX_BODY_SIZE + 1)
    assert response.status_code == 413 and body.reads == 0
    assert settings.ADMIN_MAX_BODY_SIZE > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE


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
