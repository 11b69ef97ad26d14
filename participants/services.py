"""Enrolment, session registration, waiting lists: the domain operations of participants.

Every operation returns an ``Outcome`` whose message the view shows as it is. A seat is taken
under a row lock on its capacity holder (the cohort for a programme, the session for a
registration), taken as late as possible; the partial unique constraints on active enrolments
and registrations turn a double click into "already enrolled". On SQLite, the settings open
every transaction with BEGIN IMMEDIATE, which serialises writers the same way.
"""

import datetime as dt
import logging
import zoneinfo
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import formats, timezone

from lookingup.emails import queue_email
from programmes.enums import EnrolmentMode, ProgrammeStatus
from programmes.models import Cohort, Programme
from sessions_app.models import Session

from . import phrases
from .enums import EnrolmentStatus
from .models import Enrolment, SessionRegistration, User

logger = logging.getLogger(__name__)

Status = EnrolmentStatus
INVITATION_SALT = "participants.invitation"


@dataclass(frozen=True)
class Outcome:
    ok: bool
    message: str
    obj: Enrolment | SessionRegistration | None = None
    level: str = "success"

    @classmethod
    def refused(cls, message, obj=None) -> "Outcome":
        return cls(ok=False, message=str(message), obj=obj, level="error")


# --- Seats and waiting lists


def _holder_queue(holder: Cohort | Session):
    if isinstance(holder, Cohort):
        return Enrolment.objects.filter(cohort=holder)
    return SessionRegistration.objects.filter(session=holder)


def _lock(holder: Cohort | Session) -> Cohort | Session:
    """Lock the capacity holder's row and return it fresh (capacity may have changed)."""
    return type(holder).objects.select_for_update().only("pk", "capacity").get(pk=holder.pk)


def _seat_status(holder: Cohort | Session | None) -> str:
    """CONFIRMED while seats remain, else WAITING. Call inside a transaction."""
    if holder is None:
        return Status.CONFIRMED
    locked = _lock(holder)
    if locked.capacity is None:
        return Status.CONFIRMED
    taken = _holder_queue(locked).filter(status=Status.CONFIRMED).count()
    return Status.CONFIRMED if taken < locked.capacity else Status.WAITING


def waiting_position(entry: Enrolment | SessionRegistration) -> int:
    """1 for the next in line; 0 when the entry is not waiting."""
    if entry.status != Status.WAITING:
        return 0
    holder = entry.cohort if isinstance(entry, Enrolment) else entry.session
    ahead = _holder_queue(holder).filter(
        Q(queued_at__lt=entry.queued_at) | Q(queued_at=entry.queued_at, pk__lt=entry.pk),
        status=Status.WAITING,
    )
    return ahead.count() + 1


def promote_waiting(holder: Cohort | Session, *, now=None) -> list:
    """Move people from the waiting list into the seats now free, first come first served.

    Each person promoted is told by email after commit. Called after a cancellation, a
    rejection, or a capacity change (see signals.py).
    """
    now = now or timezone.now()
    if isinstance(holder, Session) and (holder.starts_at <= now or holder.is_cancelled):
        return []
    promoted = []
    with transaction.atomic():
        locked = _lock(holder)
        queue = _holder_queue(locked)
        waiting = queue.waiting_in_order()
        if locked.capacity is not None:
            free = locked.capacity - queue.filter(status=Status.CONFIRMED).count()
            if free <= 0:
                return []
            waiting = waiting[:free]
        for entry in list(waiting):
            # A person may be leaving the list at this very moment: only take a row still
            # waiting, in one UPDATE that PostgreSQL re-checks after any row lock.
            updated = (
                type(entry)
                .objects.filter(pk=entry.pk, status=Status.WAITING)
                .update(status=Status.CONFIRMED, updated_at=now)
            )
            if updated:
                entry.status = Status.CONFIRMED
                promoted.append(entry)
                _notify(entry, "promoted")
    return promoted


# --- Enrolment in a programme


def programme_starts_at(programme: Programme, cohort: Cohort | None = None) -> dt.datetime:
    if cohort is not None:
        zone = zoneinfo.ZoneInfo(cohort.time_zone)
    else:
        zone = timezone.get_default_timezone()
    return dt.datetime.combine(programme.start_date, dt.time.min, tzinfo=zone)


