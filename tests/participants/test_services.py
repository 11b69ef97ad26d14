import base64
import datetime as dt

import pytest
from django.utils import timezone

from participants import services
from participants.enums import EnrolmentStatus as Status
from participants.models import Enrolment, Invitation, SessionRegistration
from programmes.enums import EnrolmentMode, ProgrammeStatus
from sessions_app.enums import SessionKind, SessionStatus
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    ParticipantFactory,
    ProgrammeFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


# --- enrol


def test_enrol_open_programme_confirms_while_seats_remain(alice, programme, cohort):
    outcome = services.enrol(alice, programme)

    assert outcome.ok
    assert outcome.obj.status == Status.CONFIRMED
    assert outcome.obj.cohort == cohort
    assert outcome.obj.organisation_kind == "cooperative"
    assert outcome.obj.country == "IT"


def test_enrol_full_cohort_gives_waiting_list_place_with_position(alice, bob, programme, cohort):
    EnrolmentFactory.create_batch(2, programme=programme, cohort=cohort)
    services.enrol(alice, programme)

    outcome = services.enrol(bob, programme)

    assert outcome.ok
    assert outcome.obj.status == Status.WAITING
    assert outcome.message == "This group is full: you are number 2 on the waiting list."
    assert outcome.level == "warning"


def test_enrol_without_cohorts_has_no_limit(alice, programme):
    outcome = services.enrol(alice, programme)

    assert outcome.obj.status == Status.CONFIRMED
    assert outcome.obj.cohort is None


def test_enrol_several_cohorts_asks_to_choose(alice, programme, cohort):
    CohortFactory(programme=programme, name="Hub Sud")

    outcome = services.enrol(alice, programme)

    assert not outcome.ok
    assert outcome.message == "Please choose a group (cohort) to join."
    assert Enrolment.objects.count() == 0


def test_enrol_cohort_of_another_programme_is_refused(alice, programme):
    foreign = CohortFactory(name="Fryslân delegation")

    outcome = services.enrol(alice, programme, cohort=foreign)

    assert outcome.message == "This group belongs to another programme."


def test_enrol_twice_says_already_enrolled(alice, programme):
    services.enrol(alice, programme)

    outcome = services.enrol(alice, programme)

    assert not outcome.ok
    assert outcome.message == "You are already enrolled in this programme."
    assert Enrolment.objects.count() == 1


def test_enrol_after_cancelling_is_allowed(alice, programme):
    services.cancel_enrolment(services.enrol(alice, programme).obj)

    outcome = services.enrol(alice, programme)

    assert outcome.ok
    assert Enrolment.objects.filter(participant=alice).count() == 2


def test_enrol_after_rejection_is_refused(alice, programme, coordinator):
    programme.enrolment_mode = EnrolmentMode.APPROVAL
    programme.save()
    services.reject(services.enrol(alice, programme).obj, by=coordinator)

    outcome = services.enrol(alice, programme)

    assert not outcome.ok
    assert "declined" in outcome.message


def test_enrol_without_consent_is_refused(programme):
    person = UserFactory()

    outcome = services.enrol(person, programme)

    assert outcome.message == (
        "Please accept the current privacy notice in your profile before enrolling."
    )


def test_enrol_with_consent_to_an_older_notice_is_refused(alice, programme, settings):
    settings.PRIVACY_NOTICE_VERSION = "2099-01"

    outcome = services.enrol(alice, programme)

    assert not outcome.ok


def test_enrol_before_opening_names_the_date(alice, programme):
    programme.enrolment_opens_at = timezone.now() + dt.timedelta(days=3)
    programme.save()

    outcome = services.enrol(alice, programme)

    assert not outcome.ok
    assert outcome.message.startswith("Enrolment opens on ")


def test_enrol_after_closing_is_refused(alice, programme):
    programme.enrolment_closes_at = timezone.now() - dt.timedelta(hours=1)
    programme.enrolment_opens_at = timezone.now() - dt.timedelta(days=10)
    programme.save()

    outcome = services.enrol(alice, programme)

    assert outcome.message == "Enrolment for this programme is closed."


