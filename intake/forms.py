"""One small form per step of the request, with messages in plain Polish.

Each form knows the answers given so far (`answers`), because some questions
depend on earlier ones: an institution must be named, an anonymous report needs
the family's address.
"""

import unicodedata

from django import forms
from django.core.validators import RegexValidator
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from home.validators import postal_code_validator
from intake.models import DifficultyArea, FosterCare, InstitutionType, Interpreter, Locality, RequesterType

REQUIRED = _("This field is required.")
# Django's own wording of these ("Ensure this value has at most 200 characters (it has 201).",
# "Null characters are not allowed.") is no message for a family, in any language: each step
# gives its own, by the error's code, over the validators' messages.
PLAIN_MESSAGES = {
    "required": REQUIRED,
    "max_length": ngettext_lazy(
        "Shorten this answer to %(limit_value)d character or fewer.",
        "Shorten this answer to %(limit_value)d characters or fewer.",
        "limit_value",
    ),
    "null_characters_not_allowed": _("This answer contains a character that cannot be saved. Type it again."),
    "invalid_choice": _("Choose one of the answers shown."),
    "invalid_list": _("Choose one of the answers shown."),
}


def _django_default(field, code):
    for cls in type(field).__mro__:
        if code in getattr(cls, "default_error_messages", {}):
            return cls.default_error_messages[code]
    return None


def use_plain_messages(form):
    """Our own wording wherever a field would show Django's; a message the field was given stays."""
    for field in form.fields.values():
        for code, message in PLAIN_MESSAGES.items():
            current = field.error_messages.get(code)
            if current is None or current is _django_default(field, code):
                field.error_messages[code] = message


def latin_digits(text):
    """Digits typed in another script (full-width, Arabic-Indic, ...) written as 0-9.

    A phone keyboard may type them; they mean the same number, and staff must be able
    to read and dial it.
    """
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


class DigitsField(forms.CharField):
    """Text in which any digit is kept as 0-9, before the validators look at it."""

    def to_python(self, value):
        return latin_digits(super().to_python(value))


class StepFormRenderer(TemplatesSetting):
    """Each question drawn by the project's own template (templates/intake/forms/field.html)."""

    field_template_name = "intake/forms/field.html"


class ChoiceButtons(forms.RadioSelect):
    """Radio buttons as the form's cards: each input beside its label (templates/intake/forms/widgets/)."""

    template_name = "intake/forms/widgets/choices.html"
    option_template_name = "intake/forms/widgets/choice.html"


class ChoiceBoxes(forms.CheckboxSelectMultiple):
    template_name = "intake/forms/widgets/choices.html"
    option_template_name = "intake/forms/widgets/choice.html"