def _enrolment_refusal(participant, programme, cohort, *, invited: bool, now) -> str | None:
    if not participant.has_current_consent:
        return phrases.CONSENT_MISSING
    if programme.status != ProgrammeStatus.PUBLISHED:
        return phrases.NOT_OPEN
    if programme.enrolment_mode == EnrolmentMode.INVITATION and not invited:
        return phrases.INVITATION_ONLY
    if programme.enrolment_opens_at and now < programme.enrolment_opens_at:
        opens = formats.date_format(timezone.localtime(programme.enrolment_opens_at), "DATE_FORMAT")
        return phrases.NOT_OPEN_YET % {"date": opens}
    if (
        programme.enrolment_closes_at and now >= programme.enrolment_closes_at
    ) or programme.end_date < timezone.localdate(now):
        return phrases.CLOSED
    if cohort is not None and cohort.programme_id != programme.pk:
        return phrases.COHORT_OTHER_PROGRAMME
    previous = set(
        Enrolment.objects.filter(participant=participant, programme=programme).values_list(
            "status", flat=True
        )
    )
    if previous & set(Status.active()):
        return phrases.ALREADY_ENROLLED
    if Status.REJECTED in previous:
        return phrases.ALREADY_REJECTED
    return None


def _default_cohort(programme: Programme) -> tuple[Cohort | None, str | None]:
    cohorts = list(programme.cohorts.all()[:2])
    if len(cohorts) > 1:
        return None, phrases.CHOOSE_COHORT
    return (cohorts[0] if cohorts else None), None


def enrol(
    participant: User,
    programme: Programme,
    *,
    cohort: Cohort | None = None,
    invited: bool = False,
    now=None,
) -> Outcome:
    """Enrol ``participant`` in ``programme`` (in ``cohort`` when it has several).

    Open programmes (and invitations) confirm while the cohort has seats, then queue on the
    waiting list; approval programmes create a pending request. Emails go after commit.
    """
    now = now or timezone.now()
    refusal = _enrolment_refusal(participant, programme, cohort, invited=invited, now=now)
    if refusal is None and cohort is None:
        cohort, refusal = _default_cohort(programme)
    if refusal is not None:
        return Outcome.refused(refusal)
    needs_approval = programme.enrolment_mode == EnrolmentMode.APPROVAL and not invited
    try:
        with transaction.atomic():
            status = Status.PENDING if needs_approval else _seat_status(cohort)
            enrolment = Enrolment.objects.create(
                participant=participant,
                programme=programme,
                cohort=cohort,
                status=status,
                queued_at=now if status == Status.WAITING else None,
                invited=invited,
                organisation_kind=participant.organisation_kind,
                country=participant.country,
            )
            _notify(enrolment, status)
    except IntegrityError:
        # The unique constraint on active enrolments: a double click or a replayed POST.
        return Outcome.refused(phrases.ALREADY_ENROLLED)
    if status == Status.WAITING:
        position = waiting_position(enrolment)
        return Outcome(True, str(phrases.WAITING % {"position": position}), enrolment, "warning")
    template = phrases.PENDING if status == Status.PENDING else phrases.ENROLLED
    return Outcome(True, str(template % {"programme": programme.title}), enrolment)


def approve(enrolment: Enrolment, *, by: User, now=None) -> Outcome:
    """A coordinator accepts a pending request: a seat if one is free, else the waiting list."""
    now = now or timezone.now()
    with transaction.atomic():
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if enrolment.status != Status.PENDING:
            return Outcome.refused(phrases.NOT_PENDING, enrolment)
        enrolment.status = _seat_status(enrolment.cohort)
        enrolment.queued_at = now if enrolment.status == Status.WAITING else None
        enrolment.decided_at, enrolment.decided_by = now, by
        enrolment.save(
            update_fields=["status", "queued_at", "decided_at", "decided_by", "updated_at"]
        )
        waiting = enrolment.status == Status.WAITING
        _notify(enrolment, "waiting" if waiting else "approved")
    name = {"participant": enrolment.participant}
    if waiting:
        return Outcome(True, str(phrases.APPROVED_WAITING % name), enrolment, "warning")
    return Outcome(True, str(phrases.APPROVED % name), enrolment)


