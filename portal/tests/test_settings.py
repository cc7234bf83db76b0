"""Configuration comes from the environment, and production refuses unsafe defaults."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def run_python(code, **env):
    unset = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE", "DATABASE_URL"}
    clean_env = {k: v for k, v in os.environ.items() if k not in unset}
    clean_env.update(env)
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=clean_env, capture_output=True, text=True)


def test_production_refuses_to_start_without_secret_key_and_hosts():
    result = run_python("import portal.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr and "ALLOWED_HOSTS" in result.stderr
    assert "ImproperlyConfigured" in result.stderr


def test_production_names_only_what_is_missing():
    result = run_python("import portal.settings.production", SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr
    assert "SECRET_KEY," not in result.stderr


def test_production_reads_its_configuration_from_the_environment():
    code = (
        "import portal.settings.production as s;"
        "print(s.ALLOWED_HOSTS, s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'], s.EMAIL_HOST, s.DEBUG)"
    )
    result = run_python(
        code,
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="gops.example.pl, www.gops.example.pl",
        DATABASE_URL="postgres://portal:secret@db.internal:5432/portal",
        EMAIL_HOST="smtp.example.pl",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "['gops.example.pl',",
        "'www.gops.example.pl']",
        "django.db.backends.postgresql",
        "portal",
        "smtp.example.pl",
        "False",
    ]


def test_development_writes_emails_to_an_ignored_folder():
    code = "import portal.settings.dev as s; print(s.EMAIL_BACKEND); print(s.EMAIL_FILE_PATH)"
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    backend, path = result.stdout.split()
    assert backend == "django.core.mail.backends.filebased.EmailBackend"
    assert Path(path) == ROOT / "var" / "mail"
    ignored = subprocess.run(["git", "check-ignore", "-q", "var/mail/x.log"], cwd=ROOT)
    assert ignored.returncode == 0


def test_language_and_time_zone():
    assert settings.LANGUAGE_CODE == "pl"
    assert settings.TIME_ZONE == "Europe/Warsaw"
    assert [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES] == ["pl", "uk", "en"]
    assert settings.WAGTAIL_I18N_ENABLED


def test_sqlite_runs_in_wal_mode_by_default(tmp_path):
    # The in-memory test database cannot use WAL, so open the default file database as `make run` does.
    code = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE']='portal.settings.dev';"
        "import django; django.setup();"
        "from django.db import connection; c=connection.cursor(); c.execute('PRAGMA journal_mode');"
        "print(c.fetchone()[0])"
    )
    result = run_python(code, PORTAL_VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "wal"
