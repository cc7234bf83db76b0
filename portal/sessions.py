"""Django's database sessions, with one difference: a database that went away is a 503.

Django turns any database error while updating a session into UpdateError, which
SessionMiddleware answers as "session interrupted": a 400 and a security log entry, for
what is really the database going away in the middle of a request. The applicant would
see "the data you sent was too large". Re-raising the connection error instead gives the
503 "try again in a few minutes" page (portal.views), and the answers kept so far stay
in the session for when the database is back.
"""

from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore

from portal.views import DATABASE_OUTAGE_ERRORS


class SessionStore(DatabaseSessionStore):
    def save(self, must_create=False):
        try:
            return super().save(must_create=must_create)
        except UpdateError as error:
            if isinstance(error.__context__, DATABASE_OUTAGE_ERRORS):
                raise error.__context__ from None
            raise
