"""The funder report: what a programme delivered and who took part, for one programme and
each of its cohorts, with aggregate queries only (the same number for 20 people or 2,160).

Counts are per enrolment, not per account: the rows funders count stay after a person deletes
their account (detached from them, with cohort, country and organisation type), and so do
their attendance rows (kept on the enrolment). Eligibility is asked of ``is_eligible``, the
certificate rule's one owner, with one ``AttendanceSummary`` per enrolment.

Definitions (shown on the report):
- enrolled: everyone who enrolled and was not turned down (requests, waiting lists and
  cancellations included); confirmed: holding a place now;
- attended: present or late at least once in a session held (not cancelled, already ended);
- hours delivered: the hours counted for certificates of the sessions held (their length when
  none are set); per cohort, the sessions that cohort took part in;
- hours attended: partial attendance counts its minutes, present or late the whole session.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.core.cache import cache
from django.db.models import Count, F, IntegerField, Min, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone, translation

from lookingup.cache import content_version, participation_version
from participants.enums import AttendanceStatus
from participants.enums import EnrolmentStatus as Status
from participants.models import Attendance, Enrolment, SessionRegistration
from programmes.models import Cohort, Programme
from sessions_app.enums import SessionStatus
from sessions_app.models import Session

from .attendance import (
    AttendanceSummary,
    counted_sessions,
    is_eligible,
    minutes_expression,
    session_minutes,
)

NO_COHORT = 0  # the key of enrolments without a cohort


def _hours(minutes: int) -> Decimal:
    return (Decimal(minutes) / 60).quantize(Decimal("0.1"), ROUND_HALF_UP)


@dataclass
class Counts:
    enrolled: int = 0
    confirmed: int = 0
    attended: int = 0
    eligible: int = 0
    minutes_attended: int = 0

    @property
    def hours_attended(self) -> Decimal:
        return _hours(self.minutes_attended)


@dataclass
class SessionLine:
    session: Session
    expected: int  # people taking part (confirmed, or registered)
    attended: int
    minutes: int

    @property
    def hours(self) -> Decimal:
        return _hours(self.minutes)

    @property
    def rate(self) -> Decimal | None:
        if not self.expected:
            return None
        return (Decimal(self.attended) / Decimal(self.expected)).quantize(Decimal("0.01"))


@dataclass
class FunderReport:
    programme: Programme
    cohort: Cohort | None
    generated_at: object
    totals: Counts
    minutes_delivered: int
    by_cohort: list[tuple[str, Counts]] = field(default_factory=list)
    by_country: list[tuple[str, Counts]] = field(default_factory=list)
    by_organisation_kind: list[tuple[str, Counts]] = field(default_factory=list)
    by_role: list[tuple[str, Counts]] = field(default_factory=list)
    sessions: list[SessionLine] = field(default_factory=list)
    # For a cached report: its key, and when it stops being current (lookingup/cache.py).
    cache_key: str = ""
    fresh_until: dt.datetime | None = None

    @property
    def hours_delivered(self) -> Decimal:
        return _hours(self.minutes_delivered)

    @property
    def breakdowns(self) -> list[tuple[str, str, list[tuple[str, Counts]]]]:
        """(title, first column, rows) of each breakdown, for the page and the PDF."""
        from django.utils.translation import gettext as _

        return [
            (_("By group"), _("Group"), self.by_cohort),
            (_("By country"), _("Country"), self.by_country),
            (_("By organisation type"), _("Organisation type"), self.by_organisation_kind),
            (_("By role"), _("Role"), self.by_role),
        ]


# A cached report is kept at most this long, even when nothing changes.
CACHE_TIMEOUT = dt.timedelta(hours=12)


def cached_funder_report(programme: Programme, *, cohort: Cohort | None = None) -> FunderReport:
    """``funder_report``, computed again only when something it counts has changed.

    Its key holds the versions of the public content (programmes, cohorts, sessions) and of
    participation (enrolments, registrations, attendance, people's roles), so any such change
    makes the next view compute it again (lookingup/cache.py); it is also kept only until the
    next of the programme's sessions ends, when that session starts to count.
    """
    key = ":".join(
        [
            "funder-report",
            str(programme.pk),
            str(cohort.pk if cohort else ""),
            translation.get_language() or "",
            timezone.get_current_timezone_name(),
            content_version(),
            participation_version(),
        ]
    )
    now = timezone.now()
    entry = cache.get(key)
    if entry is not None and now < entry[0]:
        return entry[1]
    report = funder_report(programme, cohort=cohort, now=now)
    next_end = (
        Session.objects.filter(programme=programme, ends_at__gt=now)
        .exclude(status=SessionStatus.CANCELLED)
        .aggregate(first=Min("ends_at"))["first"]
    )
    valid_until = min(next_end or now + CACHE_TIMEOUT, now + CACHE_TIMEOUT)
    report.cache_key, report.fresh_until = key, valid_until
    cache.set(key, (valid_until, report), int((valid_until - now).total_seconds()) + 1)
    return report


def funder_report(programme: Programme, *, cohort: Cohort | None = None, now=None) -> FunderReport:
    """The report for ``programme``, or for one of its cohorts. Ten queries or so, whatever
    the number of people."""
    from django_countries import countries

    from participants.enums import ParticipantRole
    from programmes.enums import OrganisationKind

    now = now or timezone.now()
    sessions = list(
        counted_sessions(programme, now=now)
        .select_related("track")
        .prefetch_related("cohorts")
        .order_by("starts_at", "pk")
    )
    cohorts_of = {s.pk: {c.pk for c in s.cohorts.all()} for s in sessions}
    if cohort is not None:
        sessions = [s for s in sessions if not cohorts_of[s.pk] or cohort.pk in cohorts_of[s.pk]]

    enrolments = Enrolment.objects.filter(programme=programme).exclude(status=Status.REJECTED)
    if cohort is not None:
        enrolments = enrolments.filter(cohort=cohort)
    rows = list(
        enrolments.order_by()
        .values("pk", "participant_id", "cohort_id", "status", "country", "organisation_kind")
        .annotate(role=Coalesce(F("participant__role"), Value("")))
    )
    # One row per person: a person who cancelled and enrolled again counts once.
    people: dict[object, dict] = {}
    for row in rows:
        key = row["participant_id"] or f"enrolment-{row['pk']}"
        if key not in people or row["status"] == Status.CONFIRMED:
            people[key] = row

    # Attendance per enrolment (anonymous rows keep theirs), in one aggregate query.
    attendance = (
        Attendance.objects.filter(session__in=sessions, enrolment__in=enrolments.values("pk"))
        .order_by()
        .values("enrolment_id")
        .annotate(
            attended=Count("pk", filter=Q(status__in=AttendanceStatus.attended())),
            minutes=Sum(minutes_expression(sessions)),
        )
    )
    attended_by = {
        row["enrolment_id"]: (row["attended"], row["minutes"] or 0) for row in attendance
    }

    # Sessions each confirmed person takes part in: whole-programme and own-cohort sessions,
    # plus registrations (the counting form of participants_of).
    open_sessions = [s for s in sessions if not s.registration_required]
    whole = sum(1 for s in open_sessions if not cohorts_of[s.pk])
    per_cohort: dict[int, int] = defaultdict(int)
    for session in open_sessions:
        for cohort_id in cohorts_of[session.pk]:
            per_cohort[cohort_id] += 1
    registrations = dict(
        SessionRegistration.objects.filter(
            session__in=[s for s in sessions if s.registration_required],
            status=Status.CONFIRMED,
            participant__isnull=False,
        )
        .order_by()
        .values("participant_id")
        .annotate(n=Count("pk"))
        .values_list("participant_id", "n")
    )

    eligible_cache: dict[tuple[int, int, int], bool] = {}

    def eligible(total: int, attended: int, minutes: int) -> bool:
        # People share few (sessions, attended, minutes) combinations: ask the rule once each.
        key = (total, attended, minutes)
        if key not in eligible_cache:
            summary = AttendanceSummary(None, programme.pk, total, attended, minutes)
            eligible_cache[key] = is_eligible(summary, programme)
        return eligible_cache[key]

    # Sums per group, as lists [enrolled, confirmed, attended, eligible, minutes], keyed by
    # the raw values; the groups are named once at the end (a label per person would cost
    # more than the rest of the report).
    dimensions = ("cohort_id", "country", "organisation_kind", "role")
    sums: dict[tuple, list[int]] = {}
    for person in people.values():
        attended, minutes = attended_by.get(person["pk"], (0, 0))
        row = [1, 0, int(attended > 0), 0, minutes]
        if person["status"] == Status.CONFIRMED:
            total = whole + per_cohort.get(person["cohort_id"], 0)
            total += registrations.get(person["participant_id"], 0)
            row[1], row[3] = 1, int(eligible(total, attended, minutes))
        for key in (("total", ""), *((name, person[name] or "") for name in dimensions)):
            into = sums.get(key)
            if into is None:
                sums[key] = list(row)
            else:
                for index, value in enumerate(row):
                    into[index] += value
    groups: dict[str, dict] = {name: {} for name in dimensions}
    for (name, value), numbers in sums.items():
        if name != "total":
            groups[name][value] = Counts(*numbers)
    totals = Counts(*sums.get(("total", ""), [0, 0, 0, 0, 0]))
    cohort_names = {c.pk: str(c.name) for c in programme.cohorts.all()}
    kinds = {value: str(label) for value, label in OrganisationKind.choices}
    roles = {value: str(label) for value, label in ParticipantRole.choices}

    def named(by_value: dict, name) -> list[tuple[str, Counts]]:
        rows = [(name(value) if value else "–", counts) for value, counts in by_value.items()]
        return sorted(rows, key=lambda row: row[0])

    # Hours delivered: the sessions held (for one cohort: those it took part in).
    minutes_delivered = sum(session_minutes(s) for s in sessions)

    return FunderReport(
        programme=programme,
        cohort=cohort,
        generated_at=now,
        totals=totals,
        minutes_delivered=minutes_delivered,
        by_cohort=named(groups["cohort_id"], lambda pk: cohort_names.get(pk, "–")),
        by_country=named(groups["country"], lambda code: str(countries.name(code))),
        by_organisation_kind=named(groups["organisation_kind"], lambda v: kinds.get(v, v)),
        by_role=named(groups["role"], lambda v: roles.get(v, v)),
        sessions=_session_lines(sessions, cohorts_of, enrolments, cohort),
    )


def _session_lines(sessions, cohorts_of, enrolments, cohort) -> list[SessionLine]:
    """Each session held: people expected, attending, and its attendance rate."""
    confirmed = dict(
        enrolments.filter(status=Status.CONFIRMED)
        .order_by()
        .values("cohort_id")
        .annotate(n=Count("pk"))
        .values_list("cohort_id", "n")
    )
    everyone = sum(confirmed.values())
    registered = dict(
        SessionRegistration.objects.filter(
            session__in=[s for s in sessions if s.registration_required], status=Status.CONFIRMED
        )
        .order_by()
        .values("session_id")
        .annotate(n=Count("pk"))
        .values_list("session_id", "n")
    )
    attendance = Attendance.objects.filter(session__in=sessions)
    if cohort is not None:
        attendance = attendance.filter(enrolment__cohort=cohort)
    attended = {
        row["session_id"]: row
        for row in attendance.order_by()
        .values("session_id")
        .annotate(
            n=Count("pk", filter=Q(status__in=AttendanceStatus.attended())),
            minutes=Sum(minutes_expression(sessions), output_field=IntegerField()),
        )
    }
    lines = []
    for session in sessions:
        if session.registration_required:
            expected = registered.get(session.pk, 0)
        elif cohorts_of[session.pk]:
            expected = sum(confirmed.get(c, 0) for c in cohorts_of[session.pk])
        else:
            expected = everyone
        row = attended.get(session.pk, {"n": 0, "minutes": 0})
        lines.append(SessionLine(session, expected, row["n"], row["minutes"] or 0))
    return lines
