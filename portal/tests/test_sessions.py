"""The session store: what a visitor keeps between pages, and what ends with the session."""

from datetime import timedelta

import pytest
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.models import Session
from django.utils import timezone

from portal.sessions import SessionStore

pytestmark = pytest.mark.django_db


def test_what_one_page_keeps_the_next_page_reads():
    first = SessionStore()
    first["intake"] = {"answers": {"who": {"requester_type": ["own_family"]}}}
    first.save()
    first["intake"]["answers"]["family"] = {"children_count": ["2"]}
    first.modified = True
    first.save()

    later = SessionStore(session_key=first.session_key)
    assert later["intake"]["answers"] == {
        "who": {"requester_type": ["own_family"]},
        "family": {"children_count": ["2"]},
    }
    assert Session.objects.count() == 1


def test_an_expired_session_is_read_as_empty_and_gets_a_new_key():
    old = SessionStore()
    old["intake"] = {"answers": {"contact": {"contact_name": ["Anna"]}}}
    old.save()
    Session.objects.filter(session_key=old.session_key).update(expire_date=timezone.now() - timedelta(seconds=1))

    later = SessionStore(session_key=old.session_key)
    assert "intake" not in later
    later["intake"] = {"answers": {}}
    later.save()
    assert later.session_key != old.session_key


def test_a_session_ended_elsewhere_is_not_brought_back_by_a_save():
    # Logged out in another tab while this one was open: its answers must not return.
    store = SessionStore()
    store["intake"] = {"answers": {}}
    store.save()
    Session.objects.filter(session_key=store.session_key).delete()

    store["intake"] = {"answers": {"who": {"requester_type": ["neighbour"]}}}
    with pytest.raises(UpdateError):
        store.save()
    assert not Session.objects.exists()


def test_a_saved_session_keeps_its_expiry_moving():
    store = SessionStore()
    store.set_expiry(60)
    store["intake"] = {"answers": {}}
    store.save()
    store.set_expiry(3600)
    store.save()
    expires = Session.objects.get(session_key=store.session_key).expire_date
    assert timedelta(minutes=59) < expires - timezone.now() <= timedelta(hours=1)
