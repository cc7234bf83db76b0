import logging

from django.conf import settings
from django.core.management.base import BaseCommand

from intake.retention import anonymise, due_for_anonymisation

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Anonymise requests closed more than INTAKE_RETENTION_DAYS ago, keeping only what statistics need "
        "(dates, locality, outcome, urgency). Log entries are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only say how many requests would be anonymised.")

    def handle(self, *args, dry_run=False, **options):
        due = due_for_anonymisation()
        count = due.count()
        if dry_run:
            self.stdout.write(
                f"would anonymise {count} request(s) closed over {settings.INTAKE_RETENTION_DAYS} days ago"
            )
            return
        for help_request in due.iterator():
            anonymise(help_request)
        logger.warning("anonymised %s closed request(s) after the retention period", count)
        self.stdout.write(f"anonymised {count} request(s)")
