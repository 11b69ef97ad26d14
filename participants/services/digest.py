"""The coordinators' weekly digest: next week's sessions with their numbers, and how well last
week's were attended. Sent on Mondays by Celery beat (participants.send_weekly_digests)."""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from lookingup.outbox import Letter, queue_many
from participants.enums import AttendanceStatus, EnrolmentStatus
from participants.models import Attendance, Enrolment, SessionRegistration, User
from programmes.models import Programme
from sessions_app.enums import SessionStatus
from sessions_app.models import Session

from .taking_part import participants_by_session

WEEK = dt.timedelta(days=7)


def _sessions(programmes, start, end, *, field: str):
    return (
        Session.objects.filter(programme__in=programmes, **{f"{field}__gte": start})
        .filter(**{f"{field}__lt": end})
        .exclude(status=SessionStatus.CANCELLED)
    )


def queue_weekly_digests(*, now=None) -> int:
    """One digest per coordinator who wants it and has sessions last week or next week."""
    now = now or timezone.now()
    year, week, _day = timezone.localdate(now).isocalendar()
    letters = []
    coordinators = User.objects.filter(
        is_active=True, is_staff=True, weekly_digest=True, coordinated_programmes__isnull=False
    ).distinct()
    for person in coordinators:
        programmes = Programme.objects.filter(coordinators=person)
        busy = (
            _sessions(programmes, now, now + WEEK, field="starts_at").exists()
            or _sessions(programmes, now - WEEK, now, field="ends_at").exists()
        )
        if busy:
            letters.append(
                Letter(
                    kind="coordinator-digest",
                    to=person,
                    key=f"digest:{person.pk}:{year}-W{week:02}",
                    context={"user_id": person.pk, "at": now.isoformat()},
                )
            )
    with transaction.atomic():
        return queue_many(letters)


@dataclass(frozen=True)
class SessionLine:
    session: Session
    confirmed: int
    waiting: int


@dataclass(frozen=True)
class Digest:
    upcoming: list[SessionLine]
    held: int
    expected: int
    attended: int

    @property
    def attendance_rate(self) -> int | None:
        """Per cent of the expected people who attended last week's sessions."""
        return round(100 * self.attended / self.expected) if self.expected else None


def weekly_digest(person: User, *, now) -> Digest:
    """What ``person``'s digest says at ``now``: a constant number of queries."""
    programmes = Programme.objects.filter(coordinators=person)
    upcoming = list(
        _sessions(programmes, now, now + WEEK, field="starts_at")
        .select_related("programme")
        .prefetch_related("cohorts")
        .order_by("starts_at", "pk")
    )
    held = list(_sessions(programmes, now - WEEK, now, field="ends_at"))
    taking_part = participants_by_session([*upcoming, *held])
    waiting_registrations = dict(
        SessionRegistration.objects.filter(
            session__in=[s.pk for s in upcoming], status=EnrolmentStatus.WAITING
        )
        .values("session")
        .annotate(n=Count("pk"))
        .values_list("session", "n")
    )
    waiting_enrolments = {
        (row["programme"], row["cohort"]): row["n"]
        for row in Enrolment.objects.filter(
            programme__in={s.programme_id for s in upcoming}, status=EnrolmentStatus.WAITING
        )
        .values("programme", "cohort")
        .annotate(n=Count("pk"))
    }

    def waiting(session: Session) -> int:
        if session.registration_required:
            return waiting_registrations.get(session.pk, 0)
        cohorts = [cohort.pk for cohort in session.cohorts.all()]
        return sum(
            n
            for (programme_id, cohort_id), n in waiting_enrolments.items()
            if programme_id == session.programme_id and (not cohorts or cohort_id in cohorts)
        )

    attended = Attendance.objects.filter(
        Q(session__in=[s.pk for s in held]), status__in=AttendanceStatus.attended()
    ).count()
    return Digest(
        upcoming=[
            SessionLine(session, len(taking_part[session.pk]), waiting(session))
            for session in upcoming
        ],
        held=len(held),
        expected=sum(len(taking_part[session.pk]) for session in held),
        attended=attended,
    )
