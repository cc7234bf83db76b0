"""Backups: the README's "Backups" commands, run the way an administrator runs them.

Requests are written to a database of their own and backed up with the production
settings, compressed and encrypted as the cron line does. Then, as after losing the
server, they are restored into a database and a media folder that start empty, with
the administrator's private key. Every request must come back as it was, with its
e-mails, notes and history, and the uploaded document must open again.

Each step is a separate `manage.py` process with its own DATABASE_URL. Neither the
source nor the target is pytest-django's test database, which a subprocess could
not see.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import dj_database_url
import pytest

ROOT = Path(__file__).resolve().parents[2]

BACKUP_KEY = "kopie@gops.example.pl"
BACKUP_PASSPHRASE = "kopie-gops-test-2026"
DESCRIPTION = "Zażółć gęślą jaźń: od października nie mamy czym palić w piecu, najmłodsze dziecko choruje."
NOTE = "Rozmowa z matką: prosi o wizytę po 15:00, bo rano pracuje w świetlicy."
CONTACT_NAME = "Łucja Żółkiewska"
DOCUMENT_BYTES = "Zgoda na współpracę z asystentem rodziny — wzór.\n".encode() * 50
# What must never appear in a command's output or in a backup file in plain text.
PERSONAL = [DESCRIPTION, NOTE, CONTACT_NAME, "ul. Źródlana 5/2"]


# --- run inside the portal's processes (django.setup() done by the caller) -----------------


def write_requests():
    """The source site: migrated, with staff, requests at several stages and an upload."""
    from datetime import timedelta

    from django.contrib.auth.models import Group, User
    from django.core.files.base import ContentFile
    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.documents.models import Document

    from intake import workflow
    from intake.models import Channel, InstitutionType, Outcome, RequesterType, RequestView
    from intake.tests.factories import HelpRequestFactory, LocalityFactory, make_social_worker

    call_command("migrate", "--no-input", verbosity=0)
    coordinator = User.objects.create_user("koordynator", "koordynator@gops.example.pl", "haslo-koordynatora-123")
    coordinator.groups.add(Group.objects.get(name="Koordynatorzy"))
    debnik = LocalityFactory(name="Dębnik")
    worker = make_social_worker("pracownik1", debnik)

    family = HelpRequestFactory(
        locality=debnik,
        address="ul. Źródlana 5/2",
        postal_code="34-120",
        children_count=3,
        children_ages="2, 7 i 15 lat",
        difficulty_areas=["money", "housing", "health"],
        description=DESCRIPTION,
        contact_name=CONTACT_NAME,
        contact_email="lucja@example.pl",
        wants_receipt=True,
        best_time_to_call="po 15:00, najlepiej w środę",
        privacy_acknowledged_at=timezone.now(),
    )
    workflow.assign(family, worker, coordinator)
    workflow.accept(family, worker)
    workflow.add_note(family, NOTE, worker)
    workflow.schedule_interview(family, timezone.now() + timedelta(days=3), "Ośrodek, pokój 12", worker)
    RequestView.objects.create(help_request=family, user=coordinator)

    HelpRequestFactory(
        requester_type=RequesterType.OTHER_FAMILY,
        anonymous=True,
        contact_name="",
        contact_phone="",
        locality=debnik,
        address="os. Słoneczne 4",
        child_in_danger=True,
        description="Słychać płacz dzieci, nikt nie otwiera drzwi.",
    )
    school = HelpRequestFactory(
        requester_type=RequesterType.INSTITUTION,
        institution_type=InstitutionType.SCHOOL,
        institution_name="Szkoła Podstawowa w Dębniku",
        description="Uczeń często przychodzi głodny.",
    )
    workflow.assign(school, worker, coordinator)
    workflow.close(school, Outcome.UNREACHABLE, worker)
    phone = HelpRequestFactory(channel=Channel.PHONE, description="Zgłoszenie telefoniczne: brak opału na zimę.")
    workflow.set_urgent(phone, True, coordinator)

    Document.objects.create(
        title="Zgoda na współpracę z asystentem rodziny",
        file=ContentFile(DOCUMENT_BYTES, name="zgoda-na-asystenta-rodziny.pdf"),
    )


def describe_portal():
    """Print what staff see of every request and upload, as JSON, for comparing two sites."""
    from django.core.files.storage import default_storage
    from django.core.serializers.json import DjangoJSONEncoder
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor
    from wagtail.documents.models import Document

    from intake.models import HelpRequest, RequestLogEntry

    requests = {}
    for request in HelpRequest.objects.select_related("locality", "assigned_to").order_by("reference"):
        fields = {field.attname: getattr(request, field.attname) for field in HelpRequest._meta.concrete_fields}
        fields["locality"] = request.locality.name if request.locality else None
        fields["assigned_to"] = request.assigned_to.username if request.assigned_to else None
        fields["notifications"] = list(request.notifications.order_by("pk").values_list("kind", "recipient", "status"))
        fields["notes"] = list(request.notes.order_by("pk").values_list("text", "author__username", "created_at"))
        fields["openings"] = list(request.views.order_by("pk").values_list("user__username", "viewed_at"))
        fields["history"] = list(
            RequestLogEntry.objects.for_instance(request)
            .order_by("pk")
            .values_list("action", "user__username", "timestamp", "data")
        )
        requests[request.reference] = fields
    documents = []
    for document in Document.objects.order_by("pk"):
        name = document.file.name
        content = default_storage.open(name).read() if default_storage.exists(name) else None
        documents.append(
            {"title": document.title, "file": name, "sha256": content and hashlib.sha256(content).hexdigest()}
        )
    executor = MigrationExecutor(connection)
    unapplied = executor.migration_plan(executor.loader.graph.leaf_nodes())
    site = {"requests": requests, "documents": documents, "unapplied_migrations": len(unapplied)}
    print("PORTAL", json.dumps(site, cls=DjangoJSONEncoder, ensure_ascii=False))


def register_next_request():
    """The first request after the restore: saved with its e-mail, not refused for a used id."""
    from intake.models import HelpRequest
    from intake.tests.factories import HelpRequestFactory

    new = HelpRequestFactory(description="Pierwsze zgłoszenie po przywróceniu kopii.")
    print("NEXT", json.dumps({"requests": HelpRequest.objects.count(), "notifications": new.notifications.count()}))


# --- the test's side ---------------------------------------------------------------------


def portal_env(tmp_path, database_url, media_root, gnupg_home):
    """The environment of a production server, as README's "Configuration" describes it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BACKUP_", "DJANGO_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="backup-test-" + "x" * 50,
        ALLOWED_HOSTS="gops.example.pl",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media_root),
        BACKUP_DIR=str(tmp_path / "backups"),
        BACKUP_GPG_RECIPIENT=BACKUP_KEY,
        GNUPGHOME=str(gnupg_home),
        PORTAL_VAR_DIR=str(tmp_path / "var"),
        PYTHONIOENCODING="utf-8",
    )
    return env


