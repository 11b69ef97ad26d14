"""Giving up a place: an enrolment in a programme or a registration for a session."""

import datetime as dt

from django.db import transaction

from participants import phrases
from participants.enums import EnrolmentStatus as Status
from participants.models import Enrolment, SessionRegistration

from .dates import programme_starts_at
from .notify import send_notice
from .outcome import Outcome
from .queues import promote_waiting


def cancellation_deadline(entry: Enrolment | SessionRegistration) -> dt.datetime:
    programme = entry.programme
    if isinstance(entry, Enrolment):
        starts_at = programme_starts_at(programme, entry.cohort)
    else:
        starts_at = entry.session.starts_at
    return starts_at - dt.timedelta(hours=programme.cancellation_notice_hours)


def cancel_refusal(entry, now, *, force: bool) -> str | None:
    if not entry.is_active:
        return phrases.NOT_ACTIVE
    if not force and entry.status == Status.CONFIRMED and now > cancellation_deadline(entry):
        return phrases.TOO_LATE_TO_CANCEL % {"hours": entry.programme.cancellation_notice_hours}
    return None


def give_up(entry: Enrolment | SessionRegistration, *, now, force: bool, notify: bool) -> Outcome:
    """Cancel ``entry`` under its row lock, tell the person, free the seat for the queue.

    A person who leaves a programme leaves its sessions too. ``force`` skips the notice
    period (account deletion); ``notify=False`` sends no mail.
    """
    model = type(entry)
    related = ("programme", "cohort") if model is Enrolment else ("session__programme",)
    with transaction.atomic():
        entry = (
            model.objects.select_for_update(of=("self",)).select_related(*related).get(pk=entry.pk)
        )
        refusal = cancel_refusal(entry, now, force=force)
        if refusal:
            return Outcome.refused(refusal, entry)
        held_seat = entry.status == Status.CONFIRMED
        entry.status = Status.CANCELLED
        entry.save(update_fields=["status", "updated_at"])
        if notify:
            send_notice(entry, "cancelled")
        if model is Enrolment:
            leave_sessions(entry, now=now)
        holder = entry.cohort if model is Enrolment else entry.session
        if held_seat and holder is not None:
            promote_waiting(holder, now=now)
    message = phrases.CANCELLED if held_seat else phrases.WAITING_LEFT
    return Outcome(True, str(message), entry)


def leave_sessions(enrolment: Enrolment, *, now) -> None:
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
