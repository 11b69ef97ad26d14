"""Compile ``locale/*/LC_MESSAGES/*.po`` to ``.mo`` with polib, so GNU gettext is not needed."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile every .po catalogue under the locale directories to .mo (pure Python)."

    def handle(self, *args, **options):
        compiled = 0
        for locale_dir in map(Path, settings.LOCALE_PATHS):
            # No catalogues yet is normal early in a project: nothing to do, not an error.
            for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                compiled += 1
                if options["verbosity"] >= 2:
                    self.stdout.write(f"Compiled {mo_path}")
        if options["verbosity"] >= 1:
            self.stdout.write(f"{compiled} catalogue(s) compiled.")
