from django.core.management.base import BaseCommand

from intake.notifications import send_deadline_reminders


class Command(BaseCommand):
    help = (
        "Remind social workers (or, for unassigned requests, the coordinators) of requests due today "
        "or overdue. Safe to run several times a day: each request gets one reminder a day."
    )

    def handle(self, *args, **options):
        written = send_deadline_reminders()
        self.stdout.write(f"reminders queued: {len(written)}")
