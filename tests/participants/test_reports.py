"""The funder report: numbers against a hand count (a deleted account included), constant
queries, the page and its CSV, XLSX and PDF downloads in the coordinator's language."""

import csv
import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from participants.enums import AttendanceStatus as A
from participants.privacy import delete_account
from participants.services import Mark, record_attendance, reports
from programmes.services import ensure_coordinators_group
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    ParticipantFactory,
    ProgrammeFactory,
    SessionFactory,
    SessionRegistrationFactory,
)

pytestmark = pytest.mark.django_db


def held(programme, days, **kwargs):
    starts = (timezone.now() - dt.timedelta(days=days)).replace(microsecond=0)
    return SessionFactory(
        programme=programme,
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=2),
        duration_hours=Decimal("2"),
        **kwargs,
    )


def person(
    programme, cohort, *, status="confirmed", country="IT", kind="cooperative", role="worker"
):
    participant = ParticipantFactory(country=country, organisation_kind=kind, role=role)
    return EnrolmentFactory(
        programme=programme,
        cohort=cohort,
        participant=participant,
        status=status,
        country=country,
        organisation_kind=kind,
    )


@pytest.fixture
def reti(coordinator):
    """Reti solidali e competenti: certificate at half the sessions; two hubs."""
    coordinator.groups.add(ensure_coordinators_group())
    programme = ProgrammeFactory(
        title="Reti solidali e competenti", slug="reti", certificate_min_share=Decimal("0.5")
    )
    programme.coordinators.add(coordinator)
    return programme


@pytest.fixture
def delivered(reti):
    """Four sessions held (2 h each), one cancelled, one to come; eight people."""
    nord = CohortFactory(programme=reti, name="Hub Nord")
    sud = CohortFactory(programme=reti, name="Hub Sud")
    s1 = held(reti, 30, cohorts=[nord], title="Modulo 1 Nord")
    s2 = held(reti, 29, cohorts=[sud], title="Modulo 1 Sud")
    s3 = held(reti, 20, title="Plenaria")
    held(reti, 10, status="cancelled", title="Annullata")
    SessionFactory(programme=reti, title="Futura")
    s6 = held(reti, 5, registration_required=True, title="Tutoraggio")
    a = person(reti, nord)
    b = person(reti, nord, country="FR", kind="association", role="student")
    c = person(reti, sud, country="PT", role="activist")
    d = person(reti, sud)
    person(reti, nord, status="waiting")  # e
    person(reti, nord, status="cancelled")  # f
    person(reti, nord, status="rejected")  # g: not counted
    h = person(reti, sud, role="manager")
    SessionRegistrationFactory(session=s6, participant=h.participant)
    marks = {
        s1: [Mark(a.participant_id, A.PRESENT), Mark(b.participant_id, A.LATE, 60)],
        s2: [Mark(c.participant_id, A.ABSENT), Mark(d.participant_id, A.PRESENT)],
        s3: [
            Mark(a.participant_id, A.PRESENT),
            Mark(b.participant_id, A.ABSENT),
            Mark(c.participant_id, A.EXCUSED),
        ],
        s6: [Mark(h.participant_id, A.PRESENT)],
    }
    for session, session_marks in marks.items():
        assert record_attendance(session, session_marks, by=None).ok
    delete_account(d.participant)  # their counts stay, anonymous
    return {"nord": nord, "sud": sud, "sessions": [s1, s2, s3, s6]}


