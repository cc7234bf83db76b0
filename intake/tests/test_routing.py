"""Suggesting the social worker for a new request."""

import datetime

import pytest
from django.utils import timezone

from intake.routing import suggest_worker
from intake.tests.factories import HelpRequestFactory, LocalityFactory, make_social_worker

pytestmark = pytest.mark.django_db


def test_the_worker_serving_the_locality_with_fewest_open_requests(db):
    debnik, lipnik = LocalityFactory(name="Dębnik"), LocalityFactory(name="Lipnik")
    busy = make_social_worker("zajety", debnik)
    free = make_social_worker("wolny", debnik)
    make_social_worker("inna_gmina", lipnik)
    HelpRequestFactory(locality=debnik, assigned_to=busy, status="assigned", assigned_at=timezone.now())

    assert suggest_worker(HelpRequestFactory(locality=debnik)) == free


def test_closed_requests_do_not_count_and_workers_on_leave_are_skipped(db):
    debnik = LocalityFactory(name="Dębnik")
    first = make_social_worker("pierwszy", debnik)
    make_social_worker("na_urlopie", debnik, accepts=False)
    HelpRequestFactory(locality=debnik, assigned_to=first, status="closed", assigned_at=timezone.now())

    assert suggest_worker(HelpRequestFactory(locality=debnik)) == first


def test_ties_go_to_the_one_assigned_least_recently(db):
    debnik = LocalityFactory(name="Dębnik")
    recent = make_social_worker("niedawno", debnik)
    earlier = make_social_worker("dawno", debnik)
    now = timezone.now()
    HelpRequestFactory(locality=debnik, assigned_to=recent, status="closed", assigned_at=now)
    HelpRequestFactory(
        locality=debnik, assigned_to=earlier, status="closed", assigned_at=now - datetime.timedelta(days=3)
    )
    assert suggest_worker(HelpRequestFactory(locality=debnik)) == earlier

    never = make_social_worker("nigdy", debnik)
    assert suggest_worker(HelpRequestFactory(locality=debnik)) == never


def test_nobody_serves_the_locality(db):
    make_social_worker("lipnik", LocalityFactory(name="Lipnik"))
    assert suggest_worker(HelpRequestFactory(locality=LocalityFactory(name="Dębnik"))) is None