def run(args, env):
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def manage(*args, env):
    result = run([sys.executable, "manage.py", *args], env)
    assert result.returncode == 0, f"manage.py {args[0]} failed:\n{result.stderr}"
    return result.stdout + result.stderr


def in_portal(*functions, env):
    calls = "; ".join(f"test_backup.{function}()" for function in functions)
    code = f"import django; django.setup(); from portal.tests import test_backup; {calls}"
    result = run([sys.executable, "-c", code], env)
    assert result.returncode == 0, f"{functions} failed:\n{result.stderr}"
    return result.stdout


def printed(output, label):
    (line,) = [line for line in output.splitlines() if line.startswith(label + " ")]
    return json.loads(line.removeprefix(label + " "))


def gpg(home, *args, **kwargs):
    return subprocess.run(
        ["gpg", "--batch", "--quiet", *args], env={**os.environ, "GNUPGHOME": str(home)}, check=True, **kwargs
    )


@pytest.fixture
def keyrings():
    """The administrator's keyring with the backup key, and the server's with only its public half."""
    if shutil.which("gpg") is None:
        pytest.fail("GnuPG is needed to encrypt backups: apt-get install gnupg")
    # Short paths: gpg-agent's socket lives in the keyring folder and sockets have a length limit.
    homes = [Path(tempfile.mkdtemp(prefix="gpg-")) for _ in range(2)]
    admin, server = homes
    try:
        key = [f"Kopie zapasowe GOPS <{BACKUP_KEY}>", "future-default", "default", "never"]
        gpg(admin, "--pinentry-mode", "loopback", "--passphrase", BACKUP_PASSPHRASE, "--quick-generate-key", *key)
        public_key = gpg(admin, "--armor", "--export", BACKUP_KEY, capture_output=True).stdout
        gpg(server, "--import", input=public_key, capture_output=True)
        yield admin, server
    finally:
        for home in homes:
            subprocess.run(["gpgconf", "--kill", "gpg-agent"], env={**os.environ, "GNUPGHOME": str(home)})
            shutil.rmtree(home, ignore_errors=True)


