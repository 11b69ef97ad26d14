import gettext
import os

import polib
import pytest
from django.core.management import CommandError, call_command
from django.utils import translation


def _write_catalogue(locale_dir, language: str, entries: dict[str, str]):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": language}
    for msgid, msgstr in entries.items():
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    path = locale_dir / language / "LC_MESSAGES" / "django.po"
    path.parent.mkdir(parents=True)
    po.save(str(path))
    return path


def test_compiletranslations_does_nothing_without_a_locale_directory(settings, tmp_path, capsys):
    settings.LOCALE_PATHS = [tmp_path / "missing"]

    call_command("compiletranslations")

    assert capsys.readouterr().out == "0 catalogue(s) compiled.\n"
    assert not (tmp_path / "missing").exists()


def test_compiletranslations_compiles_every_catalogue(settings, tmp_path):
    settings.LOCALE_PATHS = [tmp_path]
    _write_catalogue(tmp_path, "fr", {"Programmes": "Programmes de formation"})
    _write_catalogue(tmp_path, "pt", {"Programmes": "Programas"})

    call_command("compiletranslations", verbosity=0)

    french = gettext.translation("django", localedir=tmp_path, languages=["fr"])
    portuguese = gettext.translation("django", localedir=tmp_path, languages=["pt"])
    assert french.gettext("Programmes") == "Programmes de formation"
    assert portuguese.gettext("Programmes") == "Programas"


def test_compiletranslations_recompiles_a_changed_catalogue(settings, tmp_path):
    settings.LOCALE_PATHS = [tmp_path]
    po_path = _write_catalogue(tmp_path, "fr", {"Sessions": "Séances"})
    call_command("compiletranslations", verbosity=0)
    po = polib.pofile(str(po_path))
    po.find("Sessions").msgstr = "Sessions de formation"
    po.save()
    # A catalogue saved in the same second as its .mo must still count as newer.
    mo_mtime = po_path.with_suffix(".mo").stat().st_mtime
    os.utime(po_path, (mo_mtime + 10, mo_mtime + 10))

    call_command("compiletranslations", verbosity=0)

    french = gettext.translation("django", localedir=tmp_path, languages=["fr"])
    assert french.gettext("Sessions") == "Sessions de formation"


def test_send_test_email_sends_both_parts_in_the_chosen_language(
    db, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_test_email", to="ops@example.org", language="fr")

    [message] = mailoutbox
    with translation.override("fr"):
        expected_subject = translation.gettext("Test message from LOOKING UP")
    assert message.to == ["ops@example.org"]
    assert message.subject == expected_subject
    assert "send_test_email" in message.body
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    assert '<html lang="fr">' in html


def test_send_test_email_defaults_to_italian(db, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_test_email", to="ops@example.org")

    [message] = mailoutbox
    assert '<html lang="it">' in message.alternatives[0][0]


def test_send_test_email_refuses_a_bad_address(db, mailoutbox):
    with pytest.raises(CommandError, match="Not an email address"):
        call_command("send_test_email", to="not-an-address")

    assert mailoutbox == []
