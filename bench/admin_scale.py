#!/usr/bin/env python
"""The staff admin at scale: the request list, a request's page and the dashboard with 1,000 and 100,000 requests.

    .venv/bin/python -m bench.admin_scale [--databases sqlite,postgresql] [--sizes 1000,100000]
                                          [--rounds 15] [--keep]

For each database it migrates and loads the demo centre once, clones it for each size,
fills each clone with generated requests (with their log, notes, e-mails and openings)
by bulk inserts, and starts gunicorn with the production settings on each clone
(bench/stack.py). Both sizes are the same centre receiving 40 requests a day, after
25 days and after nearly seven years: statuses, localities, urgency, workers, deadlines
past and future, closed and anonymised requests follow from each request's age, so the
history grows with the size while the open caseload stays about the same. A coordinator (`koordynator`) and a social worker (`pracownik1`) log in
through the real form, password and then the phone app's code, and open the same pages
on every size, alternating between the sizes so that the machine's load touches both
alike. It prints the median and p90 of each page on each size, and the ratio of the
largest size's median to the smallest's against the target (1.5x), then a table and
"N passed, N failed"; the exit code is non-zero when anything failed.

Nothing here is asserted by the test suite: timings depend on the machine. The
tests that keep the admin from growing per-row queries are intake/tests/test_query_counts.py.
"""

import argparse
import itertools
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from types import SimpleNamespace as Row

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from django_otp.oath import TOTP

from bench import stack
from bench.client import Browser, admin_password_step, hidden_value
from bench.report import Report, percentile

DEMO_PASSWORD = "demo-gops-2026"
COORDINATOR, WORKER = "koordynator", "pracownik1"
# The benchmark's own phone app: a known TOTP key (RFC 6238's test key), so the code can be computed.
TOTP_KEY_HEX = "3132333435363738393031323334353637383930"
TARGET_RATIO = 1.5
DEFAULT_SIZES = (1_000, 100_000)
DEFAULT_ROUNDS = 20
WARM_UP_ROUNDS = 3
# Both sizes are the same centre, receiving this many requests a day: 1,000 is its first
# weeks, 100,000 nearly seven years. The history grows, the open caseload does not, which
# is what a bigger database means for the people working the requests.
DAILY_REQUESTS = 40
CHUNK = 5_000  # requests generated and inserted at a time: keeps memory flat at any size


# --- filling a database -----------------------------------------------------------------------