def test_report_matches_a_hand_count(reti, delivered):
    report = reports.funder_report(reti)

    totals = report.totals
    # enrolled: a b c d e f h; confirmed: a b c d h; attended: a b d h; eligible (half the
    # sessions they take part in): a (2/2), b (1/2), d (1/2), not h (1/3) nor c (0/2)
    assert (totals.enrolled, totals.confirmed, totals.attended, totals.eligible) == (7, 5, 4, 3)
    assert totals.hours_attended == Decimal("9.0")  # 240 + 60 + 120 + 120 minutes
    assert report.hours_delivered == Decimal("8.0")  # four sessions held, 2 h each
    by_cohort = {
        name: (c.enrolled, c.confirmed, c.attended, c.eligible, c.hours_attended)
        for name, c in report.by_cohort
    }
    assert by_cohort == {
        "Hub Nord": (4, 2, 2, 2, Decimal("5.0")),
        "Hub Sud": (3, 3, 2, 1, Decimal("4.0")),
    }
    by_country = {name: (c.enrolled, c.attended) for name, c in report.by_country}
    assert by_country == {"France": (1, 1), "Italy": (5, 3), "Portugal": (1, 0)}
    by_role = {name: c.enrolled for name, c in report.by_role}
    assert by_role == {"Worker": 3, "Student": 1, "Activist": 1, "Manager": 1, "–": 1}  # d deleted
    lines = {
        line.session.title: (line.expected, line.attended, line.rate) for line in report.sessions
    }
    assert lines == {
        "Modulo 1 Nord": (2, 2, Decimal("1.00")),
        "Modulo 1 Sud": (3, 1, Decimal("0.33")),
        "Plenaria": (5, 1, Decimal("0.20")),
        "Tutoraggio": (1, 1, Decimal("1.00")),
    }


def test_report_for_one_cohort(reti, delivered):
    report = reports.funder_report(reti, cohort=delivered["sud"])

    assert (report.totals.enrolled, report.totals.confirmed, report.totals.eligible) == (3, 3, 1)
    assert [line.session.title for line in report.sessions] == [
        "Modulo 1 Sud",
        "Plenaria",
        "Tutoraggio",
    ]
    assert report.hours_delivered == Decimal("6.0")


def _report_queries(programme) -> int:
    with CaptureQueriesContext(connection) as queries:
        reports.funder_report(programme)
    return len(queries)


def test_report_queries_do_not_grow_with_people(reti):
    small, big = reti, ProgrammeFactory(certificate_min_hours=Decimal("1"))
    for programme, size in ((small, 4), (big, 40)):
        cohort = CohortFactory(programme=programme)
        session = held(programme, 3, cohorts=[cohort])
        people = [person(programme, cohort) for _ in range(size)]
        record_attendance(session, [Mark(p.participant_id, A.PRESENT) for p in people], by=None)

    assert _report_queries(small) == _report_queries(big)


@pytest.mark.postgres
def test_report_queries_same_for_20_and_2160_people(reti):
    counts = []
    for size in (20, 2160):
        programme = ProgrammeFactory(certificate_min_share=Decimal("0.5"))
        cohorts = [CohortFactory(programme=programme) for _ in range(3)]
        from participants.models import Enrolment, User

        users = User.objects.bulk_create(
            User(email=f"p{size}-{n}@example.org", full_name=f"P {n}") for n in range(size)
        )
        Enrolment.objects.bulk_create(
            Enrolment(programme=programme, cohort=cohorts[n % 3], participant=u, status="confirmed")
            for n, u in enumerate(users)
        )
        held(programme, 3, cohorts=[cohorts[0]])
        counts.append(_report_queries(programme))

    assert counts[0] == counts[1]


# --- the page and the files