def reject(enrolment: Enrolment, *, by: User, now=None) -> Outcome:
    """A coordinator declines a request (or a place already given, which frees the seat)."""
    now = now or timezone.now()
    with transaction.atomic():
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if not enrolment.is_active:
            return Outcome.refused(phrases.NOT_ACTIVE, enrolment)
        held_seat = enrolment.status == Status.CONFIRMED
        enrolment.status = Status.REJECTED
        enrolment.decided_at, enrolment.decided_by = now, by
        enrolment.save(update_fields=["status", "decided_at", "decided_by", "updated_at"])
        _notify(enrolment, "rejected")
        _cancel_registrations(enrolment, now=now)
        if held_seat and enrolment.cohort_id:
            promote_waiting(enrolment.cohort, now=now)
    return Outcome(True, str(phrases.REJECTED % {"participant": enrolment.participant}), enrolment)


def cancellation_deadline(entry: Enrolment | SessionRegistration) -> dt.datetime:
    programme = entry.programme
    if isinstance(entry, Enrolment):
        starts_at = programme_starts_at(programme, entry.cohort)
    else:
        starts_at = entry.session.starts_at
    return starts_at - dt.timedelta(hours=programme.cancellation_notice_hours)


def _cancel_refusal(entry, now, *, force: bool) -> str | None:
    if not entry.is_active:
        return phrases.NOT_ACTIVE
    if not force and entry.status == Status.CONFIRMED and now > cancellation_deadline(entry):
        return phrases.TOO_LATE_TO_CANCEL % {"hours": entry.programme.cancellation_notice_hours}
    return None


def cancel_enrolment(
    enrolment: Enrolment, *, now=None, force: bool = False, notify: bool = True
) -> Outcome:
    """The participant gives up their place (or leaves the waiting list).

    Confirmed places can be given up until ``cancellation_notice_hours`` before the programme
    starts; the session registrations in the programme go with it, and the freed seats go to
    the waiting lists. ``force`` skips the notice period (account deletion).
    """
    now = now or timezone.now()
    with transaction.atomic():
        enrolment = (
            Enrolment.objects.select_for_update(of=("self",))
            .select_related("programme", "cohort")
            .get(pk=enrolment.pk)
        )
        refusal = _cancel_refusal(enrolment, now, force=force)
        if refusal:
            return Outcome.refused(refusal, enrolment)
        held_seat = enrolment.status == Status.CONFIRMED
        enrolment.status = Status.CANCELLED
        enrolment.save(update_fields=["status", "updated_at"])
        if notify:
            _notify(enrolment, "cancelled")
        _cancel_registrations(enrolment, now=now)
        if held_seat and enrolment.cohort_id:
            promote_waiting(enrolment.cohort, now=now)
    message = phrases.CANCELLED if held_seat else phrases.WAITING_LEFT
    return Outcome(True, str(message), enrolment)


def _cancel_registrations(enrolment: Enrolment, *, now) -> None:
    """A person who leaves a programme leaves its sessions too (quietly: one email is enough)."""
    if enrolment.participant_id is None:
        return
    registrations = SessionRegistration.objects.select_for_update(of=("self",)).filter(
        participant_id=enrolment.participant_id,
        session__programme_id=enrolment.programme_id,
        status__in=Status.active(),
    )
    for registration in registrations.select_related("session"):
        held_seat = registration.status == Status.CONFIRMED
        registration.status = Status.CANCELLED
        registration.save(update_fields=["status", "updated_at"])
        if held_seat:
            promote_waiting(registration.session, now=now)


# --- Registration for one session (residencies, tutoring, study visits)


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
            status = _seat_status(session)
            registration = SessionRegistration.objects.create(
                participant=participant,
                session=session,
                status=status,
                queued_at=now if status == Status.WAITING else None,
                organisation_kind=participant.organisation_kind,
                country=participant.country,
            )
            _notify(registration, status)
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
        refusal = _cancel_refusal(registration, now, force=force)
        if refusal:
            return Outcome.refused(refusal, registration)
        held_seat = registration.status == Status.CONFIRMED
        registration.status = Status.CANCELLED
        registration.save(update_fields=["status", "updated_at"])
        if notify:
            _notify(registration, "cancelled")
        if held_seat:
            promote_waiting(registration.session, now=now)
    message = phrases.CANCELLED if held_seat else phrases.WAITING_LEFT
    return Outcome(True, str(message), registration)


