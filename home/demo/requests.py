"""Fictional requests for the demo centre, one in each state a coordinator meets in triage.

They are made as real ones are: `register_request` gives the reference and computes the
deadline (intake/deadlines.py), the steps after it are `intake/workflow.py`'s checked
transitions, each written to the request's log. Only the day each was received is
chosen: working days back from today, so that each deadline falls where its spec says
(in 13 working days, tomorrow, 2 days ago...) whenever the demo is loaded.

Every person, phone number and story is made up, and each description says so.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone, translation

from intake import workflow
from intake.deadlines import STANDARD_WORKING_DAYS, URGENT_WORKING_DAYS, add_working_days, closed_days, is_working_day
from intake.models import Channel, HelpRequest, Interpreter, Locality, Outcome, RequesterType, RequestLanguage
from intake.services import register_request

# Starts every description: how the demo requests are found again, and what tells
# anyone who opens one that nobody real is behind it.
DEMO_NOTE = "[DEMO] Zgłoszenie przykładowe: osoba, rodzina i sytuacja są zmyślone."
COORDINATOR = "koordynator"


@dataclass(frozen=True)
class DemoRequest:
    name: str
    phone: str
    locality: str
    story: str
    # Working days from today to the interview deadline; negative: overdue by that many.
    deadline_in: int
    urgent: bool = False
    channel: str = Channel.ONLINE
    requester_type: str = RequesterType.OWN_FAMILY
    institution_name: str = ""
    difficulty_areas: list = field(default_factory=list)
    # What happened after it arrived, in order (see _advance).
    worker: str = ""
    accepted: bool = False
    interview: str = ""  # "scheduled" (next working day) or "held" (done, before today)
    outcome: str = ""
    duplicate_of: str = ""  # the name on the earlier demo request it repeats
    # The form's language it was sent from, and the interpreter asked for (as typed).
    language: str = RequestLanguage.POLISH
    interpreter: str = Interpreter.NONE
    interpreter_language: str = ""


REQUESTS = [
    DemoRequest(
        "Anna Przykładowa",
        "500 000 001",
        "Przykładowo",
        "Od miesiąca nie radzę sobie z rachunkami i opieką nad dziećmi.",
        deadline_in=13,
        difficulty_areas=["money", "care"],
        language=RequestLanguage.UKRAINIAN,
        interpreter=Interpreter.LANGUAGE,
        interpreter_language="українська",
    ),
    DemoRequest(
        "Barbara Zmyślona",
        "500 000 002",
        "Jeziorno",
        "Martwię się o rodzinę sąsiadów: dzieci często są same w domu.",
        deadline_in=8,
        requester_type=RequesterType.OTHER_FAMILY,
        difficulty_areas=["care"],
    ),
    DemoRequest(
        "Cezary Wymyślony",
        "500 000 003",
        "Dębnik",
        "Dziecko boi się wracać do domu. Proszę o szybki kontakt.",
        deadline_in=2,
        urgent=True,
        difficulty_areas=["emotional"],
    ),
    DemoRequest(
        "Dorota Fikcyjna",
        "500 000 004",
        "Lipnik",
        "Rozmowa telefoniczna: po utracie pracy rodzina nie ma za co opłacić mieszkania.",
        deadline_in=11,
        channel=Channel.PHONE,
        difficulty_areas=["money", "housing"],
    ),
    DemoRequest(
        "Paweł Przykładowy",
        "500 000 005",
        "Przykładowo",
        "Uczeń od kilku tygodni nie przychodzi do szkoły, kontakt z rodzicami się urwał.",
        deadline_in=-1,
        requester_type=RequesterType.INSTITUTION,
        institution_name="Szkoła Podstawowa w Przykładowie",
        difficulty_areas=["school"],
    ),
    DemoRequest(
        "Ewa Demonstracyjna",
        "500 000 006",
        "Górki Małe",
        "Samotnie wychowuję troje dzieci i brakuje mi sił.",
        deadline_in=9,
        worker="pracownik1",
        difficulty_areas=["care", "household"],
    ),
    DemoRequest(
        "Filip Przykładowy",
        "500 000 007",
        "Brzozowa Wola",
        "Po chorobie żony nie daję rady prowadzić domu.",
        deadline_in=1,
        worker="pracownik2",
        accepted=True,
        difficulty_areas=["health", "household"],
    ),
    DemoRequest(
        "Grażyna Zmyślona",
        "500 000 008",
        "Przykładowo",
        "Syn ma kłopoty w szkole, a my w domu coraz częściej się kłócimy.",
        deadline_in=3,
        worker="pracownik1",
        accepted=True,
        interview="scheduled",
        difficulty_areas=["school", "emotional"],
    ),
    DemoRequest(
        "Henryk Wymyślony",
        "500 000 009",
        "Zielona Łąka",
        "Mieszkamy w jednym pokoju z czwórką dzieci, jest wilgoć.",
        deadline_in=-2,
        worker="pracownik2",
        accepted=True,
        difficulty_areas=["housing"],
    ),
    DemoRequest(
        "Irena Fikcyjna",
        "500 000 010",
        "Jeziorno",
        "Potrzebujemy pomocy w ułożeniu dnia i domowego budżetu.",
        deadline_in=2,
        worker="pracownik2",
        accepted=True,
        interview="held",
        difficulty_areas=["household", "money"],
    ),
    DemoRequest(
        "Jan Przykładowy",
        "500 000 011",
        "Dębnik",
        "Proszę o asystenta rodziny, sami nie wychodzimy z długów i zaległości.",
        deadline_in=-12,
        worker="pracownik1",
        accepted=True,
        interview="held",
        outcome=Outcome.FAMILY_ASSISTANT,
        difficulty_areas=["money", "care"],
    ),
    DemoRequest(
        "Katarzyna Zmyślona",
        "500 000 012",
        "Lipnik",
        "Szukam pomocy psychologa dla córki.",
        deadline_in=-10,
        worker="pracownik2",
        accepted=True,
        interview="held",
        outcome=Outcome.OTHER_SUPPORT,
        difficulty_areas=["emotional"],
    ),
    DemoRequest(
        "Leszek Demonstracyjny",
        "500 000 013",
        "Górki Małe",
        "Sąsiadka martwiła się o nas, ale radzimy sobie.",
        deadline_in=-9,
        worker="pracownik1",
        accepted=True,
        interview="held",
        outcome=Outcome.NO_NEED,
        difficulty_areas=["other"],
    ),
    DemoRequest(
        "Magdalena Wymyślona",
        "500 000 014",
        "Zielona Łąka",
        "Rodzina wyjechała, telefon nie odpowiada.",
        deadline_in=-7,
        worker="pracownik2",
        accepted=True,
        outcome=Outcome.UNREACHABLE,
        requester_type=RequesterType.OTHER_FAMILY,
        difficulty_areas=["care"],
    ),
    DemoRequest(
        "Norbert Fikcyjny",
        "500 000 015",
        "Przykładowo",
        "Potrzebna pomoc w leczeniu uzależnienia ojca.",
        deadline_in=-6,
        worker="pracownik1",
        accepted=True,
        interview="held",
        outcome=Outcome.REFERRED,
        difficulty_areas=["health"],
    ),
    DemoRequest(
        "Barbara Zmyślona",
        "500 000 002",
        "Jeziorno",
        "Piszę drugi raz w sprawie dzieci sąsiadów.",
        deadline_in=5,
        requester_type=RequesterType.OTHER_FAMILY,
        outcome=Outcome.DUPLICATE,
        duplicate_of="Barbara Zmyślona",
        difficulty_areas=["care"],
    ),
    DemoRequest(
        "Oferta Pożyczki",
        "500 000 016",
        "",
        "Szybkie pożyczki bez BIK, zadzwoń teraz!",
        deadline_in=4,
        outcome=Outcome.SPAM,
    ),
]


def _nth_working_day(today, n, closed):
    """The n-th working day after today (n > 0) or before it (n < 0)."""
    if n >= 0:
        return add_working_days(today, n, closed)
    day, remaining = today, -n
    while remaining:
        day -= datetime.timedelta(days=1)
        if is_working_day(day, closed):
            remaining -= 1
    return day


def _received_on(deadline, urgent, closed):
    """The latest day from which the deadline rule gives `deadline` (the day of receipt is not counted)."""
    count = URGENT_WORKING_DAYS if urgent else STANDARD_WORKING_DAYS
    day = deadline
    while add_working_days(day, count, closed) > deadline:
        day -= datetime.timedelta(days=1)
    # On a weekend the latest such day can be tomorrow; today gives the same deadline.
    return min(day, timezone.localdate())


def _at(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _description(spec):
    return f"{DEMO_NOTE}\n\n{spec.story}"


def ensure_demo_requests(report):
    """Create the demo requests not made yet; `report` is a Tally (created/existing names)."""
    usernames = {COORDINATOR, *(spec.worker for spec in REQUESTS if spec.worker)}
    users = {user.get_username(): user for user in get_user_model().objects.filter(username__in=usernames)}
    if COORDINATOR not in users:
        return [f"Nie utworzono przykładowych zgłoszeń: brak konta „{COORDINATOR}”."]
    warnings = []
    today, closed = timezone.localdate(), closed_days()
    references = {}
    for spec in REQUESTS:
        existing = HelpRequest.objects.filter(contact_name=spec.name, description=_description(spec)).first()
        if existing is not None:
            references.setdefault(spec.name, existing.reference)
            report.existing.append(_label(existing))
            continue
        if spec.worker and spec.worker not in users:
            warnings.append(f"Pominięto przykładowe zgłoszenie „{spec.name}”: brak konta „{spec.worker}”.")
            continue
        help_request = _register(spec, today, closed)
        references.setdefault(spec.name, help_request.reference)
        _advance(help_request, spec, users, references, today, closed)
        report.created.append(_label(help_request))
    return warnings


def _label(help_request):
    """ "Anna Przykładowa – Nowe" for the command's report, in the site's language."""
    with translation.override(settings.LANGUAGE_CODE):
        state = help_request.get_status_display()
        if help_request.outcome:
            state += f": {help_request.get_outcome_display()}"
        return f"{help_request.contact_name} – {state}"


def _register(spec, today, closed):
    deadline = _nth_working_day(today, spec.deadline_in, closed)
    received_on = _received_on(deadline, spec.urgent, closed)
    # Morning of that day; today's arrivals no later than now.
    received_at = min(_at(received_on, 9, 30), timezone.now())
    help_request, _created = register_request(
        HelpRequest(
            received_at=received_at,
            channel=spec.channel,
            requester_type=spec.requester_type,
            institution_type="school" if spec.institution_name else "",
            institution_name=spec.institution_name,
            locality=Locality.objects.filter(name=spec.locality).first(),
            address="ul. Przykładowa 1" if spec.locality else "",
            difficulty_areas=spec.difficulty_areas,
            description=_description(spec),
            child_in_danger=spec.urgent,
            is_urgent=spec.urgent,
            contact_name=spec.name,
            contact_phone=spec.phone,
            language=spec.language,
            interpreter=spec.interpreter,
            interpreter_language=spec.interpreter_language,
            privacy_acknowledged_at=received_at if spec.channel == Channel.ONLINE else None,
        )
    )
    return help_request


def _advance(help_request, spec, users, references, today, closed):
    """Take a new request through the workflow's own transitions to the spec's state."""
    coordinator = users[COORDINATOR]
    worker = users.get(spec.worker)
    if worker is not None and help_request.assigned_to_id != worker.pk:
        workflow.assign(help_request, worker, coordinator)
    if worker is not None and spec.accepted:
        workflow.accept(help_request, worker)
    if spec.interview == "scheduled":
        day = _nth_working_day(today, 1, closed)
        workflow.schedule_interview(help_request, _at(day, 10), "W domu rodziny", worker)
    elif spec.interview == "held":
        held_on = min(_nth_working_day(today, -1, closed), help_request.interview_deadline)
        held_on = max(held_on, timezone.localdate(help_request.received_at))
        workflow.schedule_interview(help_request, _at(held_on, 10), "W domu rodziny", worker)
        workflow.record_interview(help_request, _at(held_on, 10), worker)
    if spec.outcome:
        workflow.close(help_request, spec.outcome, worker or coordinator, references.get(spec.duplicate_of, ""))
