"""Sessions in the database (Django's own store and table), read and updated in one statement.

Two things differ from Django's store, neither in what is stored:

- Speed. The request form reads the session on every step and writes it on most; a
  whole request is about twenty session reads and writes. Django builds each one
  through the ORM (a model instance, a query, a transaction around the update), which
  was a fifth of the server's time per request sent. Here a read is one SELECT and an
  update one UPDATE, written once against Django's own table; creating a session, and
  everything else, is still Django's.
- A database outage. Django turns any database error while updating a session into
  UpdateError, which SessionMiddleware answers as "session interrupted": a 400 and a
  security log entry, for what is really the database going away in the middle of a
  request. The applicant would see "the data you sent was too large". Re-raising the
  connection error instead gives the 503 "try again in a few minutes" page (portal.views).
"""

from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import DatabaseError, connections, router
from django.utils import timezone

from portal.views import DATABASE_OUTAGE_ERRORS


class SessionStore(DatabaseSessionStore):
    def _table(self):
        return self.model._meta.db_table

    def load(self):
        connection = connections[router.db_for_read(self.model)]
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT session_data FROM {connection.ops.quote_name(self._table())} "
                "WHERE session_key = %s AND expire_date > %s",
                [self.session_key, now],
            )
            row = cursor.fetchone()
        if row is None:
            # Unknown or expired: a new session key is made when something is stored.
            self._session_key = None
            return {}
        return self.decode(row[0])

    def save(self, must_create=False):
        if self.session_key is None or must_create:
            return self._save_through_django(must_create)
        connection = connections[router.db_for_write(self.model)]
        data = self.encode(self._get_session(no_load=False))
        expires = connection.ops.adapt_datetimefield_value(self.get_expiry_date())
        try:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {connection.ops.quote_name(self._table())} "
                    "SET session_data = %s, expire_date = %s WHERE session_key = %s",
                    [data, expires, self.session_key],
                )
                updated = cursor.rowcount
        except DATABASE_OUTAGE_ERRORS:
            raise
        except DatabaseError as error:
            raise UpdateError from error
        if updated != 1:
            # Deleted meanwhile (logged out in another tab): as Django does, the session is gone.
            raise UpdateError

    def _save_through_django(self, must_create):
        try:
            return super().save(must_create=must_create)
        except UpdateError as error:
            if isinstance(error.__context__, DATABASE_OUTAGE_ERRORS):
                raise error.__context__ from None
            raise
