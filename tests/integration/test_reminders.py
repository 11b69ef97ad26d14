"""Reminders and notices against real components: a Celery worker with beat, killed on
purpose, and an SMTP server. Each person gets each mail once, in their language."""

import datetime as dt

import icalendar
import pytest
from django.utils import timezone, translation

from lookingup.models import Mail
from participants.models import Enrolment
from sessions_app import notices
from sessions_app.tasks import task_queue_due_reminders
from tests.factories import (
    EnrolmentFactory,
    ParticipantFactory,
    ProgrammeFactory,
    SessionFactory,
)
from tests.integration.conftest import broker_for_test_process, start_worker, stop_worker

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

FAST = {
    "OUTBOX_SWEEP_SECONDS": "1",
    "OUTBOX_LEASE_SECONDS": "3",
    "REMINDER_SCAN_SECONDS": "1",
}


@pytest.fixture
def workshop():
    """Tomorrow's workshop in Turin: its day-before reminder is due now."""
    programme = ProgrammeFactory(
        title_it="Reti solidali e competenti",
        title_fr="Réseaux solidaires et compétents",
        title_pt="Redes solidárias e competentes",
        original_language="it",
    )
    starts = (timezone.now() + dt.timedelta(hours=20)).replace(microsecond=0)
    return SessionFactory(
        programme=programme,
        title_it="Laboratorio a Torino",
        title_fr="Atelier à Turin",
        title_pt="Oficina em Turim",
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=3),
        city="Torino",
    )


def _enrol(programme, count: int, languages=("it", "fr", "pt")) -> list[str]:
    addresses = []
    for n in range(count):
        person = ParticipantFactory(
            email=f"person{n:03}@example.org", preferred_language=languages[n % len(languages)]
        )
        EnrolmentFactory(participant=person, programme=programme)
        addresses.append(person.email)
    Enrolment.objects.update(created_at=timezone.now() - dt.timedelta(days=30))
    return addresses


def _subject(message) -> str:
    return message["Subject"].strip()


def _settle(sink, expected: int, seconds: float = 4) -> list[str]:
    sink.wait_for(expected, timeout=60)
    import time

    time.sleep(seconds)  # several more scans and sweeps: a duplicate would show up now
    return sink.recipients()


def test_beat_sends_each_due_reminder_once_in_each_language(smtp_sink, celery_broker, workshop):
    addresses = _enrol(workshop.programme, 3)
    worker = start_worker(celery_broker, smtp_sink=smtp_sink, beat=True, extra_env=FAST)
    try:
        recipients = _settle(smtp_sink, 3)
    finally:
        stop_worker(worker)

    assert recipients == addresses
    by_address = {str(message["To"]): message for message in smtp_sink.messages}
    for address, language, title in [
        ("person000@example.org", "it", "Laboratorio a Torino"),
        ("person001@example.org", "fr", "Atelier à Turin"),
        ("person002@example.org", "pt", "Oficina em Turim"),
    ]:
        message = by_address[address]
        with translation.override(language):
            prefix = translation.gettext("Reminder: %(title)s, %(when)s").split("%")[0]
        assert _subject(message).startswith(f"{prefix}{title}, ")
        assert (
            message["List-Unsubscribe"].strip().startswith(f"<http://127.0.0.1:8000/{language}/me/")
        )
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_worker_killed_mid_batch_every_reminder_arrives_once(smtp_sink, celery_broker, workshop):
    addresses = _enrol(workshop.programme, 15)
    smtp_sink.rcpt_delay = 0.3
    first = start_worker(celery_broker, smtp_sink=smtp_sink, extra_env=FAST)
    with broker_for_test_process(celery_broker):
        task_queue_due_reminders.delay()
        smtp_sink.wait_for_rcpt(5)
        stop_worker(first)  # SIGKILL, in the middle of the fifth mail
        smtp_sink.rcpt_delay = 0
        second = start_worker(celery_broker, smtp_sink=smtp_sink, beat=True, extra_env=FAST)
        try:
            recipients = _settle(smtp_sink, 15)
        finally:
            stop_worker(second)

    assert recipients == addresses
    assert Mail.objects.filter(kind="session-reminder").count() == 15


def test_two_scans_at_once_queue_each_reminder_once(smtp_sink, celery_broker, workshop):
    addresses = _enrol(workshop.programme, 20)
    workers = [start_worker(celery_broker, smtp_sink=smtp_sink, extra_env=FAST) for _ in "ab"]
    try:
        with broker_for_test_process(celery_broker):
            task_queue_due_reminders.delay()
            task_queue_due_reminders.delay()
            recipients = _settle(smtp_sink, 20, seconds=3)
    finally:
        for worker in workers:
            stop_worker(worker)

    assert recipients == addresses


def test_cancellation_reaches_people_with_a_calendar_that_removes_the_event(
    smtp_sink, celery_worker, workshop
):
    _enrol(workshop.programme, 2, languages=("fr",))

    notices.cancel_session(workshop)

    messages = smtp_sink.wait_for(2)
    with translation.override("fr"):
        subject = translation.gettext("Cancelled: %(title)s") % {"title": "Atelier à Turin"}
    assert {_subject(message) for message in messages} == {subject}
    [attachment] = list(messages[0].iter_attachments())
    calendar = icalendar.Calendar.from_ical(attachment.get_content())
    [event] = calendar.walk("VEVENT")
    assert (str(calendar["METHOD"]), str(event["STATUS"])) == ("CANCEL", "CANCELLED")
    assert str(event["UID"]) == f"{workshop.uid}@lookingup"
