"""Attendance: recording with history, per-person summaries, the certificate rule."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from participants import services
from participants.enums import AttendanceSource
from participants.enums import AttendanceStatus as A
from participants.models import Attendance
from participants.privacy import delete_account
from participants.services import AttendanceSummary, Mark
from tests.factories import (
    AttendanceFactory,
    CohortFactory,
    EnrolmentFactory,
    ParticipantFactory,
    ProgrammeFactory,
    SessionFactory,
    SessionRegistrationFactory,
)

pytestmark = pytest.mark.django_db


def past(days: int, hours: int = 3, **kwargs):
    starts = (timezone.now() - dt.timedelta(days=days)).replace(microsecond=0)
    return {"starts_at": starts, "ends_at": starts + dt.timedelta(hours=hours), **kwargs}


@pytest.fixture
def looking_up(coordinator):
    """LOOKING UP: certificate at 3 sessions out of 4 and 6 hours."""
    programme = ProgrammeFactory(
        title="LOOKING UP",
        certificate_min_share=Decimal("0.75"),
        certificate_min_hours=Decimal("6"),
    )
    programme.coordinators.add(coordinator)
    return programme


@pytest.fixture
def online_sessions(looking_up):
    """Four online sessions already held (2 h counted each), one cancelled, one to come."""
    held = [
        SessionFactory(programme=looking_up, duration_hours=Decimal("2"), **past(days))
        for days in (40, 30, 20, 10)
    ]
    SessionFactory(programme=looking_up, status="cancelled", **past(5))
    SessionFactory(programme=looking_up)  # in two weeks
    return held


def mark_all(session, people, status=A.PRESENT, *, by=None, minutes=None):
    outcome = services.record_attendance(
        session, [Mark(p.pk, status, minutes) for p in people], by=by
    )
    assert outcome.ok, outcome.message
    return outcome


# --- recording


def test_record_attendance_creates_rows_with_who_and_how(coordinator, looking_up, online_sessions):
    alice = EnrolmentFactory(programme=looking_up).participant
    session = online_sessions[0]

    outcome = mark_all(session, [alice], by=coordinator)

    row = Attendance.objects.get()
    assert (row.participant, row.session, row.status, row.minutes) == (
        alice,
        session,
        "present",
        None,
    )
    assert (row.source, row.recorded_by) == (AttendanceSource.REGISTER, coordinator)
    assert row.enrolment.participant == alice
    assert outcome.message == "Attendance saved for 1 person."


def test_record_attendance_keeps_history_of_each_change(coordinator, looking_up, online_sessions):
    alice = EnrolmentFactory(programme=looking_up).participant
    session = online_sessions[0]
    mark_all(session, [alice], by=coordinator)

    outcome = mark_all(session, [alice], A.LATE, by=coordinator, minutes=90)
    mark_all(session, [alice], A.LATE, by=coordinator, minutes=90)  # same again: no change

    row = Attendance.objects.get()
    history = list(row.history.order_by("history_date", "history_id"))
    assert [(h.status, h.minutes, h.history_type) for h in history] == [
        ("present", None, "+"),
        ("late", 90, "~"),
    ]
    assert {h.history_user for h in history} == {coordinator}
    assert outcome.changed == 1


def test_record_attendance_refuses_people_not_taking_part(coordinator, looking_up, online_sessions):
    alice = EnrolmentFactory(programme=looking_up).participant
    stranger = ParticipantFactory()

    outcome = services.record_attendance(
        online_sessions[0], [Mark(alice.pk, A.PRESENT), Mark(stranger.pk, A.PRESENT)], by=None
    )

    assert not outcome.ok
    assert outcome.message == "1 of the people given do not take part in this session."
    assert not Attendance.objects.exists()


def test_record_attendance_refuses_a_session_not_started(coordinator, looking_up):
    alice = EnrolmentFactory(programme=looking_up).participant
    upcoming = SessionFactory(programme=looking_up)

    outcome = services.record_attendance(upcoming, [Mark(alice.pk, A.PRESENT)], by=coordinator)
    excused = services.record_attendance(upcoming, [Mark(alice.pk, A.EXCUSED)], by=coordinator)

    assert not outcome.ok
    assert outcome.message.startswith("This session has not started yet")
    assert excused.ok


def test_record_attendance_refuses_minutes_longer_than_the_session(looking_up, online_sessions):
    alice = EnrolmentFactory(programme=looking_up).participant

    outcome = services.record_attendance(
        online_sessions[0], [Mark(alice.pk, A.PRESENT, 500)], by=None
    )

    assert not outcome.ok
    assert "(120)" in outcome.message


def _queries_to_record(session, people) -> int:
    marks = [Mark(p.pk, A.PRESENT) for p in people]
    with CaptureQueriesContext(connection) as first:
        services.record_attendance(session, marks, by=None)
    marks = [Mark(p.pk, A.LATE, 30) for p in people]
    with CaptureQueriesContext(connection) as second:
        services.record_attendance(session, marks, by=None)
    return len(first) + len(second)


@pytest.mark.parametrize("many", [60])
def test_record_attendance_queries_do_not_grow_with_people(looking_up, online_sessions, many):
    small = [EnrolmentFactory(programme=looking_up).participant for _ in range(3)]
    big_programme = ProgrammeFactory()
    big = [EnrolmentFactory(programme=big_programme).participant for _ in range(many)]
    big_session = SessionFactory(programme=big_programme, **past(3))

    assert _queries_to_record(online_sessions[0], small) == _queries_to_record(big_session, big)


@pytest.mark.postgres
def test_record_attendance_queries_same_for_60_and_600_on_postgresql(looking_up):
    counts = []
    for size in (60, 600):
        programme = ProgrammeFactory()
        people = [EnrolmentFactory(programme=programme).participant for _ in range(size)]
        counts.append(_queries_to_record(SessionFactory(programme=programme, **past(3)), people))

    assert counts[0] == counts[1]


# --- summaries


def test_summaries_count_sessions_minutes_and_share(looking_up, online_sessions):
    alice = EnrolmentFactory(programme=looking_up).participant
    s1, s2, s3, s4 = online_sessions
    AttendanceFactory(session=s1, participant=alice, status=A.PRESENT)  # 120
    AttendanceFactory(session=s2, participant=alice, status=A.LATE, minutes=75)
    AttendanceFactory(session=s3, participant=alice, status=A.PRESENT, minutes=30)
    AttendanceFactory(session=s4, participant=alice, status=A.EXCUSED)

    summary = services.attendance_summaries(looking_up)[alice.pk]

    assert summary == AttendanceSummary(
        participant_id=alice.pk,
        programme_id=looking_up.pk,
        sessions_total=4,
        sessions_attended=3,
        minutes_attended=225,
        attended_sessions=((s1.pk, 120), (s2.pk, 75), (s3.pk, 30)),
    )
    assert summary.hours_attended == Decimal("3.8")
    assert summary.share_attended == Decimal("0.75")


def test_summaries_count_ends_minus_start_when_no_hours_are_set(looking_up):
    alice = EnrolmentFactory(programme=looking_up).participant
    visit = SessionFactory(programme=looking_up, duration_hours=0, **past(3, hours=5))
    AttendanceFactory(session=visit, participant=alice)

    assert services.attendance_summaries(looking_up)[alice.pk].minutes_attended == 300


def test_summaries_follow_each_way_of_taking_part(looking_up):
    nord, sud = CohortFactory(programme=looking_up), CohortFactory(programme=looking_up)
    SessionFactory(programme=looking_up, cohorts=[nord], **past(9))
    SessionFactory(programme=looking_up, **past(8))
    tutoring = SessionFactory(programme=looking_up, registration_required=True, **past(7))
    in_nord = EnrolmentFactory(programme=looking_up, cohort=nord).participant
    in_sud = EnrolmentFactory(programme=looking_up, cohort=sud).participant
    SessionRegistrationFactory(session=tutoring, participant=in_sud)

    summaries = services.attendance_summaries(looking_up)

    assert summaries[in_nord.pk].sessions_total == 2
    assert summaries[in_sud.pk].sessions_total == 2


def test_summaries_queries_are_constant(looking_up, online_sessions, django_assert_num_queries):
    people = [EnrolmentFactory(programme=looking_up).participant for _ in range(2)]
    with CaptureQueriesContext(connection) as few:
        services.attendance_summaries(looking_up)
    for session in online_sessions:
        for person in [
            *people,
            *(EnrolmentFactory(programme=looking_up).participant for _ in range(5)),
        ]:
            AttendanceFactory(session=session, participant=person, status=A.LATE, minutes=40)

    with django_assert_num_queries(len(few)):
        summaries = services.attendance_summaries(looking_up)

    assert len(summaries) == 2 + 4 * 5
    assert summaries[people[0].pk].minutes_attended == 160


def test_summaries_narrow_to_the_people_asked(looking_up, online_sessions):
    alice, bob = (EnrolmentFactory(programme=looking_up).participant for _ in range(2))

    summaries = services.attendance_summaries(looking_up, participant_ids=[bob.pk])

    assert list(summaries) == [bob.pk]


def test_summaries_leave_out_deleted_accounts(looking_up, online_sessions):
    enrolment = EnrolmentFactory(programme=looking_up)
    AttendanceFactory(
        session=online_sessions[0], participant=enrolment.participant, enrolment=enrolment
    )

    delete_account(enrolment.participant)

    assert services.attendance_summaries(looking_up) == {}
    row = Attendance.objects.get()
    assert (row.participant, row.enrolment, row.status) == (None, enrolment, "present")


# --- the certificate rule


def summary(attended=3, total=4, minutes=360):
    return AttendanceSummary(1, 1, total, attended, minutes)


@pytest.mark.parametrize(
    ("share", "hours", "result", "expected"),
    [
        (None, None, summary(), False),  # no rule, no certificate
        (Decimal("0.75"), None, summary(attended=3), True),
        (Decimal("0.75"), None, summary(attended=2), False),
        (None, Decimal("6"), summary(minutes=360), True),
        (None, Decimal("6"), summary(minutes=359), False),  # 5.98 h shows as 6.0, still short
        (Decimal("0.75"), Decimal("6"), summary(attended=4, minutes=300), False),
        (Decimal("0.75"), Decimal("6"), summary(attended=2, minutes=400), False),
        (Decimal("0.75"), Decimal("6"), summary(attended=3, minutes=360), True),
        (Decimal("0.5"), None, summary(attended=0, total=0), False),
    ],
)
def test_is_eligible_applies_the_programme_rule(share, hours, result, expected):
    programme = ProgrammeFactory.build(certificate_min_share=share, certificate_min_hours=hours)

    assert services.is_eligible(result, programme) is expected


# --- My space


def test_progress_of_agrees_with_attendance_summaries(looking_up, online_sessions):
    nord = CohortFactory(programme=looking_up)
    enrolment = EnrolmentFactory(programme=looking_up, cohort=nord)
    alice = enrolment.participant
    SessionFactory(programme=looking_up, cohorts=[nord], duration_hours=0, **past(2, hours=4))
    for session, status, minutes in zip(
        online_sessions, [A.PRESENT, A.LATE, A.ABSENT, A.PRESENT], [None, 30, None, 45], strict=True
    ):
        AttendanceFactory(session=session, participant=alice, status=status, minutes=minutes)
    other = ProgrammeFactory(certificate_min_hours=Decimal("1"))
    EnrolmentFactory(programme=other, participant=alice)
    AttendanceFactory(session=SessionFactory(programme=other, **past(1)), participant=alice)

    progress = {item.programme: item for item in services.progress_of(alice)}

    assert progress[looking_up].summary == services.attendance_summaries(looking_up)[alice.pk]
    assert progress[other].summary == services.attendance_summaries(other)[alice.pk]
    assert (progress[looking_up].eligible, progress[other].eligible) == (False, True)


def test_dashboard_shows_my_attendance_and_hours(client, looking_up, online_sessions):
    alice = EnrolmentFactory(programme=looking_up).participant
    AttendanceFactory(session=online_sessions[0], participant=alice, status=A.LATE, minutes=45)
    AttendanceFactory(session=online_sessions[1], participant=alice, status=A.PRESENT)
    client.force_login(alice)

    html = client.get("/en/me/").content.decode()

    assert 'Late <span class="meta">(45 minutes)</span>' in html
    assert "2 of 4" in html
    assert "<td>2.8</td>" in html  # 45 + 120 minutes
    assert "at least 0.75 of the sessions, at least 6 hours" in html
