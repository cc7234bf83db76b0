"""The steps of the request, in order. Slugs are Polish: they appear in the address bar."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from intake import forms


@dataclass(frozen=True)
class Step:
    key: str
    slug: str
    title: str
    form_class: type


STEPS = [
    Step("who", "kto", _("Who is asking"), forms.WhoForm),
    Step("family", "rodzina", _("About the family"), forms.FamilyForm),
    Step("difficulties", "trudnosci", _("What is difficult"), forms.DifficultiesForm),
    Step("safety", "bezpieczenstwo", _("Safety"), forms.SafetyForm),
    Step("contact", "kontakt", _("How to reach you"), forms.ContactForm),
]
BY_SLUG = {step.slug: step for step in STEPS}


def index_of(step):
    return STEPS.index(step)


def previous(step):
    position = index_of(step)
    return STEPS[position - 1] if position > 0 else None


def following(step):
    position = index_of(step)
    return STEPS[position + 1] if position + 1 < len(STEPS) else None
