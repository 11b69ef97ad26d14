"""Self check-in with the rotating code: valid, expired, foreign, repeated, not taking part."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from participants.models import Attendance
from participants.services import check_in as service
from tests.factories import EnrolmentFactory, ParticipantFactory, ProgrammeFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop():
    """The co-designed workshop in Florence, started ten minutes ago."""
    starts = timezone.now() - dt.timedelta(minutes=10)
    return SessionFactory(
        programme=ProgrammeFactory(title="LOOKING UP"),
        title="Co-designed workshop",
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=3),
    )


@pytest.fixture
def alice(workshop):
    person = ParticipantFactory(email="alice@example.org")
    EnrolmentFactory(programme=workshop.programme, participant=person)
    return person


def test_check_in_with_the_current_code_marks_present(workshop, alice):
    outcome = service.check_in(alice, workshop, service.check_in_code(workshop))

    assert outcome.ok
    assert outcome.message == "You are checked in to “Co-designed workshop”. Welcome!"
    row = Attendance.objects.get()
    assert (row.participant, row.status, row.source, row.recorded_by) == (
        alice,
        "present",
        "check_in",
        alice,
    )


def test_check_in_accepts_the_code_that_just_changed(workshop, alice):
    previous = service.check_in_code(workshop, at=timezone.now() - dt.timedelta(seconds=30))

    assert service.check_in(alice, workshop, previous).ok


def test_check_in_with_an_old_code_says_it_expired(workshop, alice):
    old = service.check_in_code(workshop, at=timezone.now() - dt.timedelta(minutes=5))

    outcome = service.check_in(alice, workshop, old)

    assert not outcome.ok
    assert outcome.message == "This code has expired: please type the code shown now."
    assert not Attendance.objects.exists()


def test_check_in_with_another_sessions_code_is_refused(workshop, alice):
    other = SessionFactory(
        programme=workshop.programme, starts_at=workshop.starts_at, ends_at=workshop.ends_at
    )

    outcome = service.check_in(alice, workshop, service.check_in_code(other))

    assert not outcome.ok
    assert outcome.message.startswith("This is not the code of this session.")


def test_check_in_twice_says_so(workshop, alice):
    code = service.check_in_code(workshop)
    service.check_in(alice, workshop, code)

    outcome = service.check_in(alice, workshop, code)

    assert (outcome.ok, outcome.level) == (False, "warning")
    assert outcome.message == "You have already checked in to this session."
    assert Attendance.objects.get().history.count() == 1


def test_check_in_by_someone_not_taking_part_is_refused(workshop):
    stranger = ParticipantFactory()

    outcome = service.check_in(stranger, workshop, service.check_in_code(workshop))

    assert not outcome.ok
    assert outcome.message.startswith("You are not among this session's participants")
    assert not Attendance.objects.exists()


def test_check_in_outside_the_window_is_refused(workshop, alice):
    code = service.check_in_code(workshop)

    early = service.check_in(alice, workshop, code, now=workshop.starts_at - dt.timedelta(hours=1))
    late = service.check_in(alice, workshop, code, now=workshop.ends_at + dt.timedelta(minutes=1))

    assert early.message.startswith("Check-in opens at")
    assert late.message == "Check-in for this session has closed: it has ended."


def test_check_in_with_garbage_says_what_a_code_is(workshop, alice):
    outcome = service.check_in(alice, workshop, "<script>")

    assert (
        outcome.message == "The check-in code is the six digits shown on the coordinators' screen."
    )


def test_check_in_stops_guessing_after_ten_wrong_codes(workshop, alice):
    for _ in range(service.MAX_FAILURES):
        service.check_in(alice, workshop, "000000")

    outcome = service.check_in(alice, workshop, service.check_in_code(workshop))

    assert outcome.message.startswith("Too many wrong codes")


# --- the page


def test_check_in_page_prefills_the_code_from_the_qr_link(client, workshop, alice):
    client.force_login(alice)
    code = service.check_in_code(workshop)

    response = client.get(reverse("participants:check_in", args=[workshop.pk]), {"code": code})

    assert response.status_code == 200
    assert f'value="{code}"' in response.content.decode()
    assert not Attendance.objects.exists()  # a GET never checks in


def test_check_in_post_marks_present_and_goes_back_to_the_session(client, workshop, alice):
    client.force_login(alice)

    response = client.post(
        reverse("participants:check_in", args=[workshop.pk]),
        {"code": service.check_in_code(workshop)},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == workshop.get_absolute_url()
    assert "You are checked in" in response.content.decode()
    assert Attendance.objects.get().participant == alice


def test_check_in_post_with_an_expired_code_shows_the_message(client, workshop, alice):
    client.force_login(alice)
    old = service.check_in_code(workshop, at=timezone.now() - dt.timedelta(minutes=3))

    response = client.post(
        reverse("participants:check_in", args=[workshop.pk]), {"code": old}, follow=True
    )

    assert "This code has expired" in response.content.decode()


def test_check_in_anonymous_is_sent_to_sign_in(client, workshop):
    response = client.get(reverse("participants:check_in", args=[workshop.pk]))

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_check_in_of_a_draft_programmes_session_is_not_found(client, workshop, alice):
    workshop.programme.status = "draft"
    workshop.programme.save()
    client.force_login(alice)

    response = client.post(reverse("participants:check_in", args=[workshop.pk]), {"code": "123456"})

    assert response.status_code == 404


def test_session_page_shows_the_check_in_form_during_the_session(client, workshop, alice):
    client.force_login(alice)

    html = client.get(workshop.get_absolute_url()).content.decode()

    assert reverse("participants:check_in", args=[workshop.pk]) in html


def test_session_page_shows_no_check_in_form_to_others(client, workshop):
    client.force_login(ParticipantFactory())

    html = client.get(workshop.get_absolute_url()).content.decode()

    assert reverse("participants:check_in", args=[workshop.pk]) not in html