def report_url(programme, **params):
    url = reverse("admin:participants_attendance_report", args=[programme.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def test_report_page_shows_the_figures(client, coordinator, reti, delivered):
    client.force_login(coordinator)

    response = client.get(report_url(reti))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Attended at least one session" in html
    assert "Modulo 1 Sud" in html
    assert (
        reverse("admin:participants_attendance_report", args=[reti.pk])
        in client.get(reverse("admin:programmes_programme_changelist")).content.decode()
    )


def test_report_csv_and_xlsx(client, coordinator, reti, delivered):
    client.force_login(coordinator)

    csv_text = client.get(report_url(reti, format="csv")).content.decode("utf-8-sig")
    xlsx = openpyxl.load_workbook(io.BytesIO(client.get(report_url(reti, format="xlsx")).content))

    rows = list(csv.reader(io.StringIO(csv_text)))
    assert ["Eligible for a certificate", "3"] in rows
    assert ["Hours delivered", "8.0"] in rows
    assert xlsx.sheetnames == [
        "Summary",
        "By group",
        "By country",
        "By organisation type",
        "By role",
        "Sessions",
    ]
    sessions = [[cell.value for cell in row] for row in xlsx["Sessions"].iter_rows(min_row=2)]
    assert [row[0] for row in sessions] == [
        "Modulo 1 Nord",
        "Modulo 1 Sud",
        "Plenaria",
        "Tutoraggio",
    ]


def test_report_pdf_in_the_coordinators_language(client, coordinator, reti, delivered):
    client.force_login(coordinator)

    response = client.get("/it" + report_url(reti, format="pdf").removeprefix("/en"))

    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Reti solidali e competenti" in text
    assert "Idonei all'attestato" in text
    assert "Funder report" not in text


def test_report_of_another_programme_is_not_found(client, charlie, reti):
    charlie.groups.add(ensure_coordinators_group())
    client.force_login(charlie)

    assert client.get(report_url(reti)).status_code == 404
    assert client.get(report_url(reti, format="csv")).status_code == 404


# --- the cached report


def _totals(client, programme):
    totals = client.get(report_url(programme)).context["report"].totals
    return (totals.enrolled, totals.confirmed, totals.attended, totals.eligible)


def test_report_page_shows_new_attendance_at_once(client, coordinator, reti, delivered):
    client.force_login(coordinator)
    before = _totals(client, reti)
    c = reti.enrolments.get(participant__country="PT")

    record_attendance(delivered["sessions"][1], [Mark(c.participant_id, A.PRESENT)], by=None)

    assert before == (7, 5, 4, 3)
    assert _totals(client, reti) == (7, 5, 5, 4)
    html = client.get(report_url(reti)).content.decode()
    assert "Attended at least one session</th><td>5</td>" in html


def test_report_page_shows_a_new_enrolment_and_a_deleted_account(
    client, coordinator, reti, delivered
):
    client.force_login(coordinator)
    _totals(client, reti)
    newcomer = person(reti, delivered["nord"])
    assert _totals(client, reti) == (8, 6, 4, 3)

    delete_account(newcomer.participant)

    by_role = dict(client.get(report_url(reti)).context["report"].by_role)
    assert by_role["Worker"].enrolled == 3
    assert by_role["–"].enrolled == 2


def test_report_page_counts_a_session_once_it_ends(
    client, coordinator, reti, delivered, monkeypatch
):
    client.force_login(coordinator)
    ending = SessionFactory(
        programme=reti,
        starts_at=timezone.now() - dt.timedelta(hours=1),
        ends_at=timezone.now() + dt.timedelta(minutes=5),
        duration_hours=Decimal("1"),
    )
    assert client.get(report_url(reti)).context["report"].hours_delivered == Decimal("8.0")

    later = ending.ends_at + dt.timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)

    response = client.get(report_url(reti))
    assert response.context["report"].hours_delivered == Decimal("9.0")
    assert "Hours delivered</th><td>9.0</td>" in response.content.decode()


def test_report_is_stale_for_nobody_after_the_commit(db, django_capture_on_commit_callbacks):
    from lookingup.cache import participation_changed, participation_version

    before = participation_version()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        participation_changed()
        during = participation_version()

    assert during != before
    assert callbacks  # bumped again once the change is visible to everyone
    assert participation_version() not in {before, during}


def _page_queries(client, programme) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as first:
        client.get(report_url(programme))
    with CaptureQueriesContext(connection) as again:
        client.get(report_url(programme))
    return len(first), len(again)


def test_report_page_queries_do_not_grow_with_people(client, coordinator, reti):
    client.force_login(coordinator)
    small, big = reti, ProgrammeFactory(certificate_min_hours=Decimal("1"))
    big.coordinators.add(coordinator)
    for programme, size in ((small, 2), (big, 30)):
        cohort = CohortFactory(programme=programme)
        session = held(programme, 3, cohorts=[cohort])
        people = [person(programme, cohort) for _ in range(size)]
        record_attendance(session, [Mark(p.participant_id, A.PRESENT) for p in people], by=None)
    client.get(reverse("admin:index"))  # the per-process caches (the session, the language)

    first, again = _page_queries(client, small)

    assert _page_queries(client, big) == (first, again)
    assert again < first  # the report itself is not computed again