def fill(database_url, work_dir, count, *, migrate=True, media_root=None, seed=2026):
    """Fill the database at `database_url` with `count` generated requests; returns what was made.

    With `migrate`, first runs `migrate` and `load_demo_content` (which create the demo
    staff accounts); without it the database must already hold them (a clone of such a
    template). The work happens in a child process with the test settings on that database,
    as the demo content is loaded, so nothing of this process's own Django set-up matters.
    """
    work_dir = Path(work_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    media_root = media_root or work_dir / "media"
    log_path = work_dir / "fill.log"
    if migrate:
        stack.migrate_with_demo_content(database_url, media_root, log_path)
    env = stack.clean_environment(
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        DATABASE_URL=database_url,
        MEDIA_ROOT=media_root,
        PORTAL_VAR_DIR=work_dir / "var",
    )
    argv = [stack.PYTHON, "-m", "bench.admin_scale", "_fill", "--count", str(count), "--seed", str(seed)]
    result = subprocess.run(argv, cwd=stack.ROOT, env=env, capture_output=True, text=True, timeout=1800)
    with open(log_path, "a") as log:
        log.write(result.stderr)
    if result.returncode != 0:
        raise RuntimeError(f"filling the database failed (exit {result.returncode}):\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


FIRST_NAMES = ["Anna", "Maria", "Katarzyna", "Agnieszka", "Ewa", "Piotr", "Krzysztof", "Tomasz", "Paweł", "Marek"]
LAST_NAMES = ["Nowak", "Kowalska", "Wiśniewski", "Wójcik", "Kamińska", "Lewandowski", "Zielińska", "Szymański"]
DESCRIPTIONS = [
    "Od kilku miesięcy nie radzimy sobie z rachunkami i opieką nad dziećmi.",
    "Syn ma trudności w szkole, a my nie wiemy, jak mu pomóc.",
    "Po chorobie męża brakuje nam pieniędzy na podstawowe rzeczy.",
    "Sąsiedzi mają małe dzieci i często słychać krzyki w nocy.",
    "Potrzebujemy pomocy w zorganizowaniu codziennego życia rodziny.",
    "Szkoła zauważyła, że dziecko często przychodzi głodne.",
]
INSTITUTIONS = ["Szkoła Podstawowa nr 1", "Przedszkole Samorządowe", "Posterunek Policji", "Ośrodek Zdrowia"]
PLACES = ["W domu rodziny", "W ośrodku"]
OUTCOME_WEIGHTS = {
    "family_assistant": 20,
    "other_support": 35,
    "no_need": 20,
    "unreachable": 10,
    "referred": 8,
    "duplicate": 4,
    "spam": 3,
}
# Extra social workers beside the demo's two: a centre of this size has several.
EXTRA_WORKERS = [
    ("pracownik3", "Jan", "Trzeci", ["Przykładowo", "Jeziorno"]),
    ("pracownik4", "Zofia", "Czwarta", ["Dębnik", "Lipnik", "Zielona Łąka"]),
    ("pracownik5", "Adam", "Piąty", ["Górki Małe", "Brzozowa Wola"]),
]


def _fill_in_django(count, seed):
    """Runs inside the child process (Django set up): generates and inserts everything."""
    import datetime

    from django.contrib.auth.hashers import PBKDF2PasswordHasher
    from django.contrib.auth.models import Group, User
    from django.contrib.contenttypes.models import ContentType
    from django.db import connections, models, transaction
    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from intake.deadlines import STANDARD_WORKING_DAYS, URGENT_WORKING_DAYS, add_working_days
    from intake.models import (
        OPEN_STATUSES,
        HelpRequest,
        Locality,
        Notification,
        RequestLogEntry,
        RequestNote,
        RequestView,
        SocialWorkerProfile,
    )
    from intake.references import new_reference
    from intake.roles import SOCIAL_WORKERS

    started = time.monotonic()
    rng = random.Random(seed)
    now = timezone.now()
    tz = timezone.get_current_timezone()

    # Staff: the demo accounts log in with the production settings, whose password hashers
    # do not read the test settings' MD5; and each gets an app with a known key.
    hasher = PBKDF2PasswordHasher()
    coordinator = User.objects.get(username=COORDINATOR)
    workers_group = Group.objects.get(name=SOCIAL_WORKERS)
    for username, first, last, locality_names in EXTRA_WORKERS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last, "email": f"{username}@gops.example.pl"}
        )
        if created:
            user.set_unusable_password()
            user.save()
            user.groups.add(workers_group)
            profile = SocialWorkerProfile.objects.create(user=user)
            profile.localities.set(Locality.objects.filter(name__in=locality_names))
    for username in (COORDINATOR, WORKER):
        user = User.objects.get(username=username)
        user.password = hasher.encode(DEMO_PASSWORD, hasher.salt())
        user.save(update_fields=["password"])
        TOTPDevice.objects.filter(user=user).delete()
        TOTPDevice.objects.create(user=user, name="aplikacja", confirmed=True, key=TOTP_KEY_HEX)

    localities = list(Locality.objects.all())
    serving = {locality.pk: [] for locality in localities}
    for profile in SocialWorkerProfile.objects.prefetch_related("localities").select_related("user"):
        for locality in profile.localities.all():
            serving[locality.pk].append(profile.user)
    all_workers = list(User.objects.filter(groups__name=SOCIAL_WORKERS))
    content_type = ContentType.objects.get_for_model(HelpRequest)

    def next_id(model):
        last = model.objects.order_by("-pk").values_list("pk", flat=True).first()
        return (last or 0) + 1

    ids = {model: next_id(model) for model in (HelpRequest, RequestLogEntry, RequestNote, RequestView, Notification)}

    def new_id(model):
        ids[model] += 1
        return ids[model] - 1

    deadlines = {}

    def deadline(received_at, urgent):
        key = (timezone.localdate(received_at), urgent)
        if key not in deadlines:
            deadlines[key] = add_working_days(key[0], URGENT_WORKING_DAYS if urgent else STANDARD_WORKING_DAYS)
        return deadlines[key]

    def at(day, hour):
        return datetime.datetime.combine(day, datetime.time(hour, 0), tzinfo=tz)

    def later(moment, low_hours, high_hours):
        return min(moment + datetime.timedelta(hours=rng.uniform(low_hours, high_hours)), now)

    cumulative = {}

    def pick(weights):
        key = tuple(weights.items())
        if key not in cumulative:
            cumulative[key] = (list(weights), list(itertools.accumulate(weights.values())))
        choices, cum_weights = cumulative[key]
        return rng.choices(choices, cum_weights=cum_weights)[0]

    span_seconds = count / DAILY_REQUESTS * 24 * 3600
    retention = datetime.timedelta(days=1825)
    references = set(HelpRequest.objects.values_list("reference", flat=True))
    made_references = []
    status_counts = {}
    rows_written = {"requests": 0, "log entries": 0, "notes": 0, "openings": 0, "e-mails": 0}

    def status_for(age_days):
        if age_days < 3:
            return pick({"new": 60, "assigned": 40})
        if age_days < 21:
            return pick({"new": 5, "assigned": 25, "interview_scheduled": 35, "interview_done": 20, "closed": 15})
        if age_days < 60:
            return pick({"interview_scheduled": 5, "interview_done": 15, "closed": 80})
        # A few old requests were never finished: they stay open and overdue.
        return pick({"new": 0.1, "assigned": 0.15, "interview_scheduled": 0.15, "interview_done": 0.1, "closed": 99.5})

    def one_request():
        received_at = now - datetime.timedelta(seconds=rng.random() * span_seconds)
        age_days = (now - received_at).days
        status = status_for(age_days)
        requester_type = pick({"own_family": 55, "other_family": 30, "institution": 15})
        child_in_danger = rng.random() < 0.04
        urgent = child_in_danger or rng.random() < 0.04
        locality = rng.choice(localities)
        anonymous = requester_type == "other_family" and rng.random() < 0.4
        reference = new_reference()
        while reference in references:
            reference = new_reference()
        references.add(reference)
        made_references.append(reference)
        request = Row(
            id=new_id(HelpRequest),
            reference=reference,
            received_at=received_at,
            channel=pick({"online": 70, "phone": 20, "in_person": 7, "letter": 3}),
            status=status,
            requester_type=requester_type,
            institution_type=rng.choice(["school", "health", "police", "court", "other"])
            if requester_type == "institution"
            else "",
            institution_name=rng.choice(INSTITUTIONS) if requester_type == "institution" else "",
            locality_id=locality.pk,
            address=f"ul. Polna {rng.randint(1, 80)}",
            postal_code="84-100",
            children_count=rng.randint(1, 5),
            children_ages="4 i 9 lat",
            foster_care=pick({"no": 85, "unknown": 12, "yes": 3}),
            difficulty_areas=rng.sample(
                ["care", "household", "money", "emotional", "work", "health", "housing", "school"], rng.randint(1, 3)
            ),
            description=rng.choice(DESCRIPTIONS),
            child_in_danger=child_in_danger,
            is_urgent=urgent,
            interview_deadline=deadline(received_at, urgent),
            anonymous=anonymous,
            contact_name="" if anonymous else f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            contact_phone="" if anonymous else f"600{rng.randint(100000, 999999)}",
            contact_email="" if anonymous or rng.random() < 0.5 else f"osoba{rng.randint(1, 10**6)}@example.com",
            wants_receipt=False,
            privacy_acknowledged_at=received_at,
        )
        request.wants_receipt = bool(request.contact_email) and rng.random() < 0.7
        status_counts[status] = status_counts.get(status, 0) + 1
        logs, notes, views, mails = [], [], [], []

        def log(action, when, user, **data):
            logs.append(
                Row(
                    id=new_id(RequestLogEntry),
                    content_type_id=content_type.pk,
                    label=reference,
                    action=action,
                    data=data,
                    timestamp=when,
                    uuid=uuid.UUID(int=rng.getrandbits(128)),
                    user_id=user.pk if user else None,
                    object_id=str(request.id),
                )
            )

        def mail(kind, recipient, when):
            mails.append(
                Row(
                    id=new_id(Notification),
                    help_request_id=request.id,
                    kind=kind,
                    recipient=recipient,
                    status="sent",
                    attempts=1,
                    created_at=when,
                    claimed_at=when,
                    sent_at=later(when, 0.001, 0.01),
                )
            )

        mail("new_request", coordinator.email or "koordynator@gops.example.pl", received_at)
        if request.wants_receipt:
            mail("receipt", request.contact_email, received_at)
        outcome = pick(OUTCOME_WEIGHTS) if status == "closed" else ""
        early = outcome in ("duplicate", "spam")
        moment = received_at
        worker = None
        if status != "new" and not (early and rng.random() < 0.5):
            worker = rng.choice(serving[locality.pk] or all_workers)
            request.assigned_to_id = worker.pk
            request.assigned_at = moment = later(moment, 1, 30)
            log("intake.assign", moment, coordinator, worker=worker.pk, previous_worker=None)
            mail("assigned", worker.email or f"{worker.username}@gops.example.pl", moment)
            if status != "assigned" or rng.random() < 0.6:
                request.accepted_at = moment = later(moment, 1, 20)
                log("intake.accept", moment, worker)
            views.append(Row(id=new_id(RequestView), help_request_id=request.id, user_id=worker.pk, viewed_at=moment))
        reached_interview = status in ("interview_scheduled", "interview_done") or (
            status == "closed" and not early and outcome != "unreachable" and worker
        )
        if reached_interview and worker:
            day = min(request.interview_deadline, (now + datetime.timedelta(days=5)).date())
            request.interview_at = at(day, rng.choice([9, 10, 12, 14]))
            request.interview_place = rng.choice(PLACES)
            moment = later(moment, 1, 48)
            log("intake.schedule", moment, worker, interview_at=request.interview_at.isoformat())
            if status in ("interview_done", "closed"):
                request.interview_done_at = min(request.interview_at, now)
                moment = max(moment, request.interview_done_at)
                log("intake.interview_done", moment, worker, held_at=request.interview_done_at.isoformat())
        if rng.random() < 0.25:
            author = worker or coordinator
            moment = later(moment, 1, 24)
            note = Row(
                id=new_id(RequestNote),
                help_request_id=request.id,
                author_id=author.pk,
                text="Rozmowa telefoniczna z rodziną.",
                created_at=moment,
            )
            notes.append(note)
            log("intake.note", moment, author, note=note.id)
        if status == "closed":
            if outcome == "unreachable" and not worker:
                outcome = "no_need"
            if outcome not in ("duplicate", "spam", "unreachable") and not getattr(request, "interview_done_at", None):
                outcome = "spam"
            request.outcome = outcome
            request.closed_at = moment = later(moment, 2, 240)
            request.duplicate_of = ""
            if outcome == "duplicate" and len(made_references) > 1:
                request.duplicate_of = made_references[rng.randrange(len(made_references) - 1)]
            elif outcome == "duplicate":
                request.outcome = "spam"
            log(
                "intake.close",
                moment,
                worker or coordinator,
                outcome=request.outcome,
                duplicate_of=request.duplicate_of,
            )
            if request.closed_at < now - retention:
                # What purge_closed_requests leaves of an old request.
                request.anonymised_at = request.closed_at + retention
                request.contact_name = request.contact_phone = request.contact_email = ""
                request.address = request.description = request.children_ages = request.institution_name = ""
                log("intake.anonymise", request.anonymised_at, None)
        for _opening in range(rng.randint(0, 2)):
            views.append(
                Row(
                    id=new_id(RequestView),
                    help_request_id=request.id,
                    user_id=coordinator.pk,
                    viewed_at=later(received_at, 1, 24 * 20),
                )
            )
        return request, logs, notes, views, mails

    db = connections["default"]  # the connection itself: the proxy's lookup per value cost a third of the time

    def converter(field):
        if isinstance(field, models.DateTimeField) and db.vendor == "sqlite":
            # What Django's SQLite backend stores (UTC text), without its checks per value.
            return lambda value: None if value is None else str(value.astimezone(datetime.UTC).replace(tzinfo=None))
        if isinstance(field, (models.DateTimeField, models.DateField, models.JSONField, models.UUIDField)):
            return lambda value: field.get_db_prep_save(value, db)
        return None

    def insert(model, objects):
        # executemany with explicit ids and plain rows: several times faster than bulk_create of
        # model instances, and the same rows. Only values the driver cannot take as they are
        # (dates, JSON, UUIDs) go through the field's conversion for this database.
        if not objects:
            return
        fields = model._meta.concrete_fields
        plan = [(f.attname, f.get_default(), converter(f)) for f in fields]
        quote = db.ops.quote_name
        sql = "INSERT INTO {} ({}) VALUES ({})".format(
            quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields), ", ".join(["%s"] * len(fields))
        )
        rows = []
        for row in objects:
            values = row.__dict__
            rows.append(
                [
                    convert(values.get(name, default)) if convert else values.get(name, default)
                    for name, default, convert in plan
                ]
            )
        with db.cursor() as cursor:
            if db.vendor == "postgresql":
                # COPY: PostgreSQL's own bulk load, several times faster than many INSERTs.
                columns = ", ".join(quote(f.column) for f in fields)
                with cursor.cursor.copy(f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                cursor.executemany(sql, rows)

    made = 0
    while made < count:
        batch = [one_request() for _ in range(min(CHUNK, count - made))]
        with transaction.atomic():
            insert(HelpRequest, [item[0] for item in batch])
            insert(RequestNote, [note for item in batch for note in item[2]])
            insert(RequestLogEntry, [entry for item in batch for entry in item[1]])
            insert(RequestView, [view for item in batch for view in item[3]])
            insert(Notification, [mail for item in batch for mail in item[4]])
        rows_written["requests"] += len(batch)
        rows_written["log entries"] += sum(len(item[1]) for item in batch)
        rows_written["notes"] += sum(len(item[2]) for item in batch)
        rows_written["openings"] += sum(len(item[3]) for item in batch)
        rows_written["e-mails"] += sum(len(item[4]) for item in batch)
        made += len(batch)

    from django.core.management.color import no_style

    with db.cursor() as cursor:
        # Explicit ids leave PostgreSQL's sequences behind; the next request saved would collide.
        for statement in db.ops.sequence_reset_sql(
            no_style(), [HelpRequest, RequestLogEntry, RequestNote, RequestView, Notification]
        ):
            cursor.execute(statement)
        if db.vendor == "postgresql":
            # What autovacuum does soon after a load this size; without it the planner guesses.
            cursor.execute("ANALYZE")

    # A request on the worker's list, open and assigned: both roles can open it and both see actions.
    target = (
        HelpRequest.objects.filter(assigned_to__username=WORKER, status="assigned")
        .order_by("-received_at")
        .values("pk", "reference")
        .first()
    ) or HelpRequest.objects.filter(status__in=OPEN_STATUSES).values("pk", "reference").first()
    return {
        "count": count,
        "seconds": round(time.monotonic() - started, 1),
        "rows": rows_written,
        "statuses": status_counts,
        "detail_pk": target["pk"],
        "detail_reference": target["reference"],
    }


# --- logging in and measuring ---------------------------------------------------------------


def totp_code(key_hex):
    """The code the phone app shows now: django-otp's own TOTP, as its TOTPDevice checks it."""
    totp = TOTP(bytes.fromhex(key_hex), digits=6)
    return f"{totp.token():06d}"


class LoginError(Exception):
    pass


def log_in(base_url, username, password=DEMO_PASSWORD):
    """A Browser logged into the admin as `username` through the real form: password, then code."""
    browser = Browser(base_url)
    page, answer = admin_password_step(browser, username, password)
    if answer is None:
        raise LoginError(f"{username}: the log-in page answered {page.status}")
    if answer.status != 302:
        raise LoginError(f"{username}: the password step answered {answer.status}")
    answer = browser.get("/admin/")
    if answer.status != 302 or "/second-factor/verify/" not in answer.location:
        raise LoginError(f"{username}: expected the code screen, got {answer.status} {answer.location}")
    verify_path = answer.location
    page = browser.get(verify_path)
    form = {
        "csrfmiddlewaretoken": hidden_value(page.text, "csrfmiddlewaretoken"),
        "token": totp_code(TOTP_KEY_HEX),
        "next": "/admin/",
    }
    answer = browser.post(verify_path, form)
    if answer.status != 302:
        raise LoginError(f"{username}: the code was refused ({answer.status})")
    if browser.get("/admin/").status != 200:
        raise LoginError(f"{username}: the dashboard did not open after the code")
    return browser


def pages_for(role, made):
    """(label, path, text the answer must hold) for one role; the same paths on every size."""
    reference = made["detail_reference"]
    listing = "/admin/requests/"
    status = "new" if role == "coordinator" else "interview_scheduled"
    return [
        ("list", listing, "listing"),
        (f"list ?status={status}", f"{listing}?status={status}", "listing"),
        ("list ?overdue=true", f"{listing}?overdue=true", "listing"),
        ("list ?q=reference", f"{listing}?q={reference}", reference),
        ("request page", f"{listing}inspect/{made['detail_pk']}/", reference),
        ("dashboard", "/admin/", "data-requests-panel"),
    ]


def measure(portals, made, rounds, say):
    """Time each page on every size; returns {(role, page): {size: [seconds, ...]}} and problems seen."""
    sizes = sorted(portals)
    browsers = {
        (role, size): log_in(portals[size].base_url, username)
        for role, username in (("coordinator", COORDINATOR), ("worker", WORKER))
        for size in sizes
    }
    timings, problems = {}, []
    for round_number in range(WARM_UP_ROUNDS + rounds):
        warm_up = round_number < WARM_UP_ROUNDS
        # Alternate which size goes first, so neither always follows the other.
        order = sizes if round_number % 2 == 0 else list(reversed(sizes))
        for role in ("coordinator", "worker"):
            for label, path_by_size in _pages_by_size(role, made, sizes):
                for size in order:
                    path, expected = path_by_size[size]
                    started = time.monotonic()
                    answer = browsers[(role, size)].get(path)
                    seconds = time.monotonic() - started
                    if answer.status != 200 or expected not in answer.text:
                        problems.append(
                            f"{role} {label} on {size:,}: {answer.status}"
                            + ("" if answer.status != 200 else f", no {expected!r} in the page")
                        )
                    if not warm_up:
                        timings.setdefault((role, label), {}).setdefault(size, []).append(seconds)
        if warm_up and round_number == WARM_UP_ROUNDS - 1:
            say(f"  warmed up ({WARM_UP_ROUNDS} rounds); measuring {rounds} rounds")
    return timings, problems


def _pages_by_size(role, made, sizes):
    per_size = {size: pages_for(role, made[size]) for size in sizes}
    for index, (label, _path, _expected) in enumerate(per_size[sizes[0]]):
        yield label, {size: per_size[size][index][1:] for size in sizes}


def load_average():
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} cores"


