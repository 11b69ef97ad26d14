"""Reminders, change notices and cancellations: who is told what, when, and only once."""

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from lookingup import outbox
from lookingup.enums import MailState
from lookingup.models import Mail
from participants.enums import EnrolmentStatus
from sessions_app import notices
from sessions_app.enums import SessionStatus
from sessions_app.models import Session, SessionChange
from tests.admin_helpers import admin_url
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    OnlineSessionFactory,
    ParticipantFactory,
    ProgrammeFactory,
    SessionFactory,
    SessionRegistrationFactory,
)

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")
NOW = dt.datetime(2027, 3, 1, 9, 0, tzinfo=ROME)


@pytest.fixture
def programme(coordinator):
    programme = ProgrammeFactory(
        title="Reti solidali e competenti",
        original_language="it",
        start_date=dt.date(2027, 1, 1),
        end_date=dt.date(2027, 12, 31),
    )
    programme.coordinators.add(coordinator)
    return programme


def _person(programme, *, joined=NOW - dt.timedelta(days=30), status="confirmed", **kwargs):
    person = ParticipantFactory(**kwargs)
    enrolment = EnrolmentFactory(participant=person, programme=programme, status=status)
    type(enrolment).objects.filter(pk=enrolment.pk).update(created_at=joined)
    return person


def _workshop(programme, starts_at, **kwargs):
    kwargs.setdefault("title", "Laboratorio a Torino")
    return SessionFactory(
        programme=programme,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=3),
        **kwargs,
    )


def _reminders() -> list[tuple[str, int, str]]:
    """(recipient, session, offset in minutes) of every reminder queued."""
    return sorted(
        (mail.to, mail.session_id, mail.key.split(":")[3])
        for mail in Mail.objects.filter(kind="session-reminder")
    )


# --- reminders


def test_reminders_go_to_confirmed_people_only_at_each_offset(programme):
    _person(programme, email="anna@example.org")
    _person(programme, email="waiting@example.org", status=EnrolmentStatus.WAITING)
    _person(programme, email="pending@example.org", status=EnrolmentStatus.PENDING)
    _person(programme, email="gone@example.org", status=EnrolmentStatus.CANCELLED)
    _person(programme, email="quiet@example.org", reminders_enabled=False)
    workshop = _workshop(programme, NOW + dt.timedelta(days=7) - dt.timedelta(minutes=5))

    week_before = notices.queue_due_reminders(now=NOW)
    again = notices.queue_due_reminders(now=NOW + dt.timedelta(minutes=5))
    day_before = notices.queue_due_reminders(now=workshop.starts_at - dt.timedelta(hours=23))

    assert (week_before, again, day_before) == (1, 0, 1)
    assert _reminders() == [
        ("anna@example.org", workshop.pk, "10080"),
        ("anna@example.org", workshop.pk, "1440"),
    ]


def test_no_week_before_reminder_for_someone_who_enrolled_yesterday_for_tomorrow(programme):
    tomorrow = NOW + dt.timedelta(days=1, hours=2)
    workshop = _workshop(programme, tomorrow)
    _person(programme, email="late@example.org", joined=NOW - dt.timedelta(days=1))

    notices.queue_due_reminders(now=NOW)
    notices.queue_due_reminders(now=tomorrow - dt.timedelta(hours=23))

    assert _reminders() == [("late@example.org", workshop.pk, "1440")]


def test_a_reminder_superseded_while_the_scan_was_not_running_is_never_sent(programme):
    """Beat was down for a week: two hours before the start only the day-before one goes."""
    workshop = _workshop(programme, NOW + dt.timedelta(hours=2))
    _person(programme, email="anna@example.org")

    notices.queue_due_reminders(now=NOW)
    notices.queue_due_reminders(now=NOW + dt.timedelta(hours=1))

    assert _reminders() == [("anna@example.org", workshop.pk, "1440")]


def test_online_sessions_get_a_last_reminder_an_hour_before(programme):
    webinar = OnlineSessionFactory(
        programme=programme,
        starts_at=NOW + dt.timedelta(minutes=50),
        ends_at=NOW + dt.timedelta(minutes=110),
    )
    in_person = _workshop(programme, NOW + dt.timedelta(minutes=50))
    _person(programme, email="anna@example.org")

    notices.queue_due_reminders(now=NOW)

    assert _reminders() == [
        ("anna@example.org", webinar.pk, "60"),
        ("anna@example.org", in_person.pk, "1440"),
    ]


