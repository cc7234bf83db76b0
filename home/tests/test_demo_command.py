"""What `load_demo_content` does from an empty database: refuse where it is not allowed, leave requests out."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from intake.models import HelpRequest

pytestmark = pytest.mark.django_db


def test_it_refuses_to_run_where_demo_content_is_not_allowed(settings):
    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("load_demo_content", stdout=StringIO())
    assert not get_user_model().objects.exists()


def test_the_demo_can_leave_requests_out():
    call_command("load_demo_content", "--without-requests", stdout=StringIO())
    assert get_user_model().objects.filter(username="koordynator").exists()
    assert HelpRequest.objects.count() == 0
