"""Going through the form as a person would, with the test client.

Every helper takes the form page's address, `page`: the Polish one unless a test walks
a translation (/uk/popros-o-pomoc/, /en/popros-o-pomoc/).
"""

PAGE = "/popros-o-pomoc/"
CHECK = PAGE + "sprawdz/"


def step_url(slug, page=PAGE):
    return f"{page}krok/{slug}/"


def check_url(page=PAGE):
    return page + "sprawdz/"


def answers(locality, **overrides):
    """A complete, valid set of answers; override a step with {"step": {...}}."""
    steps = {
        "kto": {"requester_type": "own_family"},
        "rodzina": {
            "locality": str(locality.pk),
            "address": "ul. Polna 3",
            "postal_code": "84-100",
            "children_count": "2",
            "children_ages": "4 i 9 lat",
            "foster_care": "no",
        },
        "trudnosci": {"difficulty_areas": ["care", "money"], "description": "Trudno nam z rachunkami."},
        "bezpieczenstwo": {"child_in_danger": "no"},
        "kontakt": {
            "contact_name": "Anna Testowa",
            "contact_phone": "600 100 200",
            "contact_email": "anna@example.pl",
            "best_time_to_call": "po 15:00",
            "wants_receipt": "on",
        },
    }
    for slug, data in overrides.items():
        steps[slug] = data
    return steps


def fill_steps(client, steps, page=PAGE):
    for slug, data in steps.items():
        response = client.post(step_url(slug, page), data)
        assert response.status_code == 302, (slug, response.content.decode()[:2000])
    return client


def token_from_check_page(client, page=PAGE):
    from bs4 import BeautifulSoup

    doc = BeautifulSoup(client.get(check_url(page)).content.decode(), "html.parser")
    return doc.find("input", attrs={"name": "token"})["value"]


def send(client, token=None, page=PAGE):
    token = token or token_from_check_page(client, page)
    return client.post(check_url(page), {"privacy_acknowledged": "on", "token": token, "website": ""})
