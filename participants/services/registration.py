"""Registration for one session (residencies, tutoring, study visits)."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from participants import phrases
from participants.enums import EnrolmentStatus as Status
from participants.models import Enrolment, SessionRegistration, User
from programmes.enums import ProgrammeStatus
from sessions_app.models import Session

from .cancellation import give_up
from .notify import send_notice
from .outcome import Outcome
from .queues import take_place, waiting_position


def registration_refusal(
    participant, session, *, now, enrolment, registered: bool, cohort_ids
) -> str | None:
    """The one rule for "may this person register for this session": the join box on the
    session page and the POST both ask it, each with what it has loaded (``enrolment``: the
    person's confirmed enrolment in the programme or None; ``registered``: whether they hold
    an active registration; ``cohort_ids``: the session's cohorts)."""
    if not participant.has_current_consent:
        return phrases.CONSENT_MISSING
    if session.is_cancelled:
        return phrases.SESSION_CANCELLED
    if not session.registration_required:
        return phrases.NO_REGISTRATION
    if session.programme.status != ProgrammeStatus.PUBLISHED:
        return phrases.NOT_OPEN
    if session.starts_at <= now:
        return phrases.REGISTRATION_CLOSED
    if enrolment is None:
        return phrases.ENROL_FIRST
    if cohort_ids and enrolment.cohort_id not in cohort_ids:
        return phrases.OTHER_COHORT
    if registered:
        return phrases.ALREADY_REGISTERED
    return None


def _registration_refusal(participant, session, *, now) -> str | None:
    enrolment = Enrolment.objects.filter(
        participant=participant, programme_id=session.programme_id, status=Status.CONFIRMED
    ).first()
    return registration_refusal(
        participant,
        session,
        now=now,
        enrolment=enrolment,
        registered=SessionRegistration.objects.active()
        .filter(participant=participant, session=session)
        .exists(),
        cohort_ids={cohort.pk for cohort in session.cohorts.all()},
    )


def register_for_session(participant: User, session: Session, *, now=None) -> Outcome:
    """Take a seat in a session that needs registration, or a place on its waiting list."""
    now = now or timezone.now()
    refusal = _registration_refusal(participant, session, now=now)
    if refusal is not None:
        return Outcome.refused(refusal)
    try:
        with transaction.atomic():
            status, queued_at = take_place(session)
            registration = SessionRegistration.objects.create(
                participant=participant,
                session=session,
                status=status,
                queued_at=queued_at,
                organisation_kind=participant.organisation_kind,
                country=participant.country,
            )
            send_notice(registration, status)
            position = waiting_position(registration)
    except IntegrityError:
        return Outcome.refused(phrases.ALREADY_REGISTERED)
    if status == Status.WAITING:
        message = phrases.SESSION_WAITING % {"position": position}
        return Outcome(True, str(message), registration, "warning")
    return Outcome(True, str(phrases.REGISTERED % {"session": session.title}), registration)


def cancel_registration(
    registration: SessionRegistration, *, now=None, force: bool = False, notify: bool = True
) -> Outcome:
    """Give up a session seat (until the notice period) or leave its waiting list."""
    return give_up(registration, now=now or timezone.now(), force=force, notify=notify)