def test_enrol_in_draft_programme_is_refused(alice, programme):
    programme.status = ProgrammeStatus.DRAFT
    programme.save()

    assert services.enrol(alice, programme).message == "This programme is not open for enrolment."


def test_enrol_approval_programme_is_pending(alice, programme, cohort):
    programme.enrolment_mode = EnrolmentMode.APPROVAL
    programme.save()

    outcome = services.enrol(alice, programme)

    assert outcome.obj.status == Status.PENDING
    assert "has been sent" in outcome.message


def test_enrol_invitation_programme_without_invitation_is_refused(alice, programme):
    programme.enrolment_mode = EnrolmentMode.INVITATION
    programme.save()

    outcome = services.enrol(alice, programme)

    assert outcome.message == (
        "This programme is by invitation only: ask its coordinators for a link."
    )


# --- approve, reject, promotion


def test_approve_gives_a_seat_or_the_waiting_list(alice, bob, coordinator, programme, cohort):
    programme.enrolment_mode = EnrolmentMode.APPROVAL
    programme.save()
    EnrolmentFactory(programme=programme, cohort=cohort)
    first = services.enrol(alice, programme).obj
    second = services.enrol(bob, programme).obj

    services.approve(first, by=coordinator)
    outcome = services.approve(second, by=coordinator)

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Status.CONFIRMED
    assert first.decided_by == coordinator
    assert second.status == Status.WAITING
    assert outcome.level == "warning"


def test_approve_twice_is_refused(alice, coordinator, programme):
    programme.enrolment_mode = EnrolmentMode.APPROVAL
    programme.save()
    enrolment = services.enrol(alice, programme).obj
    services.approve(enrolment, by=coordinator)

    outcome = services.approve(enrolment, by=coordinator)

    assert outcome.message == "Only pending requests can be approved."


def test_reject_confirmed_promotes_the_next_in_line(alice, bob, coordinator, programme, cohort):
    holder = EnrolmentFactory(programme=programme, cohort=cohort)
    EnrolmentFactory(programme=programme, cohort=cohort)
    waiting = services.enrol(alice, programme).obj

    services.reject(holder, by=coordinator)

    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED


def test_cancel_promotes_waiting_list_first_come_first_served(programme, cohort):
    seated = EnrolmentFactory.create_batch(2, programme=programme, cohort=cohort)
    now = timezone.now()
    later = EnrolmentFactory(
        programme=programme, cohort=cohort, status=Status.WAITING, queued_at=now
    )
    earlier = EnrolmentFactory(
        programme=programme,
        cohort=cohort,
        status=Status.WAITING,
        queued_at=now - dt.timedelta(minutes=5),
    )

    outcome = services.cancel_enrolment(seated[0])

    assert outcome.message == "Your place has been cancelled."
    earlier.refresh_from_db()
    later.refresh_from_db()
    assert (earlier.status, later.status) == (Status.CONFIRMED, Status.WAITING)
    assert services.waiting_position(later) == 1


def test_raising_capacity_promotes_the_waiting_list(
    django_capture_on_commit_callbacks, programme, cohort
):
    EnrolmentFactory.create_batch(2, programme=programme, cohort=cohort)
    waiting = EnrolmentFactory(programme=programme, cohort=cohort, status=Status.WAITING)

    with django_capture_on_commit_callbacks(execute=True):
        cohort.capacity = 3
        cohort.save()

    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED


def test_promote_waiting_with_no_free_seat_promotes_nobody(programme, cohort):
    EnrolmentFactory.create_batch(2, programme=programme, cohort=cohort)
    EnrolmentFactory(programme=programme, cohort=cohort, status=Status.WAITING)

    assert services.promote_waiting(cohort) == []


# --- cancel


def test_cancel_after_notice_period_is_refused(alice, programme):
    enrolment = services.enrol(alice, programme).obj
    start = services.programme_starts_at(programme)

    outcome = services.cancel_enrolment(enrolment, now=start - dt.timedelta(hours=47))

    assert not outcome.ok
    assert outcome.message.startswith("It is too late to cancel online")
    enrolment.refresh_from_db()
    assert enrolment.status == Status.CONFIRMED


