"""Tell an operator whether outgoing mail works, through the same queue as every other email."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from lookingup.outbox import queue_mail


class Command(BaseCommand):
    help = "Queue a short test email (through the outbox and Celery, like every other email)."

    def add_arguments(self, parser):
        parser.add_argument("--to", required=True, help="Recipient address.")
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
            help="Language of the message.",
        )

    def handle(self, *args, to, language, **options):
        try:
            validate_email(to)
        except ValidationError as error:
            raise CommandError(f"Not an email address: {to!r}") from error
        # Outside a transaction on_commit runs at once: the worker is woken right here.
        queue_mail("test_message", to=to, language=language)
        self.stdout.write(f"Test email to {to} queued ({language}).")