@pytest.fixture
def database_urls(tmp_path):
    """The lost server's database and the new, empty one: SQLite files, or PostgreSQL databases."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp_path / 'portal.sqlite3'}", f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    import psycopg

    config = dj_database_url.parse(url)
    names = [f"{config['NAME']}_backup_source", f"{config['NAME']}_backup_restored"]
    conninfo = {
        "host": config["HOST"] or None,
        "port": config["PORT"] or None,
        "user": config["USER"] or None,
        "password": config["PASSWORD"] or None,
        "dbname": "postgres",
    }

    def recreate(drop_only=False):
        with psycopg.connect(**{k: v for k, v in conninfo.items() if v}, autocommit=True) as conn:
            for name in names:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                if not drop_only:
                    conn.execute(f'CREATE DATABASE "{name}"')

    recreate()
    try:
        yield tuple(url.rsplit("/", 1)[0] + "/" + name for name in names)
    finally:
        recreate(drop_only=True)


def test_a_backup_restores_into_an_empty_database_with_every_request_intact(tmp_path, database_urls, keyrings):
    source_url, target_url = database_urls
    admin_keyring, server_keyring = keyrings
    server = portal_env(tmp_path, source_url, tmp_path / "media", server_keyring)
    before = printed(in_portal("write_requests", "describe_portal", env=server), "PORTAL")

    output = manage("dbbackup", "--clean", "--compress", "--encrypt", env=server)
    output += manage("mediabackup", "--clean", "--compress", "--encrypt", env=server)

    assert not [text for text in PERSONAL if text in output]
    assert (tmp_path / "backups").is_dir(), "backups must go to BACKUP_DIR"
    backups = sorted((tmp_path / "backups").iterdir())
    data_files = [path for path in backups if not path.name.endswith(".metadata")]
    # One database dump and one media archive, both compressed and encrypted.
    assert sorted(path.name.endswith(".tar.gz.gpg") for path in data_files) == [False, True]
    assert all(path.name.endswith(".gz.gpg") for path in data_files)
    # Only the portal's user may read them, and they are unreadable without the key.
    assert {oct(path.stat().st_mode & 0o777) for path in backups} == {"0o600"}
    for path in data_files:
        assert path.read_bytes().startswith(b"-----BEGIN PGP MESSAGE-----")
    assert not list((tmp_path / "media").rglob("*.gpg"))  # the web server serves MEDIA_ROOT

    # The new server: an empty database and media folder, the backups copied back.
    restored = portal_env(tmp_path, target_url, tmp_path / "restored-media", admin_keyring)
    restore_db = ["dbrestore", "--decrypt", "--uncompress", "--noinput", "--passphrase", BACKUP_PASSPHRASE]
    restore_media = ["mediarestore", "--decrypt", "--uncompress", "--noinput", "--passphrase", BACKUP_PASSPHRASE]
    # The old server held only the public key: a thief with its disk cannot read the backups.
    stolen = run([sys.executable, "manage.py", *restore_db], {**restored, "GNUPGHOME": str(server_keyring)})
    assert stolen.returncode != 0 and "Decryption failed" in stolen.stderr

    output = manage(*restore_db, env=restored)
    output += manage(*restore_media, env=restored)
    restored_site = in_portal("describe_portal", "register_next_request", env=restored)
    after = printed(restored_site, "PORTAL")

    assert not [text for text in PERSONAL if text in output]
    assert after == before
    # ...and `before` was the site as staff knew it, not an empty one.
    assert after["unapplied_migrations"] == 0
    requests = after["requests"]
    assert len(requests) == 4
    family = next(r for r in requests.values() if r["description"] == DESCRIPTION)
    assert (family["contact_name"], family["address"], family["locality"]) == (
        CONTACT_NAME,
        "ul. Źródlana 5/2",
        "Dębnik",
    )
    assert (family["status"], family["assigned_to"], family["interview_place"]) == (
        "interview_scheduled",
        "pracownik1",
        "Ośrodek, pokój 12",
    )
    assert family["difficulty_areas"] == ["money", "housing", "health"]
    assert [(text, author) for text, author, _ in family["notes"]] == [(NOTE, "pracownik1")]
    assert [kind for kind, _, _ in family["notifications"]] == ["receipt", "new_request", "assigned"]
    assert [action for action, *_ in family["history"]] == [
        "intake.assign",
        "intake.accept",
        "intake.note",
        "intake.schedule",
    ]
    assert len(family["openings"]) == 1
    assert sorted(r["status"] for r in requests.values()) == ["closed", "interview_scheduled", "new", "new"]
    assert sorted(r["is_urgent"] for r in requests.values()) == [False, False, True, True]
    assert all(r["interview_deadline"] and len(r["reference"]) == 9 for r in requests.values())
    (document,) = after["documents"]
    assert document["sha256"] == hashlib.sha256(DOCUMENT_BYTES).hexdigest()
    assert (tmp_path / "restored-media" / document["file"]).read_bytes() == DOCUMENT_BYTES
    assert printed(restored_site, "NEXT") == {"requests": 5, "notifications": 1}


CRASHED_SERVER = """
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA journal_mode=WAL")
db.execute("CREATE TABLE request (reference TEXT)")
db.executemany("INSERT INTO request VALUES (?)", [("PRZED-AWARIA",)] * 50)
db.commit()
os._exit(0)  # killed: the write-ahead log is never folded into the file
"""


def test_a_sqlite_restore_is_not_undone_by_a_write_ahead_log_left_by_a_crash(tmp_path):
    if not os.environ.get("DATABASE_URL", "sqlite").startswith("sqlite"):
        pytest.skip("about the SQLite database file; PostgreSQL restores through pg_restore")
    database = tmp_path / "db.sqlite3"
    subprocess.run([sys.executable, "-c", CRASHED_SERVER, str(database)], check=True)
    assert Path(f"{database}-wal").stat().st_size > 0
    backup = tmp_path / "backup.sqlite3"
    with sqlite3.connect(backup) as db:
        db.execute("CREATE TABLE request (reference TEXT)")
        db.execute("INSERT INTO request VALUES ('Z-KOPII')")
    db.close()
    env = portal_env(tmp_path, f"sqlite:///{database}", tmp_path / "media", tmp_path)

    manage("dbrestore", "--input-path", str(backup), "--noinput", env=env)

    db = sqlite3.connect(database)
    assert db.execute("SELECT reference FROM request").fetchall() == [("Z-KOPII",)]
    db.close()
