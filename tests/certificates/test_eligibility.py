"""Eligibility on real attendance rows (issue 9): at the threshold, partial minutes, excused."""

from decimal import Decimal

import pytest

from certificates import services
from participants.enums import AttendanceStatus
from participants.services import Mark, record_attendance

pytestmark = pytest.mark.django_db

PRESENT, ABSENT, EXCUSED, LATE = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.ABSENT,
    AttendanceStatus.EXCUSED,
    AttendanceStatus.LATE,
)


def attend(person, sessions, marks, *, by):
    """``marks``: one (status, minutes) per session, in order."""
    for session, (status, minutes) in zip(sessions, marks, strict=True):
        outcome = record_attendance(session, [Mark(person.pk, status, minutes)], by=by)
        assert outcome.ok, outcome.message


@pytest.fixture
def hours_only(looking_up):
    """LOOKING UP asking for 9 hours (the workshop's 3 and three online sessions of 2)."""
    looking_up.certificate_min_share = None
    looking_up.certificate_min_hours = Decimal("9")
    looking_up.save()
    return looking_up


@pytest.fixture
def share_only(looking_up):
    """LOOKING UP asking for three sessions out of four."""
    looking_up.certificate_min_share = Decimal("0.75")
    looking_up.certificate_min_hours = None
    looking_up.save()
    return looking_up


def test_exactly_the_hours_asked_is_eligible(hours_only, marta, looking_up_sessions, coordinator):
    attend(marta, looking_up_sessions, [(PRESENT, None)] * 4, by=coordinator)

    outcome = services.issue_certificate(hours_only, marta)

    assert outcome.created is True
    assert outcome.certificate.minutes_attended == 540
    assert str(outcome.certificate.hours) == "9.0"


def test_one_minute_short_in_an_online_session_is_not(
    hours_only, marta, looking_up_sessions, coordinator
):
    marks = [(PRESENT, None), (PRESENT, 119), (PRESENT, None), (LATE, None)]
    attend(marta, looking_up_sessions, marks, by=coordinator)

    outcome = services.issue_certificate(hours_only, marta)

    assert outcome.ok is False
    assert outcome.message == (
        "Marta Ferreira has not reached the attendance this programme asks for."
    )


def test_partial_minutes_count_towards_the_hours(
    hours_only, marta, looking_up_sessions, coordinator
):
    hours_only.certificate_min_hours = Decimal("8.5")
    hours_only.save()
    marks = [(PRESENT, None), (PRESENT, 90), (LATE, None), (PRESENT, None)]
    attend(marta, looking_up_sessions, marks, by=coordinator)

    certificate = services.issue_certificate(hours_only, marta).certificate

    assert certificate.minutes_attended == 510
    assert [entry["minutes"] for entry in certificate.sessions] == [180, 90, 120, 120]


def test_excused_absence_is_not_attendance(share_only, marta, looking_up_sessions, coordinator):
    marks = [(PRESENT, None), (EXCUSED, None), (EXCUSED, None), (PRESENT, None)]
    attend(marta, looking_up_sessions, marks, by=coordinator)

    outcome = services.issue_certificate(share_only, marta)

    assert outcome.ok is False  # 2 of 4 sessions: excused absences count as not attended


def test_three_sessions_of_four_meet_a_75_percent_rule(
    share_only, marta, looking_up_sessions, coordinator
):
    marks = [(PRESENT, None), (EXCUSED, None), (LATE, None), (PRESENT, 60)]
    attend(marta, looking_up_sessions, marks, by=coordinator)

    certificate = services.issue_certificate(share_only, marta).certificate

    assert certificate.minutes_attended == 180 + 120 + 60
    assert len(certificate.sessions) == 3


def test_both_rules_must_hold(looking_up, marta, looking_up_sessions, coordinator):
    # 0.75 and 9 hours: four sessions, but 30 minutes missing.
    marks = [(PRESENT, 150), (PRESENT, None), (PRESENT, None), (PRESENT, None)]
    attend(marta, looking_up_sessions, marks, by=coordinator)

    assert services.issue_certificate(looking_up, marta).ok is False


def test_my_space_shows_progress_from_the_register(
    client, looking_up, marta, looking_up_sessions, coordinator
):
    marks = [(PRESENT, None), (PRESENT, 90), (ABSENT, None), (EXCUSED, None)]
    attend(marta, looking_up_sessions, marks, by=coordinator)
    client.force_login(marta)

    page = client.get("/en/me/").content.decode()

    assert "4.5 of 9.0 hours" in page
    assert "2 of 4 sessions" in page
    assert "Get my certificate" not in page