def test_cancel_waiting_place_is_allowed_at_any_time(programme, cohort):
    EnrolmentFactory.create_batch(2, programme=programme, cohort=cohort)
    waiting = EnrolmentFactory(programme=programme, cohort=cohort, status=Status.WAITING)

    outcome = services.cancel_enrolment(waiting, now=timezone.now() + dt.timedelta(days=100))

    assert outcome.message == "You have left the waiting list."


def test_cancel_twice_is_refused(alice, programme):
    enrolment = services.enrol(alice, programme).obj
    services.cancel_enrolment(enrolment)

    assert services.cancel_enrolment(enrolment).message == "This place has already been cancelled."


def test_cancel_enrolment_cancels_its_session_registrations(alice, programme):
    enrolment = services.enrol(alice, programme).obj
    residency = SessionFactory(
        programme=programme, kind=SessionKind.RESIDENCY, registration_required=True, city="Lecce"
    )
    registration = services.register_for_session(alice, residency).obj

    services.cancel_enrolment(enrolment)

    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED


# --- sessions


@pytest.fixture
def residency(programme):
    """The Torino residency: three seats, registration needed."""
    return SessionFactory(
        programme=programme,
        kind=SessionKind.RESIDENCY,
        title="Residenza Torino",
        city="Torino",
        registration_required=True,
        capacity=1,
    )


def test_register_confirmed_participant_gets_a_seat(alice, programme, residency):
    services.enrol(alice, programme)

    outcome = services.register_for_session(alice, residency)

    assert outcome.ok
    assert outcome.obj.status == Status.CONFIRMED


def test_register_full_session_gives_waiting_position(alice, bob, programme, residency):
    services.enrol(alice, programme)
    services.enrol(bob, programme)
    services.register_for_session(alice, residency)

    outcome = services.register_for_session(bob, residency)

    assert outcome.message == "This session is full: you are number 1 on the waiting list."


def test_register_without_enrolment_is_refused(alice, residency):
    outcome = services.register_for_session(alice, residency)

    assert outcome.message == (
        "Please enrol in the programme first; registration is for confirmed participants."
    )


def test_register_for_cancelled_session_is_refused(alice, programme, residency):
    services.enrol(alice, programme)
    residency.status = SessionStatus.CANCELLED
    residency.save()

    assert services.register_for_session(alice, residency).message == (
        "This session has been cancelled."
    )


def test_register_for_session_without_registration_is_refused(alice, programme):
    services.enrol(alice, programme)
    webinar = SessionFactory(programme=programme)

    outcome = services.register_for_session(alice, webinar)

    assert outcome.message == "This session needs no registration: everyone enrolled takes part."


def test_register_for_other_cohort_session_is_refused(alice, programme, cohort):
    services.enrol(alice, programme)
    south = CohortFactory(programme=programme, name="Hub Sud")
    visit = SessionFactory(programme=programme, registration_required=True, cohorts=[south])

    assert services.register_for_session(alice, visit).message == (
        "This session is for another group of the programme."
    )


def test_register_for_started_session_is_refused(alice, programme, residency):
    services.enrol(alice, programme)

    outcome = services.register_for_session(alice, residency, now=residency.starts_at)

    assert outcome.message == "Registration for this session is closed: it has already started."


def test_register_twice_says_already_registered(alice, programme, residency):
    services.enrol(alice, programme)
    services.register_for_session(alice, residency)

    outcome = services.register_for_session(alice, residency)

    assert outcome.message == "You are already registered for this session."
    assert SessionRegistration.objects.count() == 1


def test_cancel_registration_promotes_next(alice, bob, programme, residency):
    services.enrol(alice, programme)
    services.enrol(bob, programme)
    seat = services.register_for_session(alice, residency).obj
    waiting = services.register_for_session(bob, residency).obj

    services.cancel_registration(seat)

    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED


def test_cancel_registration_after_notice_period_is_refused(alice, programme, residency):
    services.enrol(alice, programme)
    seat = services.register_for_session(alice, residency).obj

    outcome = services.cancel_registration(seat, now=residency.starts_at - dt.timedelta(hours=1))

    assert not outcome.ok


# --- invitations


