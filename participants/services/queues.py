"""Seats and waiting lists, shared by cohorts (enrolments) and sessions (registrations)."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from lookingup.cache import participation_changed
from participants.enums import EnrolmentStatus as Status
from participants.models import Enrolment, SessionRegistration
from programmes.models import Cohort
from sessions_app.models import Session

from .notify import send_notice


def _holder_queue(holder: Cohort | Session):
    if isinstance(holder, Cohort):
        return Enrolment.objects.filter(cohort=holder)
    return SessionRegistration.objects.filter(session=holder)


def _lock(holder: Cohort | Session) -> Cohort | Session:
    """Lock the capacity holder's row and return it fresh (capacity may have changed)."""
    return type(holder).objects.select_for_update().only("pk", "capacity").get(pk=holder.pk)


def lock_cohorts(programme) -> list[Cohort]:
    """The programme's cohorts, two at most (enough to tell "only one" from "several"),
    locked as ``take_place`` locks the one it fills: finding a programme's only cohort and
    locking it is one query. Call inside a transaction."""
    return list(Cohort.objects.select_for_update().filter(programme=programme).order_by("pk")[:2])


def take_place(holder: Cohort | Session | None, *, locked: bool = False) -> tuple[str, object]:
    """(status, queued_at) for a newcomer: CONFIRMED while seats remain, else WAITING with
    its queue time. Call inside a transaction; ``locked``: the holder comes from
    ``lock_cohorts`` in this transaction, its row lock held and its capacity fresh.

    The queue time is read under the holder's row lock, so the waiting list's order is the
    order in which people got the lock, and the position computed before the transaction ends
    is the one the person keeps (see ``waiting_position``).
    """
    if holder is None:
        return Status.CONFIRMED, None
    if not locked:
        holder = _lock(holder)
    if holder.capacity is not None:
        taken = _holder_queue(holder).filter(status=Status.CONFIRMED).count()
        if taken >= holder.capacity:
            return Status.WAITING, timezone.now()
    return Status.CONFIRMED, None


def waiting_position(entry: Enrolment | SessionRegistration) -> int:
    """1 for the next in line; 0 when the entry is not waiting. Right after ``take_place``,
    call it in the same transaction: the lock still holds the queue still."""
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
                send_notice(entry, "promoted")
        if promoted:
            participation_changed()  # an UPDATE sends no signal
    return promoted