# --- Invitations


def make_invitation(programme: Programme, *, cohort: Cohort | None = None, email: str = "") -> str:
    """A signed token for an invitation link; ``email`` (optional) binds it to one person."""
    payload = {"p": programme.pk, "c": cohort.pk if cohort else None, "e": email.lower()}
    return signing.dumps(payload, salt=INVITATION_SALT, compress=True)


@dataclass(frozen=True)
class Invitation:
    programme: Programme
    cohort: Cohort | None
    email: str


def read_invitation(token: str) -> tuple[Invitation | None, str | None]:
    """The invitation a token carries, or None and the message explaining why not."""
    max_age = dt.timedelta(days=settings.INVITATION_MAX_AGE_DAYS)
    try:
        payload = signing.loads(token, salt=INVITATION_SALT, max_age=max_age)
        programme = Programme.objects.get(pk=payload["p"])
        cohort = programme.cohorts.get(pk=payload["c"]) if payload.get("c") else None
    except signing.SignatureExpired:
        return None, str(phrases.INVITATION_EXPIRED)
    except (
        signing.BadSignature,
        KeyError,
        TypeError,
        ValueError,
        Programme.DoesNotExist,
        Cohort.DoesNotExist,
    ):
        return None, str(phrases.INVITATION_BAD)
    return Invitation(programme, cohort, payload.get("e") or ""), None


def accept_invitation(participant: User, token: str, *, now=None) -> Outcome:
    invitation, error = read_invitation(token)
    if invitation is None:
        return Outcome.refused(error)
    if invitation.email and invitation.email != participant.email.lower():
        return Outcome.refused(phrases.INVITATION_OTHER_EMAIL)
    return enrol(participant, invitation.programme, cohort=invitation.cohort, invited=True, now=now)


# --- What a participant takes part in


def sessions_for(user: User):
    """The sessions ``user`` is confirmed for: through a programme enrolment (the whole
    programme or their cohort) when no registration is needed, or through a registration."""
    confirmed = Enrolment.objects.filter(participant=user, status=Status.CONFIRMED)
    whole_programme = confirmed.filter(programme=OuterRef("programme"))
    own_cohort = confirmed.filter(cohort__sessions=OuterRef("pk"))
    has_cohorts = Session.cohorts.through.objects.filter(session=OuterRef("pk"))
    registered = SessionRegistration.objects.filter(
        participant=user, status=Status.CONFIRMED, session=OuterRef("pk")
    )
    return Session.objects.filter(
        (
            Q(registration_required=False)
            & ((Exists(whole_programme) & ~Exists(has_cohorts)) | Exists(own_cohort))
        )
        | Exists(registered)
    )


def sessions_for_enrolment(enrolment: Enrolment):
    """The sessions a confirmed enrolment brings (registrations are their own)."""
    sessions = Session.objects.filter(
        programme_id=enrolment.programme_id, registration_required=False
    )
    has_cohorts = Session.cohorts.through.objects.filter(session=OuterRef("pk"))
    if enrolment.cohort_id:
        return sessions.filter(Q(cohorts=enrolment.cohort_id) | ~Exists(has_cohorts)).distinct()
    return sessions.filter(~Exists(has_cohorts))


def regenerate_calendar_token(user: User) -> None:
    from .models import new_calendar_token

    user.calendar_token = new_calendar_token()
    user.save(update_fields=["calendar_token"])


# --- Emails


EMAIL_NAMES = {
    Status.CONFIRMED: "confirmed",
    Status.PENDING: "pending",
    Status.WAITING: "waiting",
    "approved": "approved",
    "rejected": "rejected",
    "promoted": "promoted",
    "cancelled": "cancelled",
}


def _notify(entry: Enrolment | SessionRegistration, event: str) -> None:
    """Queue the email for ``event``; it leaves only if the transaction commits."""
    participant = entry.participant
    if participant is None:
        return
    key = "enrolment_id" if isinstance(entry, Enrolment) else "registration_id"
    queue_email(
        f"enrolment-{EMAIL_NAMES[event]}",
        to=participant.email,
        language=participant.preferred_language,
        context_ids={key: entry.pk},
    )
