"""Registration for one session (residencies, tutoring, study visits)."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from participants import phrases
from participants.enums import EnrolmentStatus as Status
from participants.models import Enrolment, SessionRegistration, User
from sessions_app.models import Session

from .enrolment import cancel_refusal
from .notify import send_notice
from .outcome import Outcome
from .queues import promote_waiting, seat_status, waiting_position


def _registration_refusal(participant, session, *, now) -> str | None:
    if not participant.has_current_consent:
        return phrases.CONSENT_MISSING
    if session.is_cancelled:
        return phrases.SESSION_CANCELLED
    if not session.registration_required:
        return phrases.NO_REGISTRATION
    if session.starts_at <= now:
        return phrases.REGISTRATION_CLOSED
    enrolment = Enrolment.objects.filter(
        participant=participant, programme_id=session.programme_id, status=Status.CONFIRMED
    ).first()
    if enrolment is None:
        return phrases.ENROL_FIRST
    cohort_ids = set(session.cohorts.values_list("pk", flat=True))
    if cohort_ids and enrolment.cohort_id not in cohort_ids:
        return phrases.OTHER_COHORT
    if SessionRegistration.objects.active().filter(participant=participant, session=session):
        return phrases.ALREADY_REGISTERED
    return None


def register_for_session(participant: User, session: Session, *, now=None) -> Outcome:
    """Take a seat in a session that needs registration, or a place on its waiting list."""
    now = now or timezone.now()
    refusal = _registration_refusal(participant, session, now=now)
    if refusal is not None:
        return Outcome.refused(refusal)
    try:
        with transaction.atomic():
            status = seat_status(session)
            registration = SessionRegistration.objects.create(
                participant=participant,
                session=session,
                status=status,
                queued_at=now if status == Status.WAITING else None,
                organisation_kind=participant.organisation_kind,
                country=participant.country,
            )
            send_notice(registration, status)
    except IntegrityError:
        return Outcome.refused(phrases.ALREADY_REGISTERED)
    if status == Status.WAITING:
        position = waiting_position(registration)
        message = phrases.SESSION_WAITING % {"position": position}
        return Outcome(True, str(message), registration, "warning")
    return Outcome(True, str(phrases.REGISTERED % {"session": session.title}), registration)


def cancel_registration(
    registration: SessionRegistration, *, now=None, force: bool = False, notify: bool = True
) -> Outcome:
    """Give up a session seat (until the notice period) or leave its waiting list."""
    now = now or timezone.now()
    with transaction.atomic():
        registration = (
            SessionRegistration.objects.select_for_update(of=("self",))
            .select_related("session__programme")
            .get(pk=registration.pk)
        )
        refusal = cancel_refusal(registration, now, force=force)
        if refusal:
            return Outcome.refused(refusal, registration)
        held_seat = registration.status == Status.CONFIRMED
        registration.status = Status.CANCELLED
        registration.save(update_fields=["status", "updated_at"])
        if notify:
            send_notice(registration, "cancelled")
        if held_seat:
            promote_waiting(registration.session, now=now)
    message = phrases.CANCELLED if held_seat else phrases.WAITING_LEFT
    return Outcome(True, str(message), registration)
