"""N people press "Enrol" at the same moment for M < N seats: M confirmed, N − M waiting.

Real threads, real transactions (``transactional_db``): each thread has its own database
connection, as each web worker would. PostgreSQL is the production database; the
``select_for_update`` on the cohort row is what this exercises there.
"""

import re
import threading

import pytest
from django.db import connection, connections
from django.utils import translation

from participants import services
from participants.enums import EnrolmentStatus as Status
from participants.models import Enrolment
from tests.factories import CohortFactory, ParticipantFactory, ProgrammeFactory

PEOPLE = 8
SEATS = 3

requires_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Row locks need PostgreSQL: set DATABASE_URL=postgres://... to run this test.",
)


def _run_at_once(target, arguments) -> list:
    """Run ``target(*args)`` in one thread per item, all released together; results in order."""
    barrier = threading.Barrier(len(arguments))
    results: list = [None] * len(arguments)
    errors: list = []

    def work(index, args):
        # Like a web worker answering a request under /en/: the language is per thread.
        translation.activate("en")
        try:
            barrier.wait(timeout=10)
            results[index] = target(*args)
        except Exception as error:  # noqa: BLE001 - collected and re-raised in the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=work, args=(index, args)) for index, args in enumerate(arguments)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    return results


@pytest.fixture
def crowded_cohort(transactional_db):
    programme = ProgrammeFactory(title="Reti solidali e competenti – residenza Lecce")
    cohort = CohortFactory(programme=programme, name="Hub Sud", capacity=SEATS)
    people = [ParticipantFactory() for _ in range(PEOPLE)]
    return programme, cohort, people


@pytest.mark.postgres
@requires_postgres
def test_enrol_concurrent_requests_fill_exactly_the_seats(crowded_cohort):
    programme, cohort, people = crowded_cohort

    outcomes = _run_at_once(services.enrol, [(person, programme) for person in people])

    assert all(outcome.ok for outcome in outcomes)
    statuses = sorted(Enrolment.objects.filter(cohort=cohort).values_list("status", flat=True))
    assert statuses.count(Status.CONFIRMED) == SEATS
    assert statuses.count(Status.WAITING) == PEOPLE - SEATS
    positions = sorted(
        services.waiting_position(enrolment)
        for enrolment in Enrolment.objects.filter(status=Status.WAITING)
    )
    assert positions == list(range(1, PEOPLE - SEATS + 1))


@pytest.mark.postgres
@requires_postgres
def test_enrol_double_click_creates_one_enrolment(crowded_cohort):
    programme, cohort, people = crowded_cohort
    person = people[0]

    outcomes = _run_at_once(services.enrol, [(person, programme)] * 4)

    assert Enrolment.objects.filter(participant=person).count() == 1
    assert sum(outcome.ok for outcome in outcomes) == 1
    refused = {outcome.message for outcome in outcomes if not outcome.ok}
    assert refused == {"You are already enrolled in this programme."}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="The SQLite variant of the test above.")
def test_enrol_concurrent_requests_fill_exactly_the_seats_on_sqlite(crowded_cohort):
    """SQLite serialises writers (BEGIN IMMEDIATE in the settings): the same promise holds."""
    programme, cohort, people = crowded_cohort

    outcomes = _run_at_once(services.enrol, [(person, programme) for person in people])

    assert all(outcome.ok for outcome in outcomes)
    statuses = list(Enrolment.objects.filter(cohort=cohort).values_list("status", flat=True))
    assert statuses.count(Status.CONFIRMED) == SEATS
    assert statuses.count(Status.WAITING) == PEOPLE - SEATS


def _told_position(outcome) -> int:
    """The waiting-list position the person read in the message after their click."""
    match = re.search(r"number (\d+)", outcome.message)
    assert match, outcome.message
    return int(match[1])


def test_enrol_concurrent_requests_tell_each_waiting_person_their_own_place(transactional_db):
    """Twenty people click at once for five seats: fifteen distinct places, 1 to 15, each the
    place the person really holds, in the order they got in."""
    programme = ProgrammeFactory(title="Reti solidali e competenti – residenza Torino")
    cohort = CohortFactory(programme=programme, name="Hub Nord", capacity=5)
    people = [ParticipantFactory() for _ in range(20)]

    outcomes = _run_at_once(services.enrol, [(person, programme) for person in people])

    waiting = [outcome for outcome in outcomes if outcome.obj.status == Status.WAITING]
    told = sorted(_told_position(outcome) for outcome in waiting)
    assert told == list(range(1, 16))
    for outcome in waiting:
        enrolment = Enrolment.objects.get(pk=outcome.obj.pk)
        assert services.waiting_position(enrolment) == _told_position(outcome)
    queue = Enrolment.objects.filter(cohort=cohort).waiting_in_order()
    assert [e.pk for e in queue] == [o.obj.pk for o in sorted(waiting, key=_told_position)]


@pytest.mark.postgres
@requires_postgres
def test_single_use_invitation_accepted_at_once_by_four_people_enrols_one(transactional_db):
    programme = ProgrammeFactory(title="Trentino study visit", enrolment_mode="invitation")
    invitation = services.make_invitation(programme)
    people = [ParticipantFactory() for _ in range(4)]

    outcomes = _run_at_once(
        services.accept_invitation, [(person, invitation.token) for person in people]
    )

    assert sum(outcome.ok for outcome in outcomes) == 1
    assert Enrolment.objects.count() == 1
    invitation.refresh_from_db()
    assert invitation.uses == 1
