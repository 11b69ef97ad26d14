"""Places left in sessions and cohorts, for pages to show before anyone clicks.

Read-only and approximate by nature (a seat may go between the page and the click); the seat
itself is only ever taken under the row lock of ``queues.seat_status``. Counts the same rows
that rule counts: confirmed places against the capacity, and the waiting list in front.
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from participants.enums import EnrolmentStatus as Status
from programmes.models import Cohort
from sessions_app.models import Session


@dataclass(frozen=True)
class Places:
    capacity: int
    confirmed: int
    waiting: int

    @property
    def left(self) -> int:
        return max(self.capacity - self.confirmed, 0)

    @property
    def full(self) -> bool:
        return self.left == 0


def _places(queryset, related: str) -> dict[int, Places]:
    rows = (
        queryset.filter(capacity__isnull=False)
        .order_by()
        .values("pk", "capacity")
        .annotate(
            confirmed=Count(related, filter=Q(**{f"{related}__status": Status.CONFIRMED})),
            waiting=Count(related, filter=Q(**{f"{related}__status": Status.WAITING})),
        )
    )
    return {row["pk"]: Places(row["capacity"], row["confirmed"], row["waiting"]) for row in rows}


def session_places(session_ids) -> dict[int, Places]:
    """Session id → its places, for those of ``session_ids`` with a capacity. One query."""
    return _places(Session.objects.filter(pk__in=list(session_ids)), "registrations")


def cohort_places(cohort_ids) -> dict[int, Places]:
    """Cohort id → its places, for those of ``cohort_ids`` with a capacity. One query."""
    return _places(Cohort.objects.filter(pk__in=list(cohort_ids)), "enrolments")
