"""A batch's chunk, run in this process: what it reads once, what it writes per person."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from certificates import services
from certificates.models import Certificate, CertificateBatch
from tests.factories import EnrolmentFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hub_people(attendance, looking_up, hub, looking_up_sessions):
    """Seven people of the Florence hub who attended everything."""
    people = []
    for number in range(7):
        person = ParticipantFactory(full_name=f"Persona {number} Bianchi", preferred_language="it")
        EnrolmentFactory(participant=person, programme=looking_up, cohort=hub)
        attendance.attend(person, looking_up, looking_up_sessions)
        people.append(person)
    return people


def _batch(programme, coordinator) -> CertificateBatch:
    # A total larger than the chunks here: no chunk finishes the batch (and zips it).
    return CertificateBatch.objects.create(
        programme=programme, requested_by=coordinator, total=100, status="running"
    )


def _chunk_queries(batch, people) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        services.issue_chunk(batch, [person.pk for person in people])
    return [query["sql"] for query in captured.captured_queries]


def test_issue_chunk_reads_once_per_chunk_and_writes_the_same_per_certificate(
    hub_people, looking_up, coordinator
):
    batch = _batch(looking_up, coordinator)

    two = _chunk_queries(batch, hub_people[:2])
    five = _chunk_queries(batch, hub_people[2:])

    def reads(queries):
        return [sql for sql in queries if sql.lstrip().upper().startswith("SELECT")]

    assert Certificate.objects.filter(programme=looking_up).count() == 7
    # Attendance, enrolments, sessions, design, people, their certificates: once a chunk.
    assert len(reads(five)) == len(reads(two))
    # The certificate and its "ready" mail in one transaction (two INSERTs, each in a
    # savepoint here), and the mail marked sent by the delivery (eager here): writes only.
    per_certificate, remainder = divmod(len(five) - len(two), 3)
    assert remainder == 0
    assert per_certificate <= 7


def test_issue_chunk_counts_those_who_already_have_one(hub_people, looking_up, coordinator):
    first = services.issue_certificate(looking_up, hub_people[0]).certificate
    batch = _batch(looking_up, coordinator)

    services.issue_chunk(batch, [person.pk for person in hub_people[:3]])

    batch.refresh_from_db()
    assert (batch.processed, batch.issued, batch.already_issued) == (3, 2, 1)
    assert Certificate.objects.valid().get(participant=hub_people[0]) == first


def test_issue_chunk_prints_each_sessions_title_in_every_language(
    hub_people, looking_up, coordinator
):
    batch = _batch(looking_up, coordinator)

    services.issue_chunk(batch, [person.pk for person in hub_people[:2]])

    one, two = Certificate.objects.filter(programme=looking_up).order_by("pk")
    assert one.sessions == two.sessions
    assert one.sessions[0]["titles"]["it"] == "Laboratorio di co-progettazione a Firenze"
    assert one.sessions[0]["titles"]["en"] == "Co-designed workshop in Florence"
