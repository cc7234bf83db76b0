from django.core.management.base import BaseCommand

from intake.notifications import deliver_pending


class Command(BaseCommand):
    help = (
        "Send e-mails about requests that are still waiting, e.g. because the mail server was down. "
        "Safe to run often (cron every few minutes): each e-mail is sent once."
    )

    def handle(self, *args, **options):
        sent, failed = deliver_pending()
        self.stdout.write(f"sent: {sent}, not sent (will retry): {failed}")
