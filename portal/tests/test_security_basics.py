"""Security basics every response and every staff session has."""

import pytest
from django.contrib.auth.models import User

from portal.tests.test_settings import run_python


@pytest.mark.django_db
def test_every_response_carries_the_protective_headers(client):
    for path in ("/", "/nie-ma/", "/robots.txt", "/admin/login/"):
        response = client.get(path)
        assert "camera=()" in response["Permissions-Policy"], path
        assert response["X-Content-Type-Options"] == "nosniff", path
        assert response["Referrer-Policy"] == "same-origin", path
        assert response["X-Frame-Options"] == "DENY", path


@pytest.mark.django_db
def test_staff_sessions_expire_after_30_idle_minutes(client):
    user = User.objects.create_superuser("szef", "s@gops.example.pl", "haslo-szefa-1234")
    client.force_login(user)
    client.get("/admin/")
    assert client.session.get_expiry_age() == 30 * 60


@pytest.mark.django_db
def test_applicants_keep_their_answers_longer(client):
    session = client.session
    session["intake"] = {"answers": {}}
    session.save()
    assert client.session.get_expiry_age() == 2 * 60 * 60


def test_deploy_check_is_clean_with_production_settings():
    code = (
        "import os, sys; os.environ['DJANGO_SETTINGS_MODULE']='portal.settings.production';"
        "from django.core.management import execute_from_command_line;"
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])"
    )
    result = run_python(code, SECRET_KEY="k" * 20 + "Q9x!" * 10, ALLOWED_HOSTS="gops.example.pl")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


PUBLIC_AND_ADMIN = ("/", "/nie-ma/", "/robots.txt", "/admin/login/", "/popros-o-pomoc/krok/kto/", "/szukaj/?q=asystent")


@pytest.mark.django_db
def test_every_response_has_a_strict_content_security_policy(client, intake_page):
    for path in PUBLIC_AND_ADMIN:
        policy = client.get(path)["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert directives["default-src"] == "'self'", path
        assert directives["script-src"].split()[0] == "'self'" and "unsafe" not in policy, path
        assert directives["frame-ancestors"] == "'none'", path
        assert directives["object-src"] == "'none'", path
        assert "http" not in policy, path  # nothing from another host


@pytest.mark.django_db
def test_production_cookies_and_transport_security(client, settings):
    """The production settings' values (checked below) make the browser keep cookies to HTTPS and this site."""
    for name in ("SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE"):
        setattr(settings, name, True)
    settings.SECURE_HSTS_SECONDS, settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = 31_536_000, True
    response = client.get("/admin/login/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    csrf = response.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"
    user = User.objects.create_superuser("szef", "s@gops.example.pl", "haslo-szefa-1234")
    client.force_login(user)
    session = client.get("/admin/", secure=True).cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"


def test_production_settings_turn_on_https_only_cookies_and_hsts():
    code = (
        "import portal.settings.production as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_HTTPONLY,"
        " s.SESSION_COOKIE_SAMESITE, s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_SSL_REDIRECT, s.SECOND_FACTOR_REQUIRED)"
    )
    result = run_python(code, SECRET_KEY="k" * 50, ALLOWED_HOSTS="gops.example.pl")
    assert result.stdout.split() == ["True", "True", "True", "True", "Lax", "True", "True", "True"], result.stderr


def test_staff_avatars_are_not_fetched_from_gravatar(client, db):
    user = User.objects.create_superuser("szef", "s@gops.example.pl", "haslo-szefa-1234")
    client.force_login(user)
    assert "gravatar" not in client.get("/admin/").content.decode()