def test_offsets_are_set_per_programme(programme):
    programme.reminder_hours = "48"
    programme.online_reminder_minutes = 0
    programme.save()
    workshop = _workshop(programme, NOW + dt.timedelta(hours=47))
    _person(programme, email="anna@example.org")

    notices.queue_due_reminders(now=NOW)

    assert _reminders() == [("anna@example.org", workshop.pk, "2880")]


def test_a_session_that_moves_gets_its_reminders_again(programme):
    workshop = _workshop(programme, NOW + dt.timedelta(hours=20))
    _person(programme, email="anna@example.org")
    notices.queue_due_reminders(now=NOW)

    workshop.starts_at += dt.timedelta(days=1)
    workshop.ends_at += dt.timedelta(days=1)
    workshop.save()
    notices.queue_due_reminders(now=NOW + dt.timedelta(days=1))

    assert len(_reminders()) == 2


def test_reminders_follow_cohorts_and_registrations(programme):
    north = CohortFactory(programme=programme, name="Hub Nord")
    south = CohortFactory(programme=programme, name="Hub Sud")
    northerner = ParticipantFactory(email="nord@example.org")
    EnrolmentFactory(participant=northerner, programme=programme, cohort=north)
    southerner = ParticipantFactory(email="sud@example.org")
    EnrolmentFactory(participant=southerner, programme=programme, cohort=south)
    Mail.objects.all().delete()
    type(northerner.enrolments.get()).objects.update(created_at=NOW - dt.timedelta(days=20))
    hub_session = _workshop(programme, NOW + dt.timedelta(hours=5))
    hub_session.cohorts.set([north])
    residency = _workshop(programme, NOW + dt.timedelta(hours=5), registration_required=True)
    registration = SessionRegistrationFactory(participant=southerner, session=residency)
    type(registration).objects.filter(pk=registration.pk).update(
        created_at=NOW - dt.timedelta(days=3)
    )

    notices.queue_due_reminders(now=NOW)

    assert _reminders() == [
        ("nord@example.org", hub_session.pk, "1440"),
        ("sud@example.org", residency.pk, "1440"),
    ]


def test_no_reminders_for_cancelled_sessions_or_draft_programmes(programme):
    _workshop(programme, NOW + dt.timedelta(hours=5), status=SessionStatus.CANCELLED)
    draft = ProgrammeFactory(status="draft")
    _workshop(draft, NOW + dt.timedelta(hours=5))
    _person(programme)
    _person(draft)

    assert notices.queue_due_reminders(now=NOW) == 0


@pytest.mark.parametrize("people", [3, 30])
def test_reminder_scan_query_count_is_constant(programme, django_assert_num_queries, people):
    for n in range(people):
        _person(programme, email=f"p{n}@example.org")
    _workshop(programme, NOW + dt.timedelta(hours=5))
    _workshop(programme, NOW + dt.timedelta(hours=6))

    # programmes' offsets, sessions, who takes part, people, registrations, enrolments,
    # existing keys, the insert in its savepoint (3)
    with django_assert_num_queries(9):
        assert notices.queue_due_reminders(now=NOW) == 2 * people


def _send_all(mailoutbox) -> list:
    outbox.deliver_due()
    return list(mailoutbox)


def test_reminder_mail_in_the_persons_language_with_both_times_and_unsubscribe(
    programme, mailoutbox, settings
):
    settings.SITE_URL = "https://lookingup.example.org"
    workshop = _workshop(
        programme,
        dt.datetime(2027, 3, 2, 10, 0, tzinfo=ZoneInfo("Europe/Bucharest")),
        time_zone="Europe/Bucharest",
        venue_name="Casa Artelor",
        city="Timișoara",
        country="RO",
        title_it="Laboratorio di capitalizzazione",
        title_fr="Atelier de capitalisation",
    )
    _person(
        programme, email="claire@example.org", preferred_language="fr", time_zone="Europe/Paris"
    )

    notices.queue_due_reminders(now=NOW)
    [message] = _send_all(mailoutbox)

    with translation.override("fr"):
        when = "2 mars 2027 10:00 – 13:00 (Europe/Bucharest)"
        subject = translation.gettext("Reminder: %(title)s, %(when)s") % {
            "title": "Atelier de capitalisation",
            "when": when,
        }
        yours = translation.gettext("In your time zone: %(when_yours)s") % {
            "when_yours": "2 mars 2027 09:00 – 12:00 (Europe/Paris)"
        }
    assert message.subject == subject
    assert yours in message.body
    assert "Casa Artelor" in message.body
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<https://lookingup.example.org/fr/me/reminders/off/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert workshop.pk == Mail.objects.get().session_id


