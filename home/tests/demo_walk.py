"""The demo centre with a request sent through its form by the test client, for checks of the pages on the way."""

from io import StringIO

from django.core.cache import cache
from django.core.management import call_command

from intake.models import Locality
from intake.tests.walk import CHECK, answers, fill_steps, send


def load_demo():
    call_command("load_demo_content", stdout=StringIO())


def request_pages(client, settings):
    """{name: response} of a step, the check page and the confirmation of one request sent in the demo."""
    settings.INTAKE_MIN_FILL_SECONDS = 0
    cache.clear()  # the form's rate limits count in the cache
    step = client.get("/popros-o-pomoc/krok/kto/")
    fill_steps(client, answers(Locality.objects.get(name="Dębnik")))
    check = client.get(CHECK)
    sent = send(client)
    assert sent.status_code == 302, sent.status_code
    return {"step": step, "check": check, "confirmation": client.get(sent["Location"])}
