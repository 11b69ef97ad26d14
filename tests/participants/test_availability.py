"""Places left, shown before the click: on session pages, programme pages and lists.

Lists are cached as HTML and enrolments do not invalidate them: the places are written in
after rendering, from one query per page (lookingup/places.py, {% fill_places %}).
"""

import datetime as dt

import pytest
from django.utils import timezone

from participants import services
from participants.enums import EnrolmentStatus as Status
from sessions_app.enums import SessionStatus
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    ProgrammeFactory,
    SessionFactory,
    SessionRegistrationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def clinic(programme):
    """The peer mentoring clinic of the second edition: three places."""
    return SessionFactory(
        programme=programme,
        title="Peer mentoring clinic (3 places)",
        registration_required=True,
        capacity=3,
    )


def _fill(session, confirmed: int = 0, waiting: int = 0, cancelled: int = 0) -> None:
    for status, count in (
        (Status.CONFIRMED, confirmed),
        (Status.WAITING, waiting),
        (Status.CANCELLED, cancelled),
    ):
        SessionRegistrationFactory.create_batch(count, session=session, status=status)


# --- the counts


def test_session_places_count_confirmed_and_waiting_only(clinic):
    _fill(clinic, confirmed=2, waiting=0, cancelled=4)
    unlimited = SessionFactory(programme=clinic.programme)

    places = services.session_places([clinic.pk, unlimited.pk])

    assert places == {clinic.pk: services.Places(capacity=3, confirmed=2, waiting=0)}
    assert places[clinic.pk].left == 1
    assert not places[clinic.pk].full


def test_cohort_places_count_confirmed_and_waiting(programme):
    hub = CohortFactory(programme=programme, name="Hub Sud", capacity=2)
    EnrolmentFactory.create_batch(2, programme=programme, cohort=hub)
    EnrolmentFactory.create_batch(3, programme=programme, cohort=hub, status=Status.WAITING)
    EnrolmentFactory(programme=programme, cohort=hub, status=Status.PENDING)

    places = services.cohort_places([hub.pk])[hub.pk]

    assert (places.left, places.full, places.waiting) == (0, True, 3)


# --- the session page


@pytest.mark.parametrize(
    ("confirmed", "waiting", "told"),
    [
        (0, 0, '<p class="places">3 places left</p>'),
        (2, 0, '<p class="places">1 place left</p>'),
        (3, 0, '<p class="places full">Full – you will be first on the waiting list</p>'),
        (
            3,
            2,
            '<p class="places full">Full – you will join the waiting list (2 waiting)</p>',
        ),
    ],
)
def test_session_page_says_places_left_before_the_click(client, clinic, confirmed, waiting, told):
    _fill(clinic, confirmed=confirmed, waiting=waiting)

    response = client.get(f"/en/sessions/{clinic.pk}/")

    assert told in response.content.decode()


def test_session_page_in_french_says_it_is_full(client, clinic):
    _fill(clinic, confirmed=3, waiting=1)

    response = client.get(f"/fr/sessions/{clinic.pk}/")

    assert "Complet – vous rejoindrez la liste d’attente (1 en attente)" in (
        response.content.decode()
    )


@pytest.mark.parametrize(
    "change",
    [
        {"status": SessionStatus.CANCELLED},
        {"registration_required": False},
        {"capacity": None},
        {
            "starts_at": timezone.now() - dt.timedelta(days=2),
            "ends_at": timezone.now() - dt.timedelta(days=1),
        },
    ],
    ids=["cancelled", "no-registration", "no-capacity", "past"],
)
def test_session_page_says_nothing_of_places_that_cannot_be_taken(client, clinic, change):
    for name, value in change.items():
        setattr(clinic, name, value)
    clinic.save()

    response = client.get(f"/en/sessions/{clinic.pk}/")

    assert 'class="places' not in response.content.decode()


# --- lists, cached


def test_session_list_places_follow_registrations_although_the_list_is_cached(client, clinic):
    client.get("/en/sessions/")
    SessionRegistrationFactory.create_batch(3, session=clinic)

    response = client.get("/en/sessions/")

    assert "Full – you will be first on the waiting list" in response.content.decode()


@pytest.mark.parametrize("rows", [1, 30])
def test_session_list_warm_page_reads_places_in_one_query(
    client, django_assert_num_queries, programme, rows
):
    SessionFactory.create_batch(rows, programme=programme, registration_required=True, capacity=9)
    client.get("/en/sessions/")

    with django_assert_num_queries(1):
        response = client.get("/en/sessions/")

    assert response.content.decode().count('<p class="places">9 places left</p>') == min(rows, 20)


@pytest.mark.parametrize("rows", [1, 30])
def test_home_page_places_cost_one_query(client, django_assert_num_queries, programme, rows):
    SessionFactory.create_batch(rows, programme=programme, registration_required=True, capacity=9)

    # upcoming sessions, open programmes, places left of the sessions shown, latest practices
    with django_assert_num_queries(4):
        response = client.get("/en/")

    assert response.content.decode().count("9 places left") == min(rows, 6)


# --- the programme page (cohorts)


def test_programme_page_says_places_left_in_each_cohort_to_everyone(client, alice, programme):
    italian = CohortFactory(programme=programme, name="Italian-speaking group", capacity=40)
    international = CohortFactory(programme=programme, name="International group", capacity=2)
    EnrolmentFactory.create_batch(3, programme=programme, cohort=italian)
    EnrolmentFactory.create_batch(2, programme=programme, cohort=international)
    EnrolmentFactory(programme=programme, cohort=international, status=Status.WAITING)

    anonymous = client.get(programme.get_absolute_url()).content.decode()
    client.force_login(alice)
    signed_in = client.get(programme.get_absolute_url()).content.decode()

    for page in (anonymous, signed_in):
        assert '<li class="places">Italian-speaking group: 37 places left</li>' in page
        assert (
            '<li class="places full">International group: '
            "Full – you will join the waiting list (1 waiting)</li>"
        ) in page


def test_programme_page_single_cohort_needs_no_name(client, programme, cohort):
    response = client.get(programme.get_absolute_url())

    assert '<li class="places">2 places left</li>' in response.content.decode()


def test_programme_page_places_follow_enrolments_although_they_are_kept(
    client, alice, programme, cohort
):
    client.get(programme.get_absolute_url())  # keeps the places: 2 left

    services.enrol(alice, programme)
    after_enrolment = client.get(programme.get_absolute_url()).content.decode()
    services.cancel_enrolment(alice.enrolments.get(), force=True)
    after_cancellation = client.get(programme.get_absolute_url()).content.decode()

    assert '<li class="places">1 place left</li>' in after_enrolment
    assert '<li class="places">2 places left</li>' in after_cancellation


def test_programme_page_closed_enrolment_shows_no_places(client, cohort):
    programme = cohort.programme
    programme.enrolment_closes_at = timezone.now() - dt.timedelta(days=1)
    programme.save()

    response = client.get(programme.get_absolute_url())

    assert 'class="places' not in response.content.decode()


def test_unknown_marker_is_dropped(rf):
    from django.template import Context, Template

    html = Template(
        "{% load participation %}{% fill_places %}<p>a</p><!--places:session:999999-->"
        "{% endfill_places %}"
    ).render(Context({}))

    assert html == "<p>a</p>"


def test_programme_without_capacity_shows_no_places(client):
    programme = ProgrammeFactory()
    CohortFactory(programme=programme, capacity=None)

    response = client.get(programme.get_absolute_url())

    assert 'class="places' not in response.content.decode()
