"""A request for help, as the applicant (or staff, for a phone call) gave it."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.validators import phone_validator, postal_code_validator


class RequesterType(models.TextChoices):
    OWN_FAMILY = "own_family", _("For my own family")
    OTHER_FAMILY = "other_family", _("About another family I am worried about")
    INSTITUTION = "institution", _("On behalf of an institution")


class InstitutionType(models.TextChoices):
    SCHOOL = "school", _("School or kindergarten")
    HEALTH = "health", _("Health care")
    POLICE = "police", _("Police")
    COURT = "court", _("Court or probation officer")
    OTHER = "other", _("Other institution")


class FosterCare(models.TextChoices):
    NO = "no", _("No")
    YES = "yes", _("Yes, a child is in foster care now")
    UNKNOWN = "unknown", _("I don't know")


class DifficultyArea(models.TextChoices):
    CARE = "care", _("Caring for and bringing up children")
    HOUSEHOLD = "household", _("Running the household")
    MONEY = "money", _("Money and social matters")
    EMOTIONAL = "emotional", _("Emotional and psychological difficulties")
    WORK = "work", _("Work")
    HEALTH = "health", _("Health or disability")
    HOUSING = "housing", _("Housing")
    SCHOOL = "school", _("School")
    OTHER = "other", _("Something else")


class RequestLanguage(models.TextChoices):
    """The language of the form a request was sent from: the address's (/uk/, /en/), Polish without one."""

    POLISH = "pl", _("Polish")
    UKRAINIAN = "uk", _("Ukrainian")
    ENGLISH = "en", _("English")


class Interpreter(models.TextChoices):
    NONE = "none", _("Not needed")
    LANGUAGE = "language", _("Interpreter of a foreign language")
    # Act of 19 August 2011 on sign language, art. 8-12: the centre provides one, free of charge.
    PJM = "pjm", _("Polish Sign Language (PJM) interpreter")


class Channel(models.TextChoices):
    ONLINE = "online", _("Online form")
    PHONE = "phone", _("Phone call")
    IN_PERSON = "in_person", _("In person")
    LETTER = "letter", _("Letter or e-mail")


class Status(models.TextChoices):
    NEW = "new", _("New")
    ASSIGNED = "assigned", _("Assigned")
    INTERVIEW_SCHEDULED = "interview_scheduled", _("Interview scheduled")
    INTERVIEW_DONE = "interview_done", _("Interview done")
    CLOSED = "closed", _("Closed")


class Outcome(models.TextChoices):
    FAMILY_ASSISTANT = "family_assistant", _("Family assistant requested")
    OTHER_SUPPORT = "other_support", _("Other support")
    NO_NEED = "no_need", _("No need found")
    UNREACHABLE = "unreachable", _("Family could not be reached")
    REFERRED = "referred", _("Referred elsewhere")
    DUPLICATE = "duplicate", _("Duplicate of another request")
    SPAM = "spam", _("Spam")


OPEN_STATUSES = [Status.NEW, Status.ASSIGNED, Status.INTERVIEW_SCHEDULED, Status.INTERVIEW_DONE]


