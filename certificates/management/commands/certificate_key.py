from django.core.management.base import BaseCommand

from certificates.credentials import new_key


class Command(BaseCommand):
    help = "Print a new Ed25519 key for CERTIFICATE_SIGNING_KEY (keep it secret)."

    def handle(self, *args, **options):
        self.stdout.write(new_key())