class Run:
    """One run of the comparison: its directory, the databases, and every check with its figure."""

    def __init__(self, report, keep, work_dir=None):
        self.report, self.keep = report, keep
        # A caller's directory (make bench) is the caller's to remove; a temporary one is ours.
        self.owns_dir = work_dir is None
        self.dir = Path(tempfile.mkdtemp(prefix="gops-admin-scale-")) if work_dir is None else Path(work_dir)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.static_root = self.dir / "static"
        self.media_root = self.dir / "media"
        self.postgres = None
        self.rows = []  # (database, role, page, {size: (median, p90)}, ratio, passed)

    def say(self, text=""):
        self.report.say(text)

    def run_database(self, kind, sizes, rounds):
        self.say(f"\n== {kind}")
        out = self.report.section(f"admin at scale [{kind}]")
        try:
            self._run_database(kind, sizes, rounds, out)
        except KeyboardInterrupt:
            raise
        except Exception as error:
            out.check("ran to the end", False, f"{type(error).__name__}: {error}")

    def _run_database(self, kind, sizes, rounds, out):
        if kind == "postgresql" and self.postgres is None:
            self.postgres = stack.PostgresServer().init().start()
            self.say(f"PostgreSQL {self.postgres.version} started on 127.0.0.1:{self.postgres.port}")
        started = time.monotonic()
        databases = stack.Databases(kind, self.dir, self.media_root, self.postgres).prepare_template()
        self.say(f"migrated and loaded the demo centre in {time.monotonic() - started:.1f} s")
        made, portals = {}, {}
        try:
            for size in sizes:
                work_dir = self.dir / f"{kind}-{size}"
                url = databases.new(f"n{size}")
                made[size] = fill(url, work_dir, size, migrate=False, media_root=self.media_root)
                rows = made[size]["rows"]
                out.check(
                    f"{size:,} requests generated",
                    rows["requests"] == size,
                    ", ".join(f"{n:,} {what}" for what, n in rows.items()),
                )
                # A time, not a ratio: printed, never passed or failed (it depends on the machine).
                out.figure(f"{size:,} requests generated in", f"{made[size]['seconds']} s")
                # No SMTP server: looking at pages sends nothing, and a stray e-mail would fail loudly in the log.
                portals[size] = stack.Portal(work_dir, url, self.static_root, self.media_root, stack.free_port())
                portals[size].start_web()
            self.say(f"  gunicorn on each size; {load_average()}")
            timings, problems = measure(portals, made, rounds, self.say)
            self.say(f"  measured; {load_average()}")
            out.check("every page answered 200 with its content", not problems, "; ".join(problems[:5]))
            self._report(kind, sizes, timings, out)
            for size, portal in portals.items():
                errors = [line for line in portal.logs().splitlines() if "Traceback" in line or " 500 " in line]
                out.check(f"no server errors in the log ({size:,})", not errors, f"{len(errors)} lines")
        finally:
            for portal in portals.values():
                portal.stop()

    def _report(self, kind, sizes, timings, out):
        small, large = sizes[0], sizes[-1]
        for (role, label), by_size in timings.items():
            figures = {}
            for size in sizes:
                values = sorted(by_size[size])
                figures[size] = (statistics.median(values), percentile(values, 0.9))
            ratio = figures[large][0] / figures[small][0]
            detail = "; ".join(
                f"{size:,}: median {figures[size][0] * 1000:.0f} ms, p90 {figures[size][1] * 1000:.0f} ms"
                for size in sizes
            )
            passed = out.check(
                f"{role} {label}: {large:,} within {TARGET_RATIO}x of {small:,}",
                ratio <= TARGET_RATIO,
                f"{ratio:.2f}x; {detail}",
                f"<= {TARGET_RATIO}x",
            )
            self.rows.append((kind, role, label, figures, ratio, passed))

    def figures_table(self, sizes):
        small, large = sizes[0], sizes[-1]
        size_heads = "".join(f"{f'{size:,} median':>16}{f'{size:,} p90':>14}" for size in sizes)
        header = f"{'database':<12}{'role':<13}{'page':<34}{size_heads}{'ratio':>8}  result"
        lines = [header, "-" * len(header)]
        for kind, role, label, figures, ratio, passed in self.rows:
            cells = "".join(f"{figures[s][0] * 1000:>13.0f} ms{figures[s][1] * 1000:>11.0f} ms" for s in sizes)
            lines.append(f"{kind:<12}{role:<13}{label:<34}{cells}{ratio:>7.2f}x  {'PASS' if passed else 'FAIL'}")
        lines.append(f"(ratio = median at {large:,} / median at {small:,}; target <= {TARGET_RATIO}x)")
        return "\n".join(lines)

    def clean_up(self, failed):
        # Only what this run started: make bench calls it with its own servers still running.
        if self.postgres:
            self.postgres.remove()
            self.postgres = None
        if self.owns_dir:
            if self.keep or failed:
                self.say(f"Logs and databases kept in {self.dir}")
            else:
                shutil.rmtree(self.dir, ignore_errors=True)


