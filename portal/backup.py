"""Database backups for SQLite that restore safely (django-dbbackup connector).

dbbackup's own SQLite connector restores by writing the backup over the database
file. In WAL mode (see settings) a write-ahead log left beside the file by a
stopped or crashed server is then replayed over the restored data the next time
the database is opened, and the administrator silently gets back what the restore
was meant to replace. Restoring through SQLite's backup API instead goes through
SQLite's own locking and log, so the result is exactly the backup.
"""

import shutil
import sqlite3
import tempfile

from dbbackup.db.sqlite import SqliteBackupConnector as DbbackupSqliteBackupConnector


class SqliteBackupConnector(DbbackupSqliteBackupConnector):
    """Backs up with SQLite's backup API (as dbbackup does) and restores with it too."""

    def restore_dump(self, dump):
        # Django's connection would keep an old view of the file open.
        self.connection.close()
        with tempfile.NamedTemporaryFile(suffix=".sqlite3") as copy:
            shutil.copyfileobj(dump, copy)
            copy.flush()
            source = sqlite3.connect(copy.name)
            target = sqlite3.connect(self.connection.settings_dict["NAME"], timeout=20)
            try:
                source.backup(target)
            finally:
                target.close()
                source.close()
