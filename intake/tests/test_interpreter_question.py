"""The contact step asks whether the family needs an interpreter; the answer is checked, shown and stored."""

import pytest
from bs4 import BeautifulSoup

from intake.models import HelpRequest, Interpreter
from intake.tests.walk import CHECK, answers, fill_steps, send, step_url

pytestmark = pytest.mark.django_db


def doc(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def squash(node):
    return " ".join(node.get_text(" ").split())


def contact(locality, **values):
    return dict(answers(locality)["kontakt"], **values)


def reach_contact_step(client, locality, **overrides):
    steps = answers(locality, **overrides)
    fill_steps(client, {slug: steps[slug] for slug in ("kto", "rodzina", "trudnosci", "bezpieczenstwo")})


def test_the_contact_step_asks_about_an_interpreter_with_the_right_to_a_pjm_interpreter(client, intake_page, locality):
    reach_contact_step(client, locality)
    page = doc(client.get(step_url("kontakt")))
    question = page.find(id="id_interpreter-field")
    assert squash(question.legend) == "Czy potrzebujesz tłumacza?"
    choices = [squash(label) for label in question.select("label")]
    assert choices == ["Nie", "Tak, na mój język", "Tak, polski język migowy (PJM)"]
    assert question.find("input", value="none").has_attr("checked")  # "no" unless the person says otherwise
    hint = squash(question.select_one(".field__hint"))
    assert (
        hint
        == "Osoba głucha ma prawo do bezpłatnego tłumacza polskiego języka migowego (PJM), którego zapewnia ośrodek."
    )
    # "Which language?" shows only once "into my language" is chosen (the page's reveal pattern).
    language = page.select_one("[data-reveal-when='interpreter=language']")
    assert language is not None and language.find(id="id_interpreter_language") is not None
    # Once shown it must be answered: not marked "(optional)".
    assert (
        squash(language.find("label", attrs={"for": "id_interpreter_language"})) == "W jakim języku chcesz rozmawiać?"
    )
    assert "conditional--closed" in language["class"]


def test_choosing_a_language_asks_which_and_keeps_the_answer(client, intake_page, locality):
    reach_contact_step(client, locality)
    response = client.post(step_url("kontakt"), contact(locality, interpreter="language", interpreter_language=" "))
    assert response.status_code == 200
    page = doc(response)
    assert [squash(item) for item in page.select("[data-error-summary] li")] == [
        "Wpisz język, w którym chcesz rozmawiać."
    ]
    assert page.select_one("[data-error-summary] a")["href"] == "#id_interpreter_language"
    # Shown open again, with the choice kept.
    assert "conditional--closed" not in page.select_one("[data-reveal-when='interpreter=language']")["class"]
    assert page.find("input", attrs={"name": "interpreter", "value": "language"}).has_attr("checked")

    response = client.post(
        step_url("kontakt"), contact(locality, interpreter="language", interpreter_language="ukraiński")
    )
    assert response.status_code == 302 and response["Location"] == CHECK


@pytest.mark.parametrize(
    ("answer", "shown", "stored"),
    [
        (
            {"interpreter": "language", "interpreter_language": " tigrinia "},
            "Tak, język: tigrinia",
            ("language", "tigrinia"),
        ),
        ({"interpreter": "pjm", "interpreter_language": "zapomniany"}, "Tak, polski język migowy (PJM)", ("pjm", "")),
        ({"interpreter": "none", "interpreter_language": "zapomniany"}, "Nie", ("none", "")),
        ({}, "Nie", ("none", "")),
    ],
    ids=["language", "pjm", "none", "not-asked"],
)
def test_the_answer_is_on_the_check_page_with_a_change_link_and_stored(
    client, intake_page, locality, answer, shown, stored
):
    base = contact(locality)
    fill_steps(client, answers(locality, kontakt={**base, **answer}))
    page = doc(client.get(CHECK))
    section = page.find("section", attrs={"aria-labelledby": "summary-contact"})
    rows = {squash(row.dt): squash(row.dd) for row in section.select(".summary__row")}
    assert rows["Czy potrzebujesz tłumacza?"] == shown
    change = section.select_one(".summary__header a")["href"]
    assert change == step_url("kontakt") + "?powrot=sprawdz"
    # The change link opens the step with the answer as given (none, for a step saved before the question).
    chosen = doc(client.get(change)).find("input", attrs={"name": "interpreter", "checked": True})
    assert (chosen["value"] if chosen else None) == answer.get("interpreter")

    send(client)
    saved = HelpRequest.objects.get()
    assert (saved.interpreter, saved.interpreter_language) == stored


def test_an_anonymous_report_keeps_no_interpreter(client, intake_page, locality):
    steps = answers(
        locality,
        kto={"requester_type": "other_family"},
        kontakt={"anonymous": "on", "interpreter": "language", "interpreter_language": "arabski"},
    )
    fill_steps(client, steps)
    send(client)
    saved = HelpRequest.objects.get()
    assert saved.anonymous and saved.interpreter == Interpreter.NONE and saved.interpreter_language == ""


def test_a_tampered_answer_is_refused_clearly(client, intake_page, locality):
    reach_contact_step(client, locality)
    response = client.post(step_url("kontakt"), contact(locality, interpreter="martian"))
    assert response.status_code == 200
    assert [squash(item) for item in doc(response).select("[data-error-summary] li")] == [
        "Wybierz jedną z podanych odpowiedzi."
    ]
