"""Meeting-report imports: each tool's export, rejoins merged, nothing written before confirming."""

import datetime as dt
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from participants.models import Attendance
from participants.services import meeting_reports as reports
from tests.factories import (
    EnrolmentFactory,
    OnlineSessionFactory,
    ParticipantFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).parent / "meeting_reports"
ROME = ZoneInfo("Europe/Rome")


@pytest.fixture
def session(coordinator):
    """LOOKING UP's first online session: 15 October 2024, 18:00–19:00 in Rome."""
    programme = ProgrammeFactory(title="LOOKING UP")
    programme.coordinators.add(coordinator)
    starts = dt.datetime(2024, 10, 15, 18, 0, tzinfo=ROME)
    return OnlineSessionFactory(
        programme=programme,
        title="Track 1: local participatory development",
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=1),
        duration_hours=Decimal("1"),
    )


@pytest.fixture
def people(session):
    alice = ParticipantFactory(email="alice@example.org", full_name="Alice Rossi")
    bob = ParticipantFactory(email="bob@example.org", full_name="Bob Martin")
    ioana = ParticipantFactory(email="ioana@example.ro", full_name="Ioana Popescu")
    for person in (alice, bob, ioana):
        EnrolmentFactory(programme=session.programme, participant=person)
    return alice, bob, ioana


def minutes(report) -> dict[str, int]:
    return {person.email or person.name: person.minutes for person in report.people}


@pytest.mark.parametrize(
    ("sample", "tool", "expected"),
    [
        # Alice rejoined (overlapping rows count once; before the start counts nothing).
        ("zoom.csv", "Zoom", {"alice@example.org": 50, "bob@example.org": 30}),
        ("teams.csv", "Microsoft Teams", {"alice@example.org": 50, "bob@example.org": 30}),
        ("jitsi.csv", "Jitsi", {"alice@example.org": 40, "bob@example.org": 55}),
        ("bigbluebutton.csv", "BigBlueButton", {"Alice Rossi": 45, "Bob Martin": 30}),
    ],
)
def test_read_meeting_report_of_each_tool(session, sample, tool, expected):
    report = reports.read_meeting_report((SAMPLES / sample).read_bytes(), session)

    assert report.tool == tool
    assert report.problems == []
    assert {k: v for k, v in minutes(report).items() if k in expected} == expected


def test_read_meeting_report_merges_rows_case_insensitively(session):
    report = reports.read_meeting_report((SAMPLES / "zoom.csv").read_bytes(), session)

    alice = [p for p in report.people if p.email == "alice@example.org"]
    assert [(p.rows, p.minutes) for p in alice] == [(3, 50)]


def test_read_meeting_report_without_a_table_says_what_it_needs(session):
    report = reports.read_meeting_report(b"hello,world\n1,2\n", session)

    assert report.people == []
    assert report.problems == [str(reports.NO_TABLE)]


def test_read_meeting_report_reports_unreadable_times(session):
    content = b"Name,Email,Join Time,Leave Time\nAlice,alice@example.org,yesterday,soon\n"

    report = reports.read_meeting_report(content, session)

    assert report.problems == [
        "Line 2: the time \u201cyesterday\u201d could not be read; the line was left out."
    ]


def test_preview_matches_by_email_and_suggests_by_name(session, people):
    alice, bob, ioana = people
    report = reports.read_meeting_report((SAMPLES / "zoom.csv").read_bytes(), session)

    preview = reports.preview_meeting_report(session, report)

    assert [(row.participant, row.person.minutes) for row in preview.matched] == [
        (alice, 50),
        (bob, 30),
    ]
    unmatched = {row.person.name: row.suggestion for row in preview.unmatched}
    assert unmatched == {"Dana Coordinator": None, "Ioana Popescu": ioana}
    assert not Attendance.objects.exists()  # a preview writes nothing


def test_apply_meeting_report_records_matched_and_assigned(session, people, coordinator):
    alice, bob, ioana = people
    report = reports.read_meeting_report((SAMPLES / "zoom.csv").read_bytes(), session)
    preview = reports.preview_meeting_report(session, report)
    ioana_key = next(
        row.person.key for row in preview.unmatched if row.person.name == "Ioana Popescu"
    )

    outcome = reports.apply_meeting_report(
        session, preview.token, {ioana_key: ioana.pk}, by=coordinator
    )

    assert outcome.ok, outcome.message
    recorded = {a.participant: (a.status, a.minutes, a.source) for a in Attendance.objects.all()}
    assert recorded == {
        alice: ("present", 50, "meeting_report"),
        bob: ("present", 30, "meeting_report"),
        ioana: ("present", None, "meeting_report"),  # the whole hour
    }


def test_apply_meeting_report_refuses_an_altered_preview(session, people, coordinator):
    report = reports.read_meeting_report((SAMPLES / "zoom.csv").read_bytes(), session)
    token = reports.preview_meeting_report(session, report).token
    other = OnlineSessionFactory(
        programme=session.programme, starts_at=session.starts_at, ends_at=session.ends_at
    )

    tampered = reports.apply_meeting_report(session, token[:-3] + "abc", {}, by=coordinator)
    elsewhere = reports.apply_meeting_report(other, token, {}, by=coordinator)

    assert [tampered.ok, elsewhere.ok] == [False, False]
    assert tampered.message == str(reports.STALE)
    assert not Attendance.objects.exists()
