"""Every string a person reads exists, translated, in the four catalogues."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
LOCALE = ROOT / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
IGNORED = [".venv", "var", "staticfiles", "tests", "bench", "node_modules", "build"]


def catalogue(language: str, domain: str = "django") -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{domain}.po"


def problems(po: polib.POFile) -> list[str]:
    found = [f"untranslated: {entry.msgid!r}" for entry in po.untranslated_entries()]
    found += [f"fuzzy: {entry.msgid!r}" for entry in po.fuzzy_entries()]
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete(language):
    po = polib.pofile(str(catalogue(language)))

    assert problems(po) == []
    assert len(po.translated_entries()) > 100


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_its_source(language):
    po = polib.pofile(str(catalogue(language)))
    mo = polib.mofile(str(catalogue(language).with_suffix(".mo")))

    def pairs(entries):
        return {
            (e.msgctxt, e.msgid, e.msgstr, tuple(sorted(e.msgstr_plural.items()))) for e in entries
        }

    assert pairs(po.translated_entries()) == pairs(e for e in mo if e.msgid)


@pytest.fixture
def scratch_locale():
    """A copy of locale/ beside it. makemessages files each source file under the first
    locale path whose parent folder holds it, and puts every folder named "locale" it walks
    through first: the command below ignores locale/ and finds this copy through LOCALE_DIR,
    so it never writes into the real catalogues."""
    scratch = ROOT / f".locale-scratch-{os.getpid()}"
    shutil.copytree(LOCALE, scratch)
    yield scratch
    shutil.rmtree(scratch, ignore_errors=True)


@pytest.mark.skipif(
    shutil.which("xgettext") is None and not os.environ.get("CI"),
    reason="GNU gettext (xgettext) is not installed; CI installs it and runs this test",
)
def test_every_source_string_is_in_the_catalogues(scratch_locale):
    """Extract the strings again into a scratch copy: a new, untranslated one fails here."""
    scratch = scratch_locale
    command = [sys.executable, "manage.py", "makemessages", "--no-obsolete", "--no-location"]
    command += [f"--locale={code}" for code in LANGUAGES]
    command += [f"--ignore={pattern}/*" for pattern in IGNORED]
    command += ["--ignore=locale", f"--ignore={scratch.name}"]
    env = {**os.environ, "LOCALE_DIR": str(scratch), "DEBUG": "1"}
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)  # noqa: S603

    missing = {}
    for language in LANGUAGES:
        po = polib.pofile(str(scratch / language / "LC_MESSAGES" / "django.po"))
        if problems(po):
            missing[language] = problems(po)

    assert missing == {}
