"""The small forms behind each action on a request's detail page."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from intake.models import HelpRequest, Outcome
from intake.permissions import visible_requests
from intake.references import normalise
from intake.roles import SOCIAL_WORKERS


class AssignForm(forms.Form):
    worker = forms.ModelChoiceField(label=_("Social worker"), queryset=get_user_model().objects.none())

    def __init__(self, *args, suggestion=None, **kwargs):
        super().__init__(*args, **kwargs)
        workers = get_user_model().objects.filter(is_active=True, groups__name=SOCIAL_WORKERS).order_by("last_name")
        self.fields["worker"].queryset = workers
        self.fields["worker"].label_from_instance = lambda user: user.get_full_name() or user.get_username()
        if suggestion is not None:
            self.fields["worker"].initial = suggestion.pk
            self.fields["worker"].help_text = _("Suggested: %(name)s (serves the locality, fewest open requests).") % {
                "name": suggestion.get_full_name() or suggestion.get_username()
            }


# A mistyped year (0025, 2206) is refused rather than stored, and the first minutes of
# year 1 are not even a time in UTC. Fixed bounds: a date that is right today stays right.
INTERVIEW_YEARS = _("Enter a date from the years 2000 to 2099.")
INTERVIEW_DATE_RANGE = [
    MinValueValidator(datetime.date(2000, 1, 1), message=INTERVIEW_YEARS),
    MaxValueValidator(datetime.date(2099, 12, 31), message=INTERVIEW_YEARS),
]


class ScheduleForm(forms.Form):
    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}), validators=INTERVIEW_DATE_RANGE
    )
    time = forms.TimeField(label=_("Time"), widget=forms.TimeInput(attrs={"type": "time"}))
    place = forms.CharField(label=_("Place"), max_length=200, initial=_("At the family's home"))


class InterviewDoneForm(forms.Form):
    date = forms.DateField(
        label=_("Date of the interview"),
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=INTERVIEW_DATE_RANGE,
    )


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    duplicate_of = forms.CharField(
        label=_("Reference of the other request"),
        max_length=20,
        required=False,
        help_text=_("Only for a duplicate."),
    )

    def __init__(self, *args, help_request=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.help_request = help_request
        self.user = user
        if help_request is not None:
            from intake.workflow import outcomes_allowed

            allowed = outcomes_allowed(help_request)
            self.fields["outcome"].choices = [c for c in Outcome.choices if c[0] in allowed]

    def clean_duplicate_of(self):
        reference = normalise(self.cleaned_data.get("duplicate_of", ""))
        if reference and self.help_request is not None and reference == self.help_request.reference:
            raise forms.ValidationError(
                _("This is the reference of this request. Give the reference of the other one.")
            )
        # Looked up only among the requests this user may see, with one answer for "not
        # yours" and "no such request": otherwise a social worker could test references.
        if reference and not visible_requests(self.user, HelpRequest.objects.filter(reference=reference)).exists():
            raise forms.ValidationError(_("There is no request with this reference."))
        return reference

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") == Outcome.DUPLICATE and not cleaned.get("duplicate_of") and not self.errors:
            self.add_error("duplicate_of", _("Give the reference of the request this one repeats."))
        return cleaned


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Note"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))


class EmptyForm(forms.Form):
    """Actions that need only a click (accept, reopen, urgency)."""