@pytest.fixture
def invitation_programme(programme):
    programme.enrolment_mode = EnrolmentMode.INVITATION
    programme.save()
    return programme


def test_accept_invitation_enrols_and_counts_the_use(alice, invitation_programme):
    invitation = services.make_invitation(invitation_programme, email="ALICE@example.org")

    outcome = services.accept_invitation(alice, invitation.token)

    invitation.refresh_from_db()
    assert outcome.ok
    assert outcome.obj.invited
    assert invitation.uses == 1


def test_invitation_token_is_opaque(invitation_programme):
    invitation = services.make_invitation(invitation_programme, email="alice@example.org")

    assert len(invitation.token) >= 32
    assert "alice" not in base64.urlsafe_b64decode(invitation.token + "==").decode("latin-1")


def test_accept_invitation_for_another_email_is_refused(bob, invitation_programme):
    invitation = services.make_invitation(invitation_programme, email="alice@example.org")

    outcome = services.accept_invitation(bob, invitation.token)

    assert not outcome.ok
    assert "another email address" in outcome.message


def test_accept_unknown_invitation_is_refused(alice, invitation_programme):
    invitation = services.make_invitation(invitation_programme)

    outcome = services.accept_invitation(alice, invitation.token[:-3] + "abc")

    assert outcome.message == (
        "This invitation link is not valid. Please check that you copied all of it."
    )


def test_accept_expired_invitation_is_refused(alice, invitation_programme):
    invitation = services.make_invitation(invitation_programme)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())

    outcome = services.accept_invitation(alice, invitation.token)

    assert outcome.message.startswith("This invitation link has expired.")


def test_accept_revoked_invitation_is_refused(alice, invitation_programme):
    invitation = services.make_invitation(invitation_programme, uses_allowed=None)

    services.revoke_invitations(Invitation.objects.filter(pk=invitation.pk))
    outcome = services.accept_invitation(alice, invitation.token)

    assert outcome.message.startswith("This invitation link has been withdrawn.")
    assert not Enrolment.objects.exists()


def test_single_use_invitation_works_once(alice, bob, invitation_programme):
    invitation = services.make_invitation(invitation_programme)

    first = services.accept_invitation(alice, invitation.token)
    second = services.accept_invitation(bob, invitation.token)

    assert first.ok
    assert second.message.startswith("This invitation link has already been used.")


def test_open_invitation_works_for_many_until_revoked(invitation_programme):
    invitation = services.make_invitation(invitation_programme, uses_allowed=None)
    people = ParticipantFactory.create_batch(3)

    outcomes = [services.accept_invitation(person, invitation.token) for person in people]

    invitation.refresh_from_db()
    assert [outcome.ok for outcome in outcomes] == [True, True, True]
    assert invitation.uses == 3


def test_refused_enrolment_does_not_use_up_the_link(alice, invitation_programme):
    invitation = services.make_invitation(invitation_programme, uses_allowed=2)
    services.accept_invitation(alice, invitation.token)

    again = services.accept_invitation(alice, invitation.token)

    invitation.refresh_from_db()
    assert again.message == "You are already enrolled in this programme."
    assert invitation.uses == 1


# --- sessions_for


def test_sessions_for_follows_cohorts_and_registrations(alice, programme, cohort):
    services.enrol(alice, programme)
    whole = SessionFactory(programme=programme, title="Plenary")
    own = SessionFactory(programme=programme, title="North module", cohorts=[cohort])
    other = SessionFactory(
        programme=programme,
        title="South module",
        cohorts=[CohortFactory(programme=programme, name="Hub Sud")],
    )
    needs_registration = SessionFactory(programme=programme, registration_required=True)
    SessionFactory(title="Elsewhere")

    sessions = set(services.sessions_for(alice))

    assert sessions == {whole, own}
    assert other not in sessions and needs_registration not in sessions


def test_sessions_for_ignores_other_people(alice, bob, programme):
    services.enrol(bob, programme)
    SessionFactory(programme=programme)

    assert list(services.sessions_for(alice)) == []


def test_participant_factory_can_enrol():
    programme = ProgrammeFactory()

    assert services.enrol(ParticipantFactory(), programme).ok