class HelpRequest(models.Model):
    # A case file, not content: Wagtail's reference index would list requests on the
    # "usage" page of a locality or a user, for anyone who may edit those, and queue a
    # background task on every save of a request.
    wagtail_reference_index_ignore = True

    reference = models.CharField(_("reference"), max_length=9, unique=True, editable=False)
    # Set from the check page's one-time token: a double click or a resend after
    # "back" hits this unique key instead of creating a second request.
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, default=Channel.ONLINE)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)

    requester_type = models.CharField(_("who is asking"), max_length=20, choices=RequesterType.choices)
    institution_type = models.CharField(_("institution"), max_length=20, choices=InstitutionType.choices, blank=True)
    institution_name = models.CharField(_("name of the institution"), max_length=200, blank=True)

    locality = models.ForeignKey(
        "intake.Locality", verbose_name=_("locality"), null=True, blank=True, on_delete=models.PROTECT
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=6, blank=True, validators=[postal_code_validator])
    children_count = models.PositiveSmallIntegerField(
        _("number of children"), null=True, blank=True, validators=[MaxValueValidator(30)]
    )
    children_ages = models.CharField(_("children's ages"), max_length=200, blank=True)
    foster_care = models.CharField(
        _("child in foster care now"), max_length=10, choices=FosterCare.choices, default=FosterCare.UNKNOWN
    )

    difficulty_areas = models.JSONField(_("what is difficult"), default=list, blank=True)
    description = models.TextField(_("description"), max_length=5000, blank=True)

    child_in_danger = models.BooleanField(_("a child is in danger now"), default=False)
    is_urgent = models.BooleanField(_("urgent"), default=False, db_index=True)
    interview_deadline = models.DateField(_("interview deadline"), editable=False)

    anonymous = models.BooleanField(_("anonymous"), default=False)
    contact_name = models.CharField(_("name"), max_length=120, blank=True)
    contact_phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[phone_validator])
    contact_email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    best_time_to_call = models.CharField(_("good time to call"), max_length=120, blank=True)
    wants_receipt = models.BooleanField(_("wants an e-mail receipt"), default=False)
    language = models.CharField(
        _("language of the request"), max_length=2, choices=RequestLanguage.choices, default=RequestLanguage.POLISH
    )
    interpreter = models.CharField(
        _("interpreter"), max_length=10, choices=Interpreter.choices, default=Interpreter.NONE
    )
    interpreter_language = models.CharField(_("interpreter's language"), max_length=60, blank=True)
    privacy_acknowledged_at = models.DateTimeField(_("information clause acknowledged"), null=True, blank=True)

    # Triage: who works the request and where it stands.
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("social worker"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_requests",
        editable=False,
    )
    assigned_at = models.DateTimeField(_("assigned"), null=True, blank=True, editable=False)
    accepted_at = models.DateTimeField(_("accepted by the social worker"), null=True, blank=True, editable=False)
    interview_at = models.DateTimeField(_("interview date and time"), null=True, blank=True, editable=False)
    interview_place = models.CharField(_("interview place"), max_length=200, blank=True, editable=False)
    interview_done_at = models.DateTimeField(_("interview held"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True, editable=False)
    duplicate_of = models.CharField(_("duplicate of"), max_length=9, blank=True, editable=False)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["interview_deadline", "received_at"]
        verbose_name = _("help request")
        verbose_name_plural = _("help requests")
        permissions = [
            ("manage_all_helprequests", _("Can see and manage all requests")),
            ("export_helprequest", _("Can export requests")),
        ]
        # Each list and dashboard panel reads one of these in its own order (deadline, then
        # received), so a page is the first rows of an index range however long the history
        # grows; status and deadline on their own are prefixes of these and need no index.
        indexes = [
            # Coordinators: every request, and each status filter.
            models.Index(fields=["interview_deadline", "received_at"], name="intake_request_by_deadline"),
            models.Index(fields=["status", "interview_deadline", "received_at"], name="intake_request_status_deadline"),
            # A social worker sees only their own requests; with a status filter too.
            models.Index(
                fields=["assigned_to", "interview_deadline", "received_at"], name="intake_request_worker_deadline"
            ),
            models.Index(
                fields=["assigned_to", "status", "interview_deadline", "received_at"],
                name="intake_request_worker_status",
            ),
            # Open requests (the dashboard's panels, the overdue filter) are a few among thousands
            # closed: indexes of the open ones only give them in order, for everyone and for each
            # worker. SQLite uses a partial index only when the query repeats its condition, as
            # filter(status__in=OPEN_STATUSES) does.
            models.Index(
                fields=["interview_deadline", "received_at"],
                condition=models.Q(status__in=OPEN_STATUSES),
                name="intake_request_open_deadline",
            ),
            models.Index(
                fields=["assigned_to", "interview_deadline", "received_at"],
                condition=models.Q(status__in=OPEN_STATUSES),
                name="intake_request_worker_open",
            ),
            # Routing's "assigned least recently" is the newest assignment of each worker.
            models.Index(fields=["assigned_to", "assigned_at"], name="intake_request_worker_assigned"),
        ]

    def __str__(self):
        # Only the reference: this string appears in admin titles, logs and e-mails.
        return self.reference

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def needs_interpreter(self):
        return self.interpreter != Interpreter.NONE

    @property
    def interpreter_marker(self):
        """ "Tłumacz: ukraiński", "Tłumacz: PJM", or "" when none is needed: short, for lists."""
        if self.interpreter == Interpreter.LANGUAGE:
            return _("Interpreter: %(language)s") % {"language": self.interpreter_language}
        if self.interpreter == Interpreter.PJM:
            return _("Interpreter: PJM")
        return ""

    def get_difficulty_areas_display(self):
        labels = dict(DifficultyArea.choices)
        return [labels.get(area, area) for area in self.difficulty_areas]
