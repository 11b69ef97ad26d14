"""Telling coordinators that a request awaits their approval: one email per request, or one
daily digest for those who chose it. A programme without coordinators goes to the superusers,
so that no request waits unseen."""

from django.db.models import Q
from django.utils import timezone

from lookingup.outbox import queue_mail
from participants.enums import EnrolmentStatus as Status
from participants.models import Enrolment, User


def approvers(programme) -> list[User]:
    """Who decides on ``programme``'s requests: its active coordinators, else the
    superusers."""
    coordinators = list(programme.coordinators.filter(is_active=True, is_staff=True))
    if coordinators:
        return coordinators
    return list(User.objects.filter(is_active=True, is_superuser=True))


def notify_request(enrolment: Enrolment) -> int:
    """Queue the approval request to each approver who does not take the daily digest (in
    the current transaction). Returns how many were queued."""
    queued = 0
    for person in approvers(enrolment.programme):
        if person.approval_digest:
            continue
        mail = queue_mail(
            "approval-request",
            to=person,
            key=f"approval-request:{enrolment.pk}:{person.pk}",
            context={"enrolment_id": enrolment.pk},
            programme_id=enrolment.programme_id,
        )
        queued += mail is not None
    return queued


def pending_for(user: User):
    """The requests awaiting ``user``'s decision: in the programmes they coordinate, and for a
    superuser also those of programmes that have no coordinator."""
    condition = Q(programme__coordinators=user)
    if user.is_superuser:
        condition |= Q(programme__coordinators__isnull=True)
    return (
        Enrolment.objects.filter(condition, status=Status.PENDING)
        .distinct()
        .order_by("programme_id", "created_at", "pk")
    )


def send_approval_digests(*, now=None) -> int:
    """Queue today's digest to every coordinator who chose it and has requests waiting. Run
    daily by beat; running it twice the same day queues nothing new."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    queued = 0
    for person in User.objects.filter(approval_digest=True, is_active=True, is_staff=True):
        if not pending_for(person).exists():
            continue
        mail = queue_mail(
            "approval-digest",
            to=person,
            key=f"approval-digest:{person.pk}:{today.isoformat()}",
            context={"user_id": person.pk},
        )
        queued += mail is not None
    return queued
