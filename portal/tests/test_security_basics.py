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
