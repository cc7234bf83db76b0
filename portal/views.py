"""Error pages that must work when the rest of the site does not."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token
from django.views.defaults import server_error as django_server_error

# How long to ask browsers and proxies to wait: a database restart or fail-over takes
# a minute or two, and the page tells people to come back "in a few minutes".
RETRY_AFTER_SECONDS = 120
DATABASE_UNAVAILABLE_TEMPLATE = "503.html"
# A lost connection, a server that is down or restarting (and SQLite's "locked") all
# pass on their own; the page can honestly say "try again in a few minutes". SQLite also
# reports a missing table this way: the log keeps the traceback either way.
DATABASE_OUTAGE_ERRORS = (OperationalError, InterfaceError)


def caused_by_database_outage(error):
    """True when the error, or anything it was raised from, is a lost database connection."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, DATABASE_OUTAGE_ERRORS):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """handler500: 503 with Retry-After while the database is away, the static 500 page otherwise.

    Django calls this from inside its exception handler, so the error is sys.exc_info().
    Both pages are plain HTML rendered without context: they need neither the
    database nor the site's settings.
    """
    if caused_by_database_outage(sys.exc_info()[1]):
        body = loader.get_template(DATABASE_UNAVAILABLE_TEMPLATE).render()
        response = HttpResponse(body, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return django_server_error(request, template_name)
