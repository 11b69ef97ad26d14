"""Enrolment in a programme: enrol, approve, reject, cancel."""

from django.db import IntegrityError, transaction
from django.utils import formats, timezone

from participants import phrases
from participants.enums import EnrolmentStatus as Status
from participants.models import Enrolment, User
from programmes.enums import EnrolmentMode, EnrolmentWindow
from programmes.models import Cohort, Programme

from .cancellation import give_up, leave_sessions
from .notify import send_notice
from .outcome import Outcome
from .queues import lock_cohorts, promote_waiting, take_place, waiting_position


def _enrolment_refusal(participant, programme, cohort, *, invited: bool, now) -> str | None:
    if not participant.has_current_consent:
        return phrases.CONSENT_MISSING
    window = programme.enrolment_window(now)
    if window == EnrolmentWindow.NOT_PUBLISHED:
        return phrases.NOT_OPEN
    if programme.enrolment_mode == EnrolmentMode.INVITATION and not invited:
        return phrases.INVITATION_ONLY
    if window == EnrolmentWindow.NOT_YET:
        opens = formats.date_format(timezone.localtime(programme.enrolment_opens_at), "DATE_FORMAT")
        return phrases.NOT_OPEN_YET % {"date": opens}
    if window == EnrolmentWindow.CLOSED:
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
    if refusal is not None:
        return Outcome.refused(refusal)
    needs_approval = programme.enrolment_mode == EnrolmentMode.APPROVAL and not invited
    try:
        with transaction.atomic():
            # Without a cohort named: the programme's only one, found and locked at once.
            chosen = cohort is not None
            if not chosen:
                cohorts = lock_cohorts(programme)
                if len(cohorts) > 1:
                    return Outcome.refused(phrases.CHOOSE_COHORT)
                cohort = cohorts[0] if cohorts else None
            if needs_approval:
                status, queued_at = Status.PENDING, None
            else:
                status, queued_at = take_place(cohort, locked=not chosen)
            enrolment = Enrolment.objects.create(
                participant=participant,
                programme=programme,
                cohort=cohort,
                status=status,
                queued_at=queued_at,
                invited=invited,
                organisation_kind=participant.organisation_kind,
                country=participant.country,
            )
            send_notice(enrolment, status)
            position = waiting_position(enrolment)
    except IntegrityError:
        # The unique constraint on active enrolments: a double click or a replayed POST.
        return Outcome.refused(phrases.ALREADY_ENROLLED)
    if status == Status.WAITING:
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
        enrolment.status, enrolment.queued_at = take_place(enrolment.cohort)
        enrolment.decided_at, enrolment.decided_by = now, by
        enrolment.save(
            update_fields=["status", "queued_at", "decided_at", "decided_by", "updated_at"]
        )
        waiting = enrolment.status == Status.WAITING
        send_notice(enrolment, "waiting" if waiting else "approved")
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
        send_notice(enrolment, "rejected")
        leave_sessions(enrolment, now=now)
        if held_seat and enrolment.cohort_id:
            promote_waiting(enrolment.cohort, now=now)
    return Outcome(True, str(phrases.REJECTED % {"participant": enrolment.participant}), enrolment)


def cancel_enrolment(
    enrolment: Enrolment, *, now=None, force: bool = False, notify: bool = True
) -> Outcome:
    """The participant gives up their place (or leaves the waiting list).

    Confirmed places can be given up until ``cancellation_notice_hours`` before the programme
    starts; the session registrations in the programme go with it, and the freed seats go to
    the waiting lists. ``force`` skips the notice period (account deletion).
    """
    return give_up(enrolment, now=now or timezone.now(), force=force, notify=notify)
