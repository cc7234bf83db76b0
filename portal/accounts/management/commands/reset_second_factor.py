from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from portal.accounts import devices


class Command(BaseCommand):
    help = (
        "Remove a staff member's code app and backup codes, e.g. after a lost phone. "
        "At their next log-in they set up the app again."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        devices.remove_all(user)
        self.stdout.write(f"Two-step log-in reset for {username}: they set it up again at the next log-in.")
