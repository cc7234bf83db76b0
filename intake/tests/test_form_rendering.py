"""The form's inputs written directly (intake_tags) are the inputs Django's widget templates write.

They are written by hand for speed; this keeps them equal, attribute for attribute,
for every field of every step, empty, filled and refused.
"""

import re

import pytest
from bs4 import BeautifulSoup

from intake import steps
from intake.templatetags.intake_tags import WRITTEN_HERE, choice_input, described_input, form_field, is_checkbox, is_choice_group

pytestmark = pytest.mark.django_db


def attributes(html):
    """Tags, attributes and values, in any order (HTML gives order no meaning)."""
    text = " ".join(re.sub(r"<[^>]+>", " ", str(html)).split())
    return sorted(re.findall(r'<(\w+)|(\w[\w-]*)(?:="([^"]*)")?', str(html))), text


def django_widget(field):
    ids = [f"{field.auto_id}-hint"] if field.help_text else []
    attrs = {}
    if field.errors:
        ids.append(f"{field.auto_id}-error")
        attrs["aria-invalid"] = "true"
    if ids:
        attrs["aria-describedby"] = " ".join(ids)
    return field.as_widget(attrs=attrs)


ODD = {
    "address": 'ul. <b>"Polna"</b> & 3',
    "children_count": "dwoje",
    "postal_code": "8",
    "contact_name": "Anna \"Ania\" O'Brien",
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


def test_written_inputs_equal_djangos(form):
    compared = 0
    for field in form:
        if type(field.field.widget) in WRITTEN_HERE:
            assert attributes(described_input(field)) == attributes(django_widget(field)), field.name
            compared += 1
        elif hasattr(field.field.widget, "allow_multiple_selected") or getattr(field.field.widget, "input_type", "") in ("radio", "checkbox"):
            for choice in field:
                assert attributes(choice_input(choice)) == attributes(choice.tag()), field.name
                compared += 1
    assert compared > 0


def described_by(node):
    return set(node.get("aria-describedby", "").split())


def test_every_question_has_its_label_hint_and_error_tied_to_its_input(form):
    for field in form:
        html = BeautifulSoup(str(form_field(field)), "html.parser")
        hint = html.find(id=f"{field.auto_id}-hint")
        error = html.find(id=f"{field.auto_id}-error")
        assert (hint is not None) == bool(field.help_text), field.name
        if hint:
            assert hint.get_text() == str(field.help_text)
        assert (error is not None) == bool(field.errors), field.name
        if error:
            # Screen readers hear "Błąd:" before each message; the message itself is shown.
            assert error.get_text(" ", strip=True) == " ".join(f"Błąd: {message}" for message in field.errors)
        if is_choice_group(field):
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
            assert label.get_text().endswith("(nieobowiązkowe)") != field.field.required or is_checkbox(field), field.name
            described = described_by(control)
            assert (control.get("aria-invalid") == "true") == bool(field.errors), field.name
        assert described == {node["id"] for node in (hint, error) if node}, field.name
