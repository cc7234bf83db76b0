"""While the database is away, visitors get a calm 503 in Polish, not a 500."""

from contextlib import contextmanager

import pytest
from django.db import InterfaceError, OperationalError, connection
from wagtail.models import Site

from portal.views import RETRY_AFTER_SECONDS, caused_by_database_outage

pytestmark = pytest.mark.django_db

STEP = "/popros-o-pomoc/krok/kto/"
UNAVAILABLE = "Strona chwilowo nie działa"
SERVER_ERROR = "Przepraszamy, coś poszło nie tak"


@pytest.fixture
def visitor(client):
    # Let the project's handler500 answer, as it does for a real visitor.
    client.raise_request_exception = False
    return client


def fail_with(error):
    def fail(*args, **kwargs):
        raise error

    return fail


def assert_unavailable_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    page = response.content.decode()
    assert UNAVAILABLE in page
    assert "odpowiedzi z poprzednich kroków są zachowane" in page
    assert 'href="tel:112"' in page
    assert '<html lang="pl">' in page


def test_a_database_error_in_a_view_gives_503(visitor, home_page, monkeypatch):
    monkeypatch.setattr(Site, "find_for_request", fail_with(OperationalError("connection refused")))
    assert_unavailable_page(visitor.get("/"))


@contextmanager
def sessions_failing(statement, error):
    """The database fails every `statement` (INSERT, SELECT, UPDATE) on the sessions table."""

    def execute(run, sql, params, many, context):
        if "django_session" in sql and sql.lstrip().upper().startswith(statement):
            raise error
        return run(sql, params, many, context)

    with connection.execute_wrapper(execute):
        yield


def test_a_database_error_while_saving_the_session_gives_503(visitor, intake_page):
    # The step stores the start time in the session; saving it happens in the middleware, after the view.
    with sessions_failing("INSERT", InterfaceError("connection already closed")):
        assert_unavailable_page(visitor.get(STEP))


def test_a_database_error_while_reading_the_session_gives_503(visitor, intake_page):
    visitor.cookies["sessionid"] = "a" * 32
    with sessions_failing("SELECT", OperationalError("server closed the connection")):
        assert_unavailable_page(visitor.get(STEP))


def test_a_database_error_while_updating_the_session_gives_503_not_400(visitor, intake_page):
    # Django's database sessions report any error on update as "session interrupted", a 400.
    assert visitor.get(STEP).status_code == 200  # the session now exists
    with sessions_failing("UPDATE", OperationalError("the database system is shutting down")):
        assert_unavailable_page(visitor.post(STEP, {"requester_type": "own_family"}))


def test_any_other_error_still_gives_the_static_500(visitor, home_page, monkeypatch):
    monkeypatch.setattr(Site, "find_for_request", fail_with(ValueError("a bug")))
    response = visitor.get("/")
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert SERVER_ERROR in response.content.decode()


def test_an_error_raised_from_a_database_error_counts_as_an_outage():
    try:
        try:
            raise OperationalError("connection refused")
        except OperationalError as error:
            raise RuntimeError("could not render") from error
    except RuntimeError as wrapped:
        assert caused_by_database_outage(wrapped)
    assert not caused_by_database_outage(ValueError("a bug"))
    assert not caused_by_database_outage(None)
