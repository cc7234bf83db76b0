"""`python manage.py load_demo_content`: a complete demo centre, for development only."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from home.demo.builder import (
    DEMO_ADMIN_PASSWORD,
    DEMO_ADMIN_USERNAME,
    AdminAccount,
    DemoContentError,
    build_demo_content,
)


class Command(BaseCommand):
    help = (
        "Create a fictional demo centre (pages, contacts, emergency numbers, centre details, "
        "an admin account, fictional requests in every state). Safe to run again: existing objects "
        "are left untouched."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--without-requests",
            action="store_true",
            help="Leave out the fictional requests (benchmarks and fault tests count their own).",
        )

    def handle(self, *args, **options):
        # The command creates an admin account with a password printed in the
        # source and on screen: it must never run on a real server.
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError(
                "Demo content is disabled on this installation. It creates an admin account with a "
                "publicly known password, so it runs only where settings.DEMO_CONTENT_ALLOWED is True "
                "(the development settings)."
            )
        try:
            report = build_demo_content(with_requests=not options["without_requests"])
        except DemoContentError as exc:
            raise CommandError(f"The demo content is invalid, nothing was saved: {exc}") from exc

        self._print_summary(report, verbose=options["verbosity"] >= 2)
        self._print_login(report.admin_account)

    def _print_summary(self, report, verbose):
        out = self.stdout
        for label, tally in (
            ("Strony", report.pages),
            ("Numery alarmowe", report.emergency_numbers),
            ("Kontakty pracowników", report.staff_contacts),
            ("Tłumaczenia (uk, en)", report.translations),
            ("Miejscowości", report.localities),
            ("Konta pracowników (demo)", report.staff_accounts),
            ("Zgłoszenia (demo)", report.requests),
        ):
            out.write(f"{label}: utworzono {len(tally.created)}, już istniało {len(tally.existing)}.")
            if verbose:
                for item in tally.created:
                    out.write(f"  + {item}")
                for item in tally.existing:
                    out.write(f"  = {item}")
        if report.settings_written:
            out.write("Dane ośrodka: zapisano.")
        else:
            out.write("Dane ośrodka: już uzupełnione, pozostawiono bez zmian.")
        if report.welcome_page_removed:
            out.write("Usunięto domyślną stronę powitalną Wagtaila.")
        for warning in report.warnings:
            out.write(self.style.WARNING(f"Uwaga: {warning}"))

    def _print_login(self, account):
        out = self.stdout
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home")
        out.write("")
        if account is AdminAccount.CREATED:
            out.write(self.style.SUCCESS("Utworzono konto administratora."))
        elif account is AdminAccount.EXISTS_WITH_DEMO_PASSWORD:
            out.write(f"Konto „{DEMO_ADMIN_USERNAME}” już istnieje i ma hasło demonstracyjne.")
        elif account is AdminAccount.EXISTS_PASSWORD_CHANGED:
            out.write(f"Konto „{DEMO_ADMIN_USERNAME}” już istnieje. Hasło zostało zmienione – użyj nowego hasła.")
        elif account is AdminAccount.OTHER_SUPERUSER_EXISTS:
            out.write("Konto administratora już istnieje. Zaloguj się swoim loginem i hasłem.")
        elif account is AdminAccount.USERNAME_TAKEN:
            out.write(
                f"Nie utworzono konta administratora: login „{DEMO_ADMIN_USERNAME}” ma już zwykłe konto. "
                "Utwórz administratora poleceniem: python manage.py createsuperuser"
            )
        out.write(f"Panel administracyjny: {admin_url}")
        if account in (AdminAccount.CREATED, AdminAccount.EXISTS_WITH_DEMO_PASSWORD):
            out.write(f"Login: {DEMO_ADMIN_USERNAME}")
            out.write(f"Hasło: {DEMO_ADMIN_PASSWORD}")
            out.write(
                "Konta ról (to samo hasło, jeśli go nie zmieniono): koordynator, pracownik1, pracownik2, redaktor."
            )
            out.write("To hasło jest jawne. Zmień je, jeśli ktoś poza tobą ma dostęp do tego komputera lub serwera.")
        elif account is AdminAccount.EXISTS_PASSWORD_CHANGED:
            out.write(f"Login: {DEMO_ADMIN_USERNAME}")