def targets(
    report, work_dir, static_root, databases=("sqlite", "postgresql"), sizes=DEFAULT_SIZES, rounds=DEFAULT_ROUNDS
):
    """The comparison for make bench (bench/perf.py), in `work_dir`, its checks in the caller's report."""
    run = Run(report, keep=True, work_dir=work_dir)
    run.static_root = static_root  # the caller's collected static files
    sizes = sorted(sizes)
    try:
        for kind in databases:
            run.run_database(kind, sizes, rounds)
    except Exception as error:
        report.check("admin at scale", "set up", False, f"{type(error).__name__}: {error}")
    finally:
        run.clean_up(failed=False)
    report.say(run.figures_table(sizes))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--databases", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql")
    parser.add_argument(
        "--sizes", default=",".join(str(s) for s in DEFAULT_SIZES), help="comma-separated request counts"
    )
    parser.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS, help="measured requests per page and size")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (logs, databases)")
    args = parser.parse_args(argv)
    sizes = sorted(int(size) for size in args.sizes.split(","))

    stack.interrupt_on_termination()
    results = Report()
    run = Run(results, args.keep)
    started = time.monotonic()
    results.say(
        f"gunicorn: {stack.WEB_WORKERS} workers x {stack.WEB_THREADS} threads (gthread), production settings; "
        f"sizes {', '.join(f'{s:,}' for s in sizes)}; {args.rounds} rounds; {load_average()}"
    )
    try:
        stack.collect_static(run.static_root, run.dir / "collectstatic.log")
        for kind in args.databases.split(","):
            run.run_database(kind, sizes, args.rounds)
    except KeyboardInterrupt:
        results.check("run", "run finished", False, "interrupted")
    except Exception as error:
        results.check("run", "stack set up", False, f"{type(error).__name__}: {error}")
    finally:
        stack.stop_everything()
        run.clean_up(failed=results.failed > 0)
    results.say(
        f"\n{run.figures_table(sizes)}\n\n{results.table()}\n\nTotal time {time.monotonic() - started:.0f} s; "
        f"{load_average()}"
    )
    results.say(results.summary())
    return 1 if results.failed else 0


def _fill_main(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    import django

    django.setup()
    print(json.dumps(_fill_in_django(args.count, args.seed)))


if __name__ == "__main__":
    if sys.argv[1:2] == ["_fill"]:
        _fill_main(sys.argv[2:])
    else:
        sys.exit(main())