class StepForm(forms.Form):
    """Base for the steps: forms that carry the answers of the earlier steps."""

    default_renderer = StepFormRenderer
    # Questions shown only after a certain answer, and then required (checked in clean()):
    # the field template does not mark them "(optional)".
    required_when_shown = ()

    def __init__(self, *args, answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.answers = answers or {}
        for name in self.required_when_shown:
            self.fields[name].required_when_shown = True
        use_plain_messages(self)

    def earlier(self, step, field, default=None):
        return self.answers.get(step, {}).get(field, default)


class WhoForm(StepForm):
    requester_type = forms.ChoiceField(
        label=_("Who is asking for support?"),
        choices=RequesterType.choices,
        widget=ChoiceButtons,
        error_messages={"required": _("Choose who is asking for support.")},
    )
    institution_type = forms.ChoiceField(
        label=_("Which institution?"),
        choices=InstitutionType.choices,
        widget=ChoiceButtons,
        required=False,
    )
    institution_name = forms.CharField(
        label=_("Name of the institution"),
        max_length=200,
        required=False,
        help_text=_("For example: Primary School in Przykładowo."),
    )
    required_when_shown = ("institution_name",)  # when an institution is asking

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("requester_type") == RequesterType.INSTITUTION:
            if not cleaned.get("institution_type"):
                self.add_error("institution_type", _("Choose the kind of institution."))
            if not cleaned.get("institution_name", "").strip():
                self.add_error("institution_name", _("Enter the name of the institution."))
        else:
            cleaned["institution_type"] = ""
            cleaned["institution_name"] = ""
        return cleaned


class FamilyForm(StepForm):
    locality = forms.ModelChoiceField(
        label=_("Locality"),
        queryset=Locality.objects.filter(is_active=True),
        required=False,
        empty_label=_("Choose a locality"),
        help_text=_("Where the family lives."),
        error_messages={"invalid_choice": _("Choose a locality from the list.")},
    )
    address = forms.CharField(
        label=_("Street and house number"),
        max_length=200,
        required=False,
        help_text=_("So that a social worker can visit the family."),
    )
    postal_code = DigitsField(
        label=_("Postal code"),
        max_length=6,
        required=False,
        validators=[postal_code_validator],
        help_text=_("For example: 84-100."),
    )
    children_count = forms.IntegerField(
        label=_("How many children are in the family?"),
        min_value=0,
        max_value=30,
        required=False,
        error_messages={
            "invalid": _("Enter the number of children as digits, for example 2."),
            "min_value": _("The number of children cannot be less than 0."),
            "max_value": _("Enter a number of children up to 30."),
        },
    )
    children_ages = forms.CharField(
        label=_("Children's ages"),
        max_length=200,
        required=False,
        help_text=_("For example: 3, 7 and 12 years. Leave empty if you don't know."),
    )
    foster_care = forms.ChoiceField(
        label=_("Is any of the children in foster care now?"),
        choices=FosterCare.choices,
        widget=ChoiceButtons,
        initial=FosterCare.UNKNOWN,
        error_messages={"required": _("Choose an answer about foster care.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Browsers may fill in the applicant's own address only when the family is theirs.
        own = self.earlier("who", "requester_type") == RequesterType.OWN_FAMILY
        # One line of the address: "street-address" is for a multi-line field (HTML spec).
        self.fields["address"].widget.attrs["autocomplete"] = "address-line1" if own else "off"
        self.fields["postal_code"].widget.attrs["autocomplete"] = "postal-code" if own else "off"
        self.fields["postal_code"].widget.attrs["inputmode"] = "numeric"
        self.fields["children_count"].widget.attrs["inputmode"] = "numeric"


class DifficultiesForm(StepForm):
    difficulty_areas = forms.MultipleChoiceField(
        label=_("What is difficult for the family?"),
        choices=DifficultyArea.choices,
        widget=ChoiceBoxes,
        required=False,
        help_text=_("Tick everything that applies."),
    )
    description = forms.CharField(
        label=_("Tell us in your own words what is happening"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=5000,
        help_text=_("Write as much or as little as you want, up to 5000 characters."),
        error_messages={"max_length": _("Shorten the description to 5000 characters or fewer.")},
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("difficulty_areas") and not cleaned.get("description", "").strip():
            self.add_error("description", _("Tick at least one area or describe the situation."))
        return cleaned


class SafetyForm(StepForm):
    child_in_danger = forms.TypedChoiceField(
        label=_("Is a child in danger right now?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=ChoiceButtons,
        help_text=_("For example: a child is left alone, is being hurt, or there is violence at home."),
        error_messages={"required": _("Choose yes or no.")},
    )


phone_format = RegexValidator(
    r"^(\+48)?\d{9}$",
    _("Enter a Polish phone number: 9 digits, with or without +48, for example 600 100 200."),
)


class ContactForm(StepForm):
    anonymous = forms.BooleanField(
        label=_("I want to stay anonymous"),
        required=False,
        help_text=_("You can report another family without giving your name. We will then not be able to contact you."),
    )
    contact_name = forms.CharField(
        label=_("Your name"), max_length=120, required=False, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    contact_phone = DigitsField(
        label=_("Phone number"),
        max_length=20,
        required=False,
        help_text=_("For example: 600 100 200."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel", "inputmode": "tel"}),
    )
    contact_email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={"invalid": _("Enter an e-mail address in the form name@example.pl.")},
    )
    best_time_to_call = forms.CharField(
        label=_("When is a good time to call?"),
        max_length=120,
        required=False,
        help_text=_("For example: weekdays after 15:00."),
    )
    wants_receipt = forms.BooleanField(
        label=_("Send me an e-mail with the request's reference"),
        required=False,
        help_text=_("The e-mail holds only the reference and what happens next, nothing you wrote."),
    )
    # Asked here, with how to reach the person: the social worker arranges the interpreter
    # before the first conversation and the visit.
    interpreter = forms.ChoiceField(
        label=_("Do you need an interpreter?"),
        choices=[
            (Interpreter.NONE, _("No")),
            (Interpreter.LANGUAGE, _("Yes, into my language")),
            (Interpreter.PJM, _("Yes, Polish Sign Language (PJM)")),
        ],
        widget=ChoiceButtons,
        initial=Interpreter.NONE,
        required=False,
        # The act on sign language (19 August 2011, art. 8-12), DOMAIN.md "Languages".
        help_text=_(
            "A deaf person has the right to a free Polish Sign Language (PJM) interpreter, arranged by the centre."
        ),
    )
    interpreter_language = forms.CharField(
        label=_("Which language do you want to talk in?"),
        max_length=60,
        required=False,
        help_text=_("For example: Ukrainian, Russian, Arabic."),
    )
    required_when_shown = ("interpreter_language",)  # with "into my language"

    def clean_interpreter(self):
        # Not answered (a step saved before the question existed): no interpreter.
        return self.cleaned_data.get("interpreter") or Interpreter.NONE

    def clean_contact_phone(self):
        raw = self.cleaned_data.get("contact_phone", "")
        if not raw.strip():
            return ""
        phone_format("".join(ch for ch in raw if ch not in " -()"))
        return raw.strip()

    def clean(self):
        cleaned = super().clean()
        may_be_anonymous = self.earlier("who", "requester_type") == RequesterType.OTHER_FAMILY
        if cleaned.get("anonymous"):
            if not may_be_anonymous:
                self.add_error("anonymous", _("Only a person reporting another family can stay anonymous."))
            elif not (self.earlier("family", "locality") and (self.earlier("family", "address") or "").strip()):
                self.add_error(
                    "anonymous",
                    _("To stay anonymous, give the family's locality and address in the step about the family."),
                )
            # Nobody will be contacted: nothing about the person is kept, nor an interpreter for them.
            for field in (
                "contact_name",
                "contact_phone",
                "contact_email",
                "best_time_to_call",
                "interpreter_language",
            ):
                cleaned[field] = ""
            cleaned["wants_receipt"] = False
            cleaned["interpreter"] = Interpreter.NONE
            return cleaned
        if not cleaned.get("contact_name", "").strip() and "contact_name" not in self.errors:
            self.add_error("contact_name", _("Enter your name, or choose to stay anonymous if you may."))
        if (
            not cleaned.get("contact_phone")
            and not cleaned.get("contact_email")
            and "contact_phone" not in self.errors
            and "contact_email" not in self.errors
        ):
            self.add_error("contact_phone", _("Give a phone number or an e-mail address, so that we can reach you."))
        if cleaned.get("wants_receipt") and not cleaned.get("contact_email") and "contact_email" not in self.errors:
            self.add_error("contact_email", _("Enter an e-mail address to receive the confirmation."))
        if cleaned.get("interpreter") != Interpreter.LANGUAGE:
            cleaned["interpreter_language"] = ""
        elif "interpreter_language" not in self.errors:
            cleaned["interpreter_language"] = cleaned.get("interpreter_language", "").strip()
            if not cleaned["interpreter_language"]:
                self.add_error("interpreter_language", _("Enter the language you want to talk in."))
        return cleaned


class SubmitForm(forms.Form):
    """The last page: the information clause is acknowledged, plus the anti-spam checks."""

    default_renderer = StepFormRenderer

    privacy_acknowledged = forms.BooleanField(
        label=_("I have read the information on how my data is processed"),
        error_messages={"required": _("Confirm that you have read the information on data processing.")},
    )
    # A field people never see; bots that fill every input give themselves away.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    token = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={
            "invalid": _("This page of the form was not sent correctly. Check your answers and send them again."),
        },
    )

    def __init__(self, *args, recaptcha=False, **kwargs):
        super().__init__(*args, **kwargs)
        if recaptcha:
            from django_recaptcha.fields import ReCaptchaField

            self.fields["captcha"] = ReCaptchaField(
                label=_("Confirm you are not a robot"),
                error_messages={
                    "required": _("Confirm you are not a robot."),
                    "captcha_invalid": _("We could not confirm that you are not a robot. Please try again."),
                    "captcha_error": _("We could not confirm that you are not a robot. Please try again."),
                },
            )
        use_plain_messages(self)

    @property
    def is_bot(self):
        # A bot may send the field twice with the filled copy first; any filled copy gives it away.
        values = self.data.getlist("website") if hasattr(self.data, "getlist") else [self.data.get("website")]
        return any(values)
