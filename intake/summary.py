"""From the stored answers to a request, and to the "check your answers" page."""

from django.utils.translation import gettext as _

from intake import steps
from intake.models import DifficultyArea, FosterCare, HelpRequest, InstitutionType, Interpreter, RequesterType


class StepNeedsAnswers(Exception):
    """A step is missing or no longer valid (e.g. its locality was removed from the list)."""

    def __init__(self, step):
        super().__init__(step.key)
        self.step = step


def cleaned_answers(draft):
    """Every step's answers, validated again as the forms see them."""
    values = draft.values()
    cleaned = {}
    for step in steps.STEPS:
        form = step.form_class(draft.raw(step), answers=values)
        if not form.is_valid():
            raise StepNeedsAnswers(step)
        cleaned[step.key] = form.cleaned_data
    return cleaned


def build_request(answers, language):
    """The request the answers make; `language` is the one the form was filled in (RequestLanguage)."""
    who, family, difficulties = answers["who"], answers["family"], answers["difficulties"]
    safety, contact = answers["safety"], answers["contact"]
    return HelpRequest(
        requester_type=who["requester_type"],
        institution_type=who["institution_type"],
        institution_name=who["institution_name"],
        locality=family["locality"],
        address=family["address"],
        postal_code=family["postal_code"],
        children_count=family["children_count"],
        children_ages=family["children_ages"],
        foster_care=family["foster_care"],
        difficulty_areas=difficulties["difficulty_areas"],
        description=difficulties["description"],
        child_in_danger=safety["child_in_danger"],
        anonymous=contact["anonymous"],
        contact_name=contact["contact_name"],
        contact_phone=contact["contact_phone"],
        contact_email=contact["contact_email"],
        best_time_to_call=contact["best_time_to_call"],
        wants_receipt=contact["wants_receipt"],
        interpreter=contact["interpreter"],
        interpreter_language=contact["interpreter_language"],
        language=language,
        received_at=None,
    )


def _label(choices, value):
    return dict(choices.choices).get(value, value)


def _interpreter(contact):
    if contact["interpreter"] == Interpreter.LANGUAGE:
        return _("Yes, language: %(language)s") % {"language": contact["interpreter_language"]}
    if contact["interpreter"] == Interpreter.PJM:
        return _("Yes, Polish Sign Language (PJM)")
    return _("No")


def summary_sections(answers, change_url):
    """Rows of (question, answer) per step, each step with its change link."""
    none = _("Not given")
    who, family, difficulties = answers["who"], answers["family"], answers["difficulties"]
    safety, contact = answers["safety"], answers["contact"]
    rows = {
        "who": [(_("Who is asking"), _label(RequesterType, who["requester_type"]))],
        "family": [
            (_("Locality"), str(family["locality"] or none)),
            (_("Street and house number"), family["address"] or none),
            (_("Postal code"), family["postal_code"] or none),
            (_("Number of children"), none if family["children_count"] is None else str(family["children_count"])),
            (_("Children's ages"), family["children_ages"] or none),
            (_("Child in foster care"), _label(FosterCare, family["foster_care"])),
        ],
        "difficulties": [
            (
                _("What is difficult"),
                ", ".join(str(_label(DifficultyArea, area)) for area in difficulties["difficulty_areas"]) or none,
            ),
            (_("Description"), difficulties["description"] or none),
        ],
        "safety": [(_("Is a child in danger right now?"), _("Yes") if safety["child_in_danger"] else _("No"))],
        "contact": (
            [(_("Contact"), _("Anonymous report"))]
            if contact["anonymous"]
            else [
                (_("Your name"), contact["contact_name"] or none),
                (_("Phone number"), contact["contact_phone"] or none),
                (_("E-mail address"), contact["contact_email"] or none),
                (_("When is a good time to call?"), contact["best_time_to_call"] or none),
                (_("E-mail confirmation"), _("Yes") if contact["wants_receipt"] else _("No")),
                (_("Do you need an interpreter?"), _interpreter(contact)),
            ]
        ),
    }
    if who["requester_type"] == RequesterType.INSTITUTION:
        rows["who"] += [
            (_("Institution"), _label(InstitutionType, who["institution_type"])),
            (_("Name of the institution"), who["institution_name"]),
        ]
    return [{"step": step, "rows": rows[step.key], "change_url": change_url(step)} for step in steps.STEPS]