def test_online_reminder_carries_the_link_to_join(programme, mailoutbox):
    OnlineSessionFactory(
        programme=programme,
        starts_at=NOW + dt.timedelta(minutes=50),
        ends_at=NOW + dt.timedelta(minutes=110),
    )
    _person(programme, preferred_language="en")

    notices.queue_due_reminders(now=NOW)
    [message] = _send_all(mailoutbox)

    assert "Link to join: https://meet.example.org/looking-up" in message.body


def test_reminder_is_not_sent_to_someone_who_left_in_the_meantime(programme, mailoutbox):
    person = _person(programme, joined=timezone.now() - dt.timedelta(days=30))
    workshop = _workshop(programme, timezone.now() + dt.timedelta(hours=5))
    notices.queue_due_reminders(now=timezone.now())

    person.enrolments.update(status=EnrolmentStatus.CANCELLED)
    sent = _send_all(mailoutbox)

    assert sent == []
    assert Mail.objects.get(session=workshop).state == MailState.CANCELLED


# --- unsubscribing from the mail


def test_unsubscribe_link_shows_a_page_then_one_click_turns_reminders_off(client, programme):
    from participants.services import reminders_off_url

    person = _person(programme, preferred_language="en")
    path = reminders_off_url(person).split("testserver", 1)[-1].replace("http://127.0.0.1:8000", "")

    page = client.get(path)
    person.refresh_from_db()
    still_on = person.reminders_enabled
    one_click = client.post(path, {"List-Unsubscribe": "One-Click"})
    person.refresh_from_db()

    assert page.status_code == 200
    assert still_on
    assert one_click.status_code == 200
    assert "no more session reminders" in one_click.content.decode()
    assert not person.reminders_enabled


def test_unsubscribe_with_a_bad_token_says_so(client):
    response = client.get(reverse("participants:reminders_off", args=["not-a-token"]))

    assert response.status_code == 400
    assert "This link is not valid." in response.content.decode()


# --- changes


def test_edits_within_the_delay_become_one_notice_old_to_new(programme, mailoutbox, settings):
    settings.CHANGE_NOTICE_DELAY_MINUTES = 10
    workshop = _workshop(programme, NOW + dt.timedelta(days=3), venue_name="Sala A", city="Torino")
    _person(programme, email="anna@example.org", preferred_language="en")
    _person(programme, email="luca@example.org", preferred_language="it")
    first = notices.snapshot(workshop)
    workshop.venue_name = "Sala B"
    workshop.save()
    notices.note_change(workshop, first, now=NOW)
    second = notices.snapshot(workshop)
    workshop.starts_at += dt.timedelta(hours=1)
    workshop.ends_at += dt.timedelta(hours=1)
    workshop.save()
    notices.note_change(workshop, second, now=NOW + dt.timedelta(minutes=5))

    too_early = notices.send_due_change_notices(now=NOW + dt.timedelta(minutes=12))
    told = notices.send_due_change_notices(now=NOW + dt.timedelta(minutes=16))
    messages = {message.to[0]: message for message in _send_all(mailoutbox)}

    assert (too_early, told) == (0, 2)
    english = messages["anna@example.org"].body
    assert "Where: Sala A, Torino → Sala B, Torino" in english
    assert "When: March 4, 2027, 9 a.m. – noon (Europe/Rome)" in english
    assert "→ March 4, 2027, 10 a.m. – 1 p.m. (Europe/Rome)" in english
    calendar = icalendar.Calendar.from_ical(messages["anna@example.org"].attachments[0][1])
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"{workshop.uid}@lookingup"
    assert int(event["SEQUENCE"]) == Session.objects.get(pk=workshop.pk).sequence


def test_an_edit_undone_within_the_delay_tells_nobody(programme, mailoutbox):
    workshop = _workshop(programme, NOW + dt.timedelta(days=3), city="Torino")
    _person(programme)
    before = notices.snapshot(workshop)
    workshop.city = "Lecce"
    workshop.save()
    notices.note_change(workshop, before, now=NOW)
    workshop.city = "Torino"
    workshop.save()

    told = notices.send_due_change_notices(now=NOW + dt.timedelta(hours=1))

    assert told == 0
    assert SessionChange.objects.get().sent_at is not None


