"""Who takes part in a session: each way, and every function that answers agrees."""

import pytest

from participants import services
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    ProgrammeFactory,
    SessionFactory,
    SessionRegistrationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def reti():
    """Reti solidali e competenti: three hubs, remote modules replicated in each."""
    programme = ProgrammeFactory(title="Reti solidali e competenti", original_language="it")
    for name in ("Hub Nord", "Hub Centro", "Hub Sud"):
        CohortFactory(programme=programme, name=name)
    return programme


def hub(programme, name):
    return programme.cohorts.get(name=name)


def test_participants_of_cohort_session_is_the_cohort_confirmed(reti):
    nord, sud = hub(reti, "Hub Nord"), hub(reti, "Hub Sud")
    module = SessionFactory(programme=reti, cohorts=[nord])
    confirmed = EnrolmentFactory(programme=reti, cohort=nord).participant
    EnrolmentFactory(programme=reti, cohort=nord, status="waiting")
    EnrolmentFactory(programme=reti, cohort=nord, status="pending")
    EnrolmentFactory(programme=reti, cohort=sud)

    assert list(services.participants_of(module)) == [confirmed]


def test_participants_of_session_of_two_cohorts_counts_both(reti):
    nord, centro = hub(reti, "Hub Nord"), hub(reti, "Hub Centro")
    residency = SessionFactory(programme=reti, cohorts=[nord, centro])
    people = {
        EnrolmentFactory(programme=reti, cohort=nord).participant,
        EnrolmentFactory(programme=reti, cohort=centro).participant,
    }
    EnrolmentFactory(programme=reti, cohort=hub(reti, "Hub Sud"))

    assert set(services.participants_of(residency)) == people


def test_participants_of_whole_programme_session_is_everyone_confirmed(reti):
    webinar = SessionFactory(programme=reti)  # no cohorts: the whole programme
    people = {
        EnrolmentFactory(programme=reti, cohort=hub(reti, "Hub Nord")).participant,
        EnrolmentFactory(programme=reti, cohort=hub(reti, "Hub Sud")).participant,
    }
    EnrolmentFactory(programme=reti, status="cancelled")
    EnrolmentFactory(programme=ProgrammeFactory())

    assert set(services.participants_of(webinar)) == people


def test_participants_of_registration_session_is_the_confirmed_registrations(reti):
    tutoring = SessionFactory(programme=reti, registration_required=True)
    registered = SessionRegistrationFactory(session=tutoring).participant
    SessionRegistrationFactory(session=tutoring, status="waiting")
    SessionRegistrationFactory(session=tutoring, status="cancelled")
    EnrolmentFactory(programme=reti)  # enrolled, not registered: not taking part

    assert list(services.participants_of(tutoring)) == [registered]


def test_participants_of_leaves_out_deleted_accounts(reti):
    webinar = SessionFactory(programme=reti)
    kept = EnrolmentFactory(programme=reti).participant
    gone = EnrolmentFactory(programme=reti)
    gone.participant.delete()

    assert list(services.participants_of(webinar)) == [kept]
    assert services.participants_by_session([webinar]) == {webinar.pk: {kept.pk}}


def test_participants_by_session_agrees_with_participants_of(reti, django_assert_num_queries):
    nord, sud = hub(reti, "Hub Nord"), hub(reti, "Hub Sud")
    sessions = [
        SessionFactory(programme=reti, cohorts=[nord]),
        SessionFactory(programme=reti, cohorts=[nord, sud]),
        SessionFactory(programme=reti),
        SessionFactory(programme=reti, registration_required=True),
        SessionFactory(programme=reti, registration_required=True, cohorts=[sud]),
    ]
    for cohort in (nord, nord, sud, None):
        EnrolmentFactory(programme=reti, cohort=cohort)
    for session in sessions[3:]:
        SessionRegistrationFactory(session=session)

    with django_assert_num_queries(1):
        by_session = services.participants_by_session(sessions)

    assert by_session == {
        s.pk: set(services.participants_of(s).values_list("pk", flat=True)) for s in sessions
    }
    assert services.participants_by_session(reti.sessions.all()) == by_session


def test_sessions_for_agrees_with_participants_of(reti):
    nord = hub(reti, "Hub Nord")
    sessions = [
        SessionFactory(programme=reti, cohorts=[nord]),
        SessionFactory(programme=reti, cohorts=[hub(reti, "Hub Sud")]),
        SessionFactory(programme=reti),
        SessionFactory(programme=reti, registration_required=True),
    ]
    person = EnrolmentFactory(programme=reti, cohort=nord).participant
    SessionRegistrationFactory(session=sessions[3], participant=person)

    mine = set(services.sessions_for(person))

    assert mine == {s for s in sessions if person in services.participants_of(s)}
    assert mine == {sessions[0], sessions[2], sessions[3]}


def test_sessions_count_by_participant_agrees_with_the_pairs(reti, django_assert_num_queries):
    nord, sud = hub(reti, "Hub Nord"), hub(reti, "Hub Sud")
    sessions = [
        SessionFactory(programme=reti, cohorts=[nord]),
        SessionFactory(programme=reti, cohorts=[nord, sud]),
        SessionFactory(programme=reti),
        SessionFactory(programme=reti, registration_required=True),
    ]
    for cohort in (nord, sud, None):
        EnrolmentFactory(programme=reti, cohort=cohort)
    SessionRegistrationFactory(session=sessions[3])

    with django_assert_num_queries(3):
        counts = services.sessions_count_by_participant(sessions)

    expected: dict[int, int] = {}
    for _session_id, participant_id in services.taking_part_pairs(sessions):
        expected[participant_id] = expected.get(participant_id, 0) + 1
    assert {k: v for k, v in counts.items() if v} == expected
