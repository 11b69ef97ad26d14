"""Attendance: the register, per-person summaries and the certificate rule.

Every write goes through ``record_attendance`` (the register, self check-in and meeting-report
imports all call it): refusals first, one transaction under a lock on the session row, rows
written in bulk with their history (django-simple-history), so that the number of queries
does not grow with the number of people.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import Case, Count, IntegerField, Q, Sum, Value, When
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from lookingup.cache import participation_changed
from participants.enums import AttendanceSource, AttendanceStatus
from participants.enums import EnrolmentStatus as Status
from participants.models import Attendance, Enrolment, User
from programmes.models import Programme
from sessions_app.enums import SessionStatus
from sessions_app.models import Session

from .taking_part import participants_of, sessions_count_by_participant, sessions_for

# The register opens this long before the start (the self check-in window too).
OPENS_BEFORE_START = dt.timedelta(minutes=30)

SESSION_CANCELLED = _("This session has been cancelled: there is no attendance to record.")
NOT_STARTED = _("This session has not started yet: attendance can be recorded from %(time)s.")
NOT_TAKING_PART = _("%(count)s of the people given do not take part in this session.")
BAD_MINUTES = _("Minutes attended must be between 0 and the session's length (%(minutes)s).")


def session_minutes(session: Session) -> int:
    """How long the session counts for: its hours for certificates when set, else its length."""
    if session.duration_hours:
        return int(session.duration_hours * 60)
    return int((session.ends_at - session.starts_at).total_seconds() // 60)


def attended_minutes(session: Session, status: str, minutes: int | None) -> int:
    if status not in AttendanceStatus.attended():
        return 0
    return session_minutes(session) if minutes is None else minutes


def register_opens_at(session: Session) -> dt.datetime:
    return session.starts_at - OPENS_BEFORE_START


# --- Recording


@dataclass(frozen=True)
class Mark:
    """What to record for one person."""

    participant_id: int
    status: str
    minutes: int | None = None


@dataclass(frozen=True)
class RecordOutcome:
    ok: bool
    message: str
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    level: str = "success"

    @classmethod
    def refused(cls, message) -> "RecordOutcome":
        return cls(ok=False, message=str(message), level="error")


def _refusal(session: Session, marks: list[Mark], *, now) -> str | None:
    if session.status == SessionStatus.CANCELLED:
        return SESSION_CANCELLED
    attended = [mark for mark in marks if mark.status != AttendanceStatus.EXCUSED]
    if attended and now < register_opens_at(session):
        opens = timezone.localtime(register_opens_at(session), session.zone)
        return NOT_STARTED % {"time": formats.date_format(opens, "DATETIME_FORMAT")}
    length = session_minutes(session)
    for mark in marks:
        if mark.minutes is not None and not 0 <= mark.minutes <= max(length, 0):
            return BAD_MINUTES % {"minutes": length}
    return None


def record_attendance(
    session: Session,
    marks: Iterable[Mark],
    *,
    by: User | None,
    source: str = AttendanceSource.REGISTER,
    now=None,
) -> RecordOutcome:
    """Record ``marks`` for ``session``; people not taking part are refused, all or nothing.

    A mark equal to what is recorded changes nothing (no history row); any other creates or
    updates the person's row, with ``by`` and ``source`` as who and how. A constant number of
    queries for 6 people or 600 (on SQLite, bulk writes go in batches of a few hundred rows).
    """
    now = now or timezone.now()
    marks = {mark.participant_id: mark for mark in marks}
    refusal = _refusal(session, list(marks.values()), now=now)
    if refusal is not None:
        return RecordOutcome.refused(refusal)
    with transaction.atomic():
        # Two coordinators saving the same register queue here, one after the other.
        Session.objects.select_for_update().only("pk").get(pk=session.pk)
        taking_part = set(participants_of(session).values_list("pk", flat=True))
        outsiders = [pk for pk in marks if pk not in taking_part]
        if outsiders:
            return RecordOutcome.refused(NOT_TAKING_PART % {"count": len(outsiders)})
        existing = {
            row.participant_id: row
            for row in Attendance.objects.filter(session=session, participant__in=list(marks))
        }
        enrolments = dict(
            Enrolment.objects.filter(
                programme_id=session.programme_id,
                participant__in=[pk for pk in marks if pk not in existing],
                status=Status.CONFIRMED,
            ).values_list("participant_id", "pk")
        )
        new, changed = [], []
        for participant_id, mark in marks.items():
            row = existing.get(participant_id)
            if row is None:
                new.append(
                    Attendance(
                        session=session,
                        participant_id=participant_id,
                        enrolment_id=enrolments.get(participant_id),
                        status=mark.status,
                        minutes=mark.minutes,
                        source=source,
                        recorded_by=by,
                        recorded_at=now,
                    )
                )
            elif (row.status, row.minutes) != (mark.status, mark.minutes):
                row.status, row.minutes = mark.status, mark.minutes
                row.source, row.recorded_by, row.recorded_at = source, by, now
                changed.append(row)
        if new or changed:
            participation_changed()  # bulk writes send no signals
        if new:
            bulk_create_with_history(new, Attendance, default_user=by, default_date=now)
        if changed:
            bulk_update_with_history(
                changed,
                Attendance,
                ["status", "minutes", "source", "recorded_by", "recorded_at"],
                default_user=by,
                default_date=now,
            )
    unchanged = len(marks) - len(new) - len(changed)
    return RecordOutcome(
        ok=True,
        message=_saved_message(len(new) + len(changed), unchanged),
        created=len(new),
        changed=len(changed),
        unchanged=unchanged,
    )


def _saved_message(saved: int, unchanged: int) -> str:
    message = ngettext(
        "Attendance saved for %(count)d person.", "Attendance saved for %(count)d people.", saved
    ) % {"count": saved}
    if unchanged:
        message += " " + ngettext(
            "%(count)d was already recorded as given.",
            "%(count)d were already recorded as given.",
            unchanged,
        ) % {"count": unchanged}
    return message


# --- Summaries and the certificate rule


@dataclass(frozen=True)
class AttendanceSummary:
    """One person's attendance in one programme, over its sessions already ended and not
    cancelled."""

    participant_id: int
    programme_id: int
    sessions_total: int  # sessions the person takes part in
    sessions_attended: int  # present or late
    minutes_attended: int  # partial attendance counts its minutes, the rest the whole session
    attended_sessions: tuple[tuple[int, int], ...] = field(default=())  # (session id, minutes)

    @property
    def hours_attended(self) -> Decimal:
        return (Decimal(self.minutes_attended) / 60).quantize(Decimal("0.1"), ROUND_HALF_UP)

    @property
    def share_attended(self) -> Decimal:
        """Sessions attended over sessions taken part in, between 0 and 1."""
        if not self.sessions_total:
            return Decimal(0)
        return min(Decimal(1), Decimal(self.sessions_attended) / Decimal(self.sessions_total))


def counted_sessions(programme: Programme, *, now=None):
    """The sessions attendance summaries count: ended, not cancelled."""
    return Session.objects.filter(programme=programme, ends_at__lte=now or timezone.now()).exclude(
        status=SessionStatus.CANCELLED
    )


def minutes_expression(sessions: Iterable[Session]):
    """SQL for the minutes an attendance row counts, given the sessions it may belong to."""
    whole = Case(
        *(When(session_id=s.pk, then=Value(session_minutes(s))) for s in sessions),
        default=Value(0),
        output_field=IntegerField(),
    )
    return Case(
        When(~Q(status__in=AttendanceStatus.attended()), then=Value(0)),
        When(minutes__isnull=True, then=whole),
        default="minutes",
        output_field=IntegerField(),
    )


def attendance_summaries(
    programme: Programme, *, participant_ids=None, with_sessions: bool = True, now=None
) -> dict[int, AttendanceSummary]:
    """participant id → ``AttendanceSummary``, for the people confirmed in ``programme`` or
    with attendance recorded in it (``participant_ids`` narrows to some).

    Aggregate queries, a constant number of them whatever the number of people:
    ``with_sessions=False`` leaves out ``attended_sessions`` and the one query that fetches a
    row per session attended (reports over thousands of people do not need it).
    """
    sessions = list(
        counted_sessions(programme, now=now).only(
            "pk", "programme_id", "registration_required", "starts_at", "ends_at", "duration_hours"
        )
    )
    totals = sessions_count_by_participant(sessions, participant_ids=participant_ids)
    rows = Attendance.objects.filter(session__in=sessions, participant__isnull=False)
    if participant_ids is not None:
        rows = rows.filter(participant__in=participant_ids)
    aggregated = (
        rows.order_by()
        .values("participant_id")
        .annotate(
            attended=Count("pk", filter=Q(status__in=AttendanceStatus.attended())),
            minutes=Sum(minutes_expression(sessions)),
        )
    )
    attended: dict[int, tuple[int, int]] = {
        row["participant_id"]: (row["attended"], row["minutes"] or 0) for row in aggregated
    }
    per_session: dict[int, list[tuple[int, int]]] = {}
    if with_sessions:
        by_id = {s.pk: s for s in sessions}
        for participant_id, session_id, status, minutes in (
            rows.filter(status__in=AttendanceStatus.attended())
            .order_by("session__starts_at", "session_id")
            .values_list("participant_id", "session_id", "status", "minutes")
        ):
            counted = attended_minutes(by_id[session_id], status, minutes)
            per_session.setdefault(participant_id, []).append((session_id, counted))
    return {
        participant_id: AttendanceSummary(
            participant_id=participant_id,
            programme_id=programme.pk,
            sessions_total=totals.get(participant_id, 0),
            sessions_attended=attended.get(participant_id, (0, 0))[0],
            minutes_attended=attended.get(participant_id, (0, 0))[1],
            attended_sessions=tuple(per_session.get(participant_id, ())),
        )
        for participant_id in sorted(set(totals) | set(attended))
    }


def has_certificate_rule(programme: Programme) -> bool:
    rules = (programme.certificate_min_share, programme.certificate_min_hours)
    return any(rule is not None for rule in rules)


def is_eligible(summary: AttendanceSummary, programme: Programme) -> bool:
    """The programme's certificate rule, its one owner: a minimum share of sessions attended
    and/or a minimum number of hours (both when both are set). No rule, no certificate."""
    if not has_certificate_rule(programme):
        return False
    if (
        programme.certificate_min_share is not None
        and summary.share_attended < programme.certificate_min_share
    ):
        return False
    # Minutes, not rounded hours: 29.96 hours do not make 30.
    return not (
        programme.certificate_min_hours is not None
        and Decimal(summary.minutes_attended) < programme.certificate_min_hours * 60
    )


@dataclass(frozen=True)
class Progress:
    """What My space shows for one programme: attendance so far and the certificate rule."""

    programme: Programme
    summary: AttendanceSummary
    has_rule: bool
    eligible: bool


def progress_of(user: User, *, now=None) -> list[Progress]:
    """The person's attendance in each programme they are confirmed in: three queries however
    many programmes (``attendance_summaries`` seen from one person; tests check they agree)."""
    now = now or timezone.now()
    programmes = [
        enrolment.programme
        for enrolment in Enrolment.objects.filter(participant=user, status=Status.CONFIRMED)
        .select_related("programme")
        .order_by("-programme__start_date", "programme_id")
    ]
    ended = Q(ends_at__lte=now) & ~Q(status=SessionStatus.CANCELLED)
    totals: dict[int, int] = {}
    for session in sessions_for(user).filter(ended).only("programme_id"):
        totals[session.programme_id] = totals.get(session.programme_id, 0) + 1
    attended: dict[int, list[tuple[int, int]]] = {}
    rows = Attendance.objects.filter(
        participant=user,
        session__ends_at__lte=now,
        status__in=AttendanceStatus.attended(),
    ).exclude(session__status=SessionStatus.CANCELLED)
    for row in rows.select_related("session").order_by("session__starts_at", "session_id"):
        minutes = attended_minutes(row.session, row.status, row.minutes)
        attended.setdefault(row.session.programme_id, []).append((row.session_id, minutes))
    progress = []
    for programme in programmes:
        sessions = attended.get(programme.pk, [])
        summary = AttendanceSummary(
            participant_id=user.pk,
            programme_id=programme.pk,
            sessions_total=totals.get(programme.pk, 0),
            sessions_attended=len(sessions),
            minutes_attended=sum(minutes for _session, minutes in sessions),
            attended_sessions=tuple(sessions),
        )
        progress.append(
            Progress(
                programme, summary, has_certificate_rule(programme), is_eligible(summary, programme)
            )
        )
    return progress
