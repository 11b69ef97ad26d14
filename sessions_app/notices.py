"""What sessions tell the people taking part: reminders, changes, cancellations.

Every mail goes through the outbox (lookingup/outbox.py) with a key naming its cause, so a scan
that runs twice, two beats by mistake, or a worker killed in the middle of a batch never sends
one twice. Who takes part is asked of ``participants.services`` (the one owner of that rule).
"""

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from lookingup.outbox import Letter, queue_many

from .enums import SessionStatus
from .models import Session, SessionChange

logger = logging.getLogger(__name__)

# What a participant must be told about when it changes: when, where, how to join.
WATCHED_FIELDS = (
    "starts_at",
    "ends_at",
    "time_zone",
    "venue_name",
    "venue_address",
    "city",
    "country",
    "online_url",
)


# --- Reminders


def reminder_key(session: Session, participant_id: int, offset: dt.timedelta) -> str:
    # The start is part of the cause: a session that moves gets its reminders again.
    minutes = int(offset.total_seconds() // 60)
    return f"reminder:{session.pk}:{participant_id}:{minutes}:{int(session.starts_at.timestamp())}"


def _reminder_candidates(now) -> list[Session]:
    """Sessions with a reminder moment in the past and a start in the future: one query on
    the indexed start, bounded by the longest offset any programme asks for."""
    from programmes.models import Programme, parse_hours_list

    longest = max(
        (
            max(parse_hours_list(hours) or [0])
            for hours in Programme.objects.public().values_list("reminder_hours", flat=True)
        ),
        default=0,
    )
    horizon = now + max(dt.timedelta(hours=longest), dt.timedelta(minutes=24 * 60))
    return list(
        Session.objects.public()
        .filter(status=SessionStatus.SCHEDULED, starts_at__gt=now, starts_at__lte=horizon)
        .select_related("programme")
    )


def _due_offset(session: Session, now) -> dt.timedelta | None:
    """The nearest reminder moment that has passed: a reminder superseded by a nearer one
    (the worker was down for days, say) is never sent late."""
    passed = [
        offset
        for offset in session.programme.reminder_offsets(online=bool(session.online_url))
        if session.starts_at - offset <= now
    ]
    return min(passed) if passed else None


def _joined_at(sessions: list[Session], participant_ids: set[int]):
    """A function (session, participant id) → when the person came in: their registration
    for a session that needs one, else their enrolment in its programme. Two queries."""
    from participants.enums import EnrolmentStatus
    from participants.models import Enrolment, SessionRegistration

    registered = {
        (session_id, person): created
        for session_id, person, created in SessionRegistration.objects.filter(
            session__in=[s.pk for s in sessions if s.registration_required],
            participant__in=participant_ids,
            status=EnrolmentStatus.CONFIRMED,
        ).values_list("session_id", "participant_id", "created_at")
    }
    enrolled = {
        (programme_id, person): created
        for programme_id, person, created in Enrolment.objects.filter(
            programme__in={s.programme_id for s in sessions},
            participant__in=participant_ids,
            status=EnrolmentStatus.CONFIRMED,
        ).values_list("programme_id", "participant_id", "created_at")
    }

    def joined_at(session: Session, person: int):
        if session.registration_required:
            return registered.get((session.pk, person))
        return enrolled.get((session.programme_id, person))

    return joined_at


def queue_due_reminders(*, now=None) -> int:
    """Queue every reminder due now; returns how many were new. Idempotent: run it as often
    as you like (Celery beat does, every REMINDER_SCAN_SECONDS)."""
    from participants.models import User
    from participants.services import participants_by_session

    now = now or timezone.now()
    due = {}
    for session in _reminder_candidates(now):
        offset = _due_offset(session, now)
        if offset is not None:
            due[session] = offset
    if not due:
        return 0
    people_by_session = participants_by_session(list(due))
    everyone = set().union(*people_by_session.values())
    people = {
        user.pk: user
        for user in User.objects.filter(pk__in=everyone, is_active=True, reminders_enabled=True)
    }
    joined_at = _joined_at(list(due), set(people))
    letters = []
    for session, offset in due.items():
        moment = session.starts_at - offset
        for person_id in people_by_session[session.pk]:
            person = people.get(person_id)
            came_in = joined_at(session, person_id)
            if person is None or came_in is None or came_in > moment:
                # Turned reminders off, or came in after this reminder's moment: someone who
                # enrolled yesterday for tomorrow gets no "one week before" mail.
                continue
            letters.append(
                Letter(
                    kind="session-reminder",
                    to=person,
                    key=reminder_key(session, person_id, offset),
                    context={"session_id": session.pk, "user_id": person_id},
                    programme_id=session.programme_id,
                    session_id=session.pk,
                )
            )
    with transaction.atomic():
        return queue_many(letters)


# --- Changes of time, place or link


def snapshot(session: Session) -> dict:
    """The watched values of ``session``, JSON-ready."""
    values = {}
    for name in WATCHED_FIELDS:
        value = getattr(session, name)
        if isinstance(value, dt.datetime):
            values[name] = value.astimezone(dt.UTC).isoformat()
        else:
            values[name] = str(value or "")
    return values


def changed_fields(before: dict, after: dict) -> list[str]:
    return [name for name in WATCHED_FIELDS if before.get(name) != after.get(name)]


def note_change(session: Session, before: dict, *, now=None) -> SessionChange | None:
    """After a coordinator saved ``session``: if its time, place or link changed, tell the
    people taking part, in one notice for all the edits made within the delay."""
    now = now or timezone.now()
    if session.is_cancelled or not changed_fields(before, snapshot(session)):
        return None
    due_at = now + dt.timedelta(minutes=settings.CHANGE_NOTICE_DELAY_MINUTES)
    with transaction.atomic():
        pending = (
            SessionChange.objects.select_for_update()
            .filter(session=session, sent_at__isnull=True)
            .first()
        )
        if pending is not None:
            # Keep the values from before the first edit; wait for the edits to settle.
            pending.due_at = due_at
            pending.save(update_fields=["due_at"])
            return pending
        return SessionChange.objects.create(session=session, before=before, due_at=due_at)


def send_due_change_notices(*, now=None) -> int:
    """Queue the notices of the changes whose delay has passed; returns how many mails."""
    from participants.services import participants_of

    now = now or timezone.now()
    queued = 0
    due = SessionChange.objects.filter(sent_at__isnull=True, due_at__lte=now)
    for change_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            change = (
                SessionChange.objects.select_for_update(skip_locked=True)
                .select_related("session__programme")
                .filter(pk=change_id, sent_at__isnull=True)
                .first()
            )
            if change is None:
                continue  # another scan has it
            session = change.session
            if not session.is_cancelled and changed_fields(change.before, snapshot(session)):
                queued += queue_many(
                    [
                        Letter(
                            kind="session-changed",
                            to=person,
                            key=f"session-changed:{change.pk}:{person.pk}",
                            context={"change_id": change.pk, "user_id": person.pk},
                            programme_id=session.programme_id,
                            session_id=session.pk,
                        )
                        for person in participants_of(session)
                    ]
                )
            change.sent_at = now
            change.save(update_fields=["sent_at"])
    return queued


# --- Calling a session off


@dataclass(frozen=True)
class Cancellation:
    session: Session
    told: int
    already: bool = False


def cancel_session(session: Session, *, now=None) -> Cancellation:
    """Call ``session`` off: its status becomes cancelled (calendar clients see the event
    cancelled), and everyone taking part or waiting for a seat is told at once, with a
    calendar file that removes the event. A pending change notice is dropped."""
    from participants.enums import EnrolmentStatus
    from participants.models import User
    from participants.services import participants_of

    now = now or timezone.now()
    with transaction.atomic():
        session = Session.objects.select_for_update().select_related("programme").get(pk=session.pk)
        if session.is_cancelled:
            return Cancellation(session, 0, already=True)
        session.status = SessionStatus.CANCELLED
        session.save()
        SessionChange.objects.filter(session=session, sent_at__isnull=True).update(sent_at=now)
        waiting = User.objects.filter(
            session_registrations__session=session,
            session_registrations__status=EnrolmentStatus.WAITING,
        )
        people = {person.pk: person for person in participants_of(session)}
        people.update({person.pk: person for person in waiting})
        told = queue_many(
            [
                Letter(
                    kind="session-cancelled",
                    to=person,
                    key=f"session-cancelled:{session.pk}:{session.sequence}:{person.pk}",
                    context={"session_id": session.pk, "user_id": person.pk},
                    programme_id=session.programme_id,
                    session_id=session.pk,
                )
                for person in people.values()
            ]
        )
    return Cancellation(session, told)
