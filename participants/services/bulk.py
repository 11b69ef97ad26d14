"""What coordinators do to many people at once: reject with a reason, move to another cohort,
cancel, write to them.

Each operation takes one entry and returns an ``Outcome``, in the shape of ``enrol``: the
admin's actions call it for every selected row and report the counts. Seats and waiting lists
go through ``queues`` (the row lock on the cohort), emails through the outbox.
"""

import uuid
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lookingup.outbox import queue_mail, wake
from participants.enums import EnrolmentStatus as Status
from participants.models import Enrolment, SessionRegistration, User
from programmes.models import Cohort

from .enrolment import cancel_enrolment, reject
from .outcome import Outcome
from .queues import promote_waiting, take_place
from .registration import cancel_registration

COHORT_OTHER_PROGRAMME = _("%(person)s: the group “%(cohort)s” belongs to another programme.")
SAME_COHORT = _("%(person)s is already in the group “%(cohort)s”.")
NOT_ACTIVE = _("%(person)s: this place is no longer active.")
MOVED = _("%(person)s moved to the group “%(cohort)s”.")
MOVED_WAITING = _("%(person)s moved to the group “%(cohort)s”, which is full: on its waiting list.")
CANCELLED = _("%(person)s: place cancelled; they have been told by email.")


def _person(entry) -> str:
    return str(entry.participant or _("deleted account"))


def reject_with_reason(enrolment: Enrolment, *, reason: str, by: User, now=None) -> Outcome:
    """``reject``, with the reason kept on the enrolment and sent in the rejection email."""
    with transaction.atomic():
        Enrolment.objects.filter(pk=enrolment.pk).update(decision_reason=reason.strip())
        outcome = reject(enrolment, by=by, now=now)
        if not outcome.ok:
            transaction.set_rollback(True)
    return outcome


def move_to_cohort(enrolment: Enrolment, cohort: Cohort, *, by: User, now=None) -> Outcome:
    """Move a place (or a request, or a waiting-list place) to another cohort of the same
    programme: a seat there while it has one, else its waiting list; the seat left behind goes
    to the old cohort's waiting list. The person is told by email."""
    now = now or timezone.now()
    with transaction.atomic():
        enrolment = (
            Enrolment.objects.select_for_update(of=("self",))
            .select_related("participant", "cohort")
            .get(pk=enrolment.pk)
        )
        names = {"person": _person(enrolment), "cohort": cohort.name}
        if cohort.programme_id != enrolment.programme_id:
            return Outcome.refused(COHORT_OTHER_PROGRAMME % names, enrolment)
        if cohort.pk == enrolment.cohort_id:
            return Outcome.refused(SAME_COHORT % names, enrolment)
        if not enrolment.is_active:
            return Outcome.refused(NOT_ACTIVE % names, enrolment)
        old_cohort, held_seat = enrolment.cohort, enrolment.status == Status.CONFIRMED
        if enrolment.status != Status.PENDING:
            enrolment.status, enrolment.queued_at = take_place(cohort)
        enrolment.cohort = cohort
        enrolment.decided_at, enrolment.decided_by = now, by
        enrolment.save(
            update_fields=[
                "cohort",
                "status",
                "queued_at",
                "decided_at",
                "decided_by",
                "updated_at",
            ]
        )
        if enrolment.participant_id:
            queue_mail(
                "enrolment-moved",
                to=enrolment.participant,
                key=f"enrolment:{enrolment.pk}:moved:{uuid.uuid4()}",
                context={"enrolment_id": enrolment.pk},
                programme_id=enrolment.programme_id,
            )
        if held_seat and old_cohort is not None:
            promote_waiting(old_cohort, now=now)
    if enrolment.status == Status.WAITING:
        return Outcome(True, str(MOVED_WAITING % names), enrolment, "warning")
    return Outcome(True, str(MOVED % names), enrolment)


def cancel_by_coordinator(
    entry: Enrolment | SessionRegistration, *, reason: str = "", by: User, now=None
) -> Outcome:
    """Cancel a place (or a request, a waiting-list place) on the coordinators' decision: no
    notice period; the seat goes to the waiting list; the person is told why by email."""
    now = now or timezone.now()
    with transaction.atomic():
        names = {"person": _person(entry)}
        if isinstance(entry, Enrolment):
            Enrolment.objects.filter(pk=entry.pk).update(
                decision_reason=reason.strip(), decided_at=now, decided_by=by
            )
            outcome = cancel_enrolment(entry, now=now, force=True, notify=False)
            context = {"enrolment_id": entry.pk, "reason": reason.strip()}
            programme_id, session_id = entry.programme_id, None
        else:
            outcome = cancel_registration(entry, now=now, force=True, notify=False)
            context = {"registration_id": entry.pk, "reason": reason.strip()}
            programme_id, session_id = entry.session.programme_id, entry.session_id
        if not outcome.ok:
            transaction.set_rollback(True)
            return Outcome.refused(NOT_ACTIVE % names, entry)
        if entry.participant_id:
            queue_mail(
                "coordinator-cancelled",
                to=entry.participant,
                key=f"{entry._meta.model_name}:{entry.pk}:cancelled-by-coordinators",
                context=context,
                programme_id=programme_id,
                session_id=session_id,
            )
    return Outcome(True, str(CANCELLED % names), entry)


@dataclass(frozen=True)
class Message:
    """What a coordinator writes to people: a subject and a body in one or more languages."""

    texts: dict[str, tuple[str, str]]  # language → (subject, body), in the order written
    programme_id: int | None = None

    def for_language(self, language: str) -> tuple[str, tuple[str, str]]:
        if language in self.texts:
            return language, self.texts[language]
        first = next(iter(self.texts))
        return first, self.texts[first]


def message_people(people, message: Message, *, token: str, by: User) -> int:
    """Queue one email for each person, in their language when the message was written in it
    (else in the first language written). ``token`` names this sending: replaying the same
    form sends nothing twice. Returns how many were queued. Delivery is the outbox's, in the
    background."""
    queued = []
    with transaction.atomic():
        for person in people:
            if person is None or not person.is_active:
                continue
            language, (subject, body) = message.for_language(person.preferred_language)
            mail = queue_mail(
                "coordinator-message",
                to=person,
                language=language,
                key=f"message:{token}:{person.pk}",
                context={"subject": subject, "body": body, "sender_id": by.pk},
                programme_id=message.programme_id,
                wake_now=False,
            )
            if mail is not None:
                queued.append(mail.pk)
        # One wake-up for the whole batch: the worker delivers everything due.
        transaction.on_commit(wake, robust=True)
    return len(queued)