def test_admin_edit_of_the_time_queues_a_change_notice(client, coordinator, programme):
    from programmes.services import ensure_coordinators_group

    coordinator.groups.add(ensure_coordinators_group())
    workshop = _workshop(programme, NOW + dt.timedelta(days=3))
    client.force_login(coordinator)
    page = client.get(admin_url("sessions_app_session_change", workshop.pk))
    form = page.context["adminform"].form
    post = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list | tuple)
    }
    post.update(
        {
            "programme": programme.pk,
            "languages": ["it", "en"],
            "starts_at_0": "2027-03-04",
            "starts_at_1": "15:00",
            "ends_at_0": "2027-03-04",
            "ends_at_1": "18:00",
            "materials-TOTAL_FORMS": "0",
            "materials-INITIAL_FORMS": "0",
            "materials-MIN_NUM_FORMS": "0",
            "materials-MAX_NUM_FORMS": "1000",
        }
    )

    response = client.post(admin_url("sessions_app_session_change", workshop.pk), post)

    assert response.status_code == 302, response.context["adminform"].form.errors
    change = SessionChange.objects.get(session=workshop)
    assert change.before["starts_at"] == workshop.starts_at.astimezone(dt.UTC).isoformat()


# --- cancellations


def test_cancelling_tells_everyone_taking_part_or_waiting_with_a_cancel_calendar(
    programme, mailoutbox
):
    residency = _workshop(programme, NOW + dt.timedelta(days=3), registration_required=True)
    seated = _person(programme, email="seated@example.org", preferred_language="pt")
    waiting = _person(programme, email="waiting@example.org")
    _person(programme, email="elsewhere@example.org")
    SessionRegistrationFactory(participant=seated, session=residency)
    SessionRegistrationFactory(participant=waiting, session=residency, status="waiting")
    sequence = residency.sequence

    result = notices.cancel_session(residency)
    again = notices.cancel_session(residency)
    messages = {message.to[0]: message for message in _send_all(mailoutbox)}

    assert (result.told, again.already) == (2, True)
    assert sorted(messages) == ["seated@example.org", "waiting@example.org"]
    with translation.override("pt"):
        subject = translation.gettext("Cancelled: %(title)s") % {"title": residency.title}
    assert messages["seated@example.org"].subject == subject
    calendar = icalendar.Calendar.from_ical(messages["seated@example.org"].attachments[0][1])
    [event] = calendar.walk("VEVENT")
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) > sequence


def test_cancelling_in_a_rolled_back_transaction_tells_nobody(
    programme, mailoutbox, django_capture_on_commit_callbacks
):
    from django.db import transaction

    workshop = _workshop(programme, NOW + dt.timedelta(days=3))
    _person(programme)

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        notices.cancel_session(workshop)
        raise RuntimeError("the coordinator's request failed after the cancellation")

    assert Mail.objects.count() == 0
    assert mailoutbox == []
    assert Session.objects.get(pk=workshop.pk).status == SessionStatus.SCHEDULED


def test_admin_cancel_action_and_the_message_it_shows(
    client, coordinator, programme, django_capture_on_commit_callbacks, mailoutbox
):
    from programmes.services import ensure_coordinators_group

    coordinator.groups.add(ensure_coordinators_group())
    workshop = _workshop(programme, NOW + dt.timedelta(days=3))
    _person(programme, preferred_language="en")
    _person(programme, preferred_language="fr")
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            admin_url("sessions_app_session_changelist"),
            {"action": "cancel_selected", "_selected_action": [workshop.pk]},
            follow=True,
        )

    assert [str(m) for m in response.context["messages"]] == [
        "Cancelled. 2 people taking part or waiting are being told, with a calendar update."
    ]
    assert len(mailoutbox) == 2


def test_a_session_people_take_part_in_cannot_be_deleted(client, coordinator, programme):
    from programmes.services import ensure_coordinators_group

    coordinator.groups.add(ensure_coordinators_group())
    workshop = _workshop(programme, NOW + dt.timedelta(days=3), title="Laboratorio a Lecce")
    empty = _workshop(ProgrammeFactory(), NOW + dt.timedelta(days=3))
    empty.programme.coordinators.add(coordinator)
    _person(programme)
    client.force_login(coordinator)

    refused = client.post(
        admin_url("sessions_app_session_delete", workshop.pk), {"post": "yes"}, follow=True
    )
    deleted = client.post(admin_url("sessions_app_session_delete", empty.pk), {"post": "yes"})

    assert "1 person takes part. Cancel it instead." in refused.content.decode()
    assert Session.objects.filter(pk=workshop.pk).exists()
    assert deleted.status_code == 302
    assert not Session.objects.filter(pk=empty.pk).exists()


def test_a_session_with_registrations_is_protected_in_the_database(programme):
    from django.db.models import ProtectedError

    registration = SessionRegistrationFactory(
        session=_workshop(programme, NOW, registration_required=True)
    )

    with pytest.raises(ProtectedError):
        registration.session.delete()
