"""Every question of the form, drawn by the project's templates through Django's form rendering.

For every field of every step, empty, refused and filled with odd answers: its label or
legend, its hint and its error, and the input(s) tied to them for screen readers.
"""

import pytest
from bs4 import BeautifulSoup

from intake import steps

pytestmark = pytest.mark.django_db


ODD = {
    "address": 'ul. <b>"Polna"</b> & 3',
    "children_count": "dwoje",
    "postal_code": "8",
    "contact_name": 'Anna "Ania" O\'Brien',
    "contact_email": "nie-adres",
    "description": "<script>x</script>\nw dwóch liniach",
    "requester_type": "institution",
    "difficulty_areas": ["care", "bogus"],
    "wants_receipt": "on",
    "locality": "abc",
}


@pytest.fixture(params=steps.STEPS, ids=lambda step: step.key)
def step(request):
    return request.param


@pytest.fixture(params=[None, {}, ODD], ids=["empty", "refused", "odd"])
def form(request, step, locality):
    """The step's form as first shown, sent empty, and sent with odd answers."""
    form = step.form_class(request.param)
    if request.param is not None:
        form.is_valid()
    return form


def described_by(node):
    return set(node.get("aria-describedby", "").split())


def test_every_question_has_its_label_hint_and_error_tied_to_its_input(form):
    for field in form:
        html = BeautifulSoup(field.as_field_group(), "html.parser")
        hint = html.find(id=f"{field.auto_id}_helptext")
        error = html.find(id=f"{field.auto_id}_error")
        assert (hint is not None) == bool(field.help_text), field.name
        if hint:
            assert hint.get_text() == str(field.help_text)
        assert (error is not None) == bool(field.errors), field.name
        if error:
            # Screen readers hear "Błąd:" before each message; the message itself is shown.
            assert error.get_text(" ", strip=True) == " ".join(f"Błąd: {message}" for message in field.errors)
        if field.use_fieldset:
            group = html.find("fieldset")
            assert group.legend.get_text() == str(field.label)
            described = described_by(group)
            inputs = group.find_all("input")
            assert [box["value"] for box in inputs] == [str(value) for value, _label in field.field.choices]
            for box in inputs:
                assert html.find("label", attrs={"for": box["id"]}).get_text().strip()
        else:
            control = html.find(id=field.auto_id)
            label = html.find("label", attrs={"for": field.auto_id})
            assert label.get_text().startswith(str(field.label)), field.name
            # A question revealed by an earlier answer must then be answered: never "(optional)".
            required = field.field.required or getattr(field.field, "required_when_shown", False)
            assert label.get_text().endswith("(nieobowiązkowe)") != required or field.widget_type == "checkbox", (
                field.name
            )
            described = described_by(control)
            assert (control.get("aria-invalid") == "true") == bool(field.errors), field.name
        assert described == {node["id"] for node in (hint, error) if node}, field.name


def test_what_was_typed_comes_back_escaped_into_its_input(locality):
    from intake.forms import FamilyForm

    form = FamilyForm(ODD)
    form.is_valid()
    html = form["address"].as_field_group()
    assert "<b>" not in html
    assert BeautifulSoup(html, "html.parser").find("input", attrs={"name": "address"})["value"] == ODD["address"]


def test_the_questions_are_drawn_by_the_projects_templates(step):
    """Through Django's form renderer, so a template in templates/intake/forms/ changes every question."""
    form = step.form_class()
    assert form.renderer.field_template_name == "intake/forms/field.html"
    assert all(f'id="{field.auto_id}-field"' in field.as_field_group() for field in form)


def test_questions_revealed_by_an_earlier_answer_are_not_marked_optional():
    # An institution must give its name, and someone who asks for an interpreter their language.
    from intake.forms import ContactForm, WhoForm

    for field in (WhoForm()["institution_name"], ContactForm()["interpreter_language"]):
        label = BeautifulSoup(field.as_field_group(), "html.parser").find("label").get_text()
        assert "(nieobowiązkowe)" not in label, field.name
