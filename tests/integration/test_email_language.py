"""Mail rendered by a real worker is in the recipient's language, titles and calendar included.

The worker's own language is the site's default (Italian): everything a mail reads from a
translated field must resolve in the recipient's language, falling back to the programme's
original language, as the pages do.
"""

import datetime as dt

import icalendar
import pytest
from django.db import transaction
from django.utils import timezone, translation

from participants import services
from tests.factories import ParticipantFactory, ProgrammeFactory, SessionFactory

pytestmark = pytest.mark.integration


def _in(language: str, msgid: str, **params) -> str:
    with translation.override(language):
        return translation.gettext(msgid) % params


def _subject(message) -> str:
    # Django folds a long encoded subject onto the next line ("Subject:\n =?utf-8?…"); the
    # parser keeps that fold's space, which mail clients do not show.
    return message["Subject"].strip()


def _calendar(message) -> icalendar.Calendar:
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "looking-up.ics"
    return icalendar.Calendar.from_ical(attachment.get_content())


@pytest.fixture
def second_edition(transactional_db):
    programme = ProgrammeFactory(
        title_it="LOOKING UP – seconda edizione (2027)",
        title_en="LOOKING UP – second edition (2027)",
        title_fr="LOOKING UP – deuxième édition (2027)",
        title_pt="LOOKING UP – segunda edição (2027)",
        original_language="it",
    )
    SessionFactory(
        programme=programme,
        title_it="Workshop di avvio a Firenze",
        title_fr="Atelier de lancement à Florence",
        title_pt="Oficina de arranque em Florença",
        title_en="Kick-off workshop in Florence",
    )
    return programme


def test_french_participant_gets_french_titles_subject_body_and_calendar(
    celery_worker, smtp_sink, second_edition
):
    claire = ParticipantFactory(email="claire@example.org", preferred_language="fr")

    with transaction.atomic():
        services.enrol(claire, second_edition)

    [message] = smtp_sink.wait_for(1)
    title = "LOOKING UP – deuxième édition (2027)"
    assert _subject(message) == _in("fr", "Enrolment confirmed: %(title)s", title=title)
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert _in("fr", "Your enrolment in “%(title)s” is confirmed.", title=title) in body
    calendar = _calendar(message)
    assert str(calendar["X-WR-CALNAME"]) == title
    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Atelier de lancement à Florence"


def test_portuguese_participant_gets_portuguese_session_titles(
    celery_worker, smtp_sink, second_edition
):
    clinic = SessionFactory(
        programme=second_edition,
        registration_required=True,
        capacity=3,
        title_it="Clinica di mentoring tra pari (3 posti)",
        title_pt="Clínica de mentoria entre pares (3 lugares)",
        starts_at=timezone.now() + dt.timedelta(days=20),
    )
    joana = ParticipantFactory(email="joana@example.org", preferred_language="pt")
    with transaction.atomic():
        services.enrol(joana, second_edition)
    smtp_sink.wait_for(1)

    with transaction.atomic():
        services.register_for_session(joana, clinic)

    message = smtp_sink.wait_for(2)[1]
    title = "Clínica de mentoria entre pares (3 lugares)"
    assert _subject(message) == _in("pt", "Session registration confirmed: %(title)s", title=title)
    body = message.get_body(preferencelist=("plain",)).get_content()
    programme = "LOOKING UP – segunda edição (2027)"
    assert _in("pt", "Programme: %(programme)s.", programme=programme) in body
    [event] = _calendar(message).walk("VEVENT")
    assert str(event["SUMMARY"]) == title


def test_missing_translation_falls_back_to_the_programmes_original_language(
    celery_worker, smtp_sink
):
    """The SSE Academy elective was written in English: an Italian reader gets English."""
    elective = ProgrammeFactory(
        title_en="12th SSE Academy – Elective 6",
        title_fr="12e Académie de l’ESS – Option 6",
        original_language="en",
    )
    marco = ParticipantFactory(email="marco@example.org", preferred_language="it")

    with transaction.atomic():
        services.enrol(marco, elective)

    [message] = smtp_sink.wait_for(1)
    assert _subject(message) == _in(
        "it", "Enrolment confirmed: %(title)s", title="12th SSE Academy – Elective 6"
    )
