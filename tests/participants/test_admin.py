import pytest
from django.urls import reverse

from participants import services
from participants.enums import EnrolmentStatus as Status
from participants.models import Invitation
from programmes.enums import EnrolmentMode
from programmes.services import ensure_coordinators_group
from tests.factories import EnrolmentFactory, ProgrammeFactory, SessionFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:participants_enrolment_changelist"


@pytest.fixture(autouse=True)
def _coordinators_in_their_group(coordinator, charlie):
    """Coordinators hold the group's permissions; the admin narrows them to their programmes."""
    group = ensure_coordinators_group()
    coordinator.groups.add(group)
    charlie.groups.add(group)


@pytest.fixture
def approval_programme(programme):
    programme.enrolment_mode = EnrolmentMode.APPROVAL
    programme.save()
    return programme


def test_coordinator_sees_only_own_programmes_enrolments(client, coordinator, programme):
    own = EnrolmentFactory(programme=programme)
    EnrolmentFactory(programme=ProgrammeFactory(title="Trentino solidarity economy"))
    client.force_login(coordinator)

    response = client.get(reverse(CHANGELIST))

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [own]


def test_coordinator_of_another_programme_cannot_open_an_enrolment(client, charlie, programme):
    enrolment = EnrolmentFactory(programme=programme)
    client.force_login(charlie)

    response = client.get(reverse("admin:participants_enrolment_change", args=[enrolment.pk]))

    assert response.status_code == 404


def test_participant_cannot_open_the_admin_list(client, alice):
    client.force_login(alice)

    assert client.get(reverse(CHANGELIST)).status_code == 302


def test_approve_action_confirms_and_emails(
    client,
    django_capture_on_commit_callbacks,
    mailoutbox,
    coordinator,
    alice,
    approval_programme,
):
    enrolment = services.enrol(alice, approval_programme).obj
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse(CHANGELIST),
            {"action": "approve_selected", "_selected_action": [enrolment.pk]},
        )

    enrolment.refresh_from_db()
    assert enrolment.status == Status.CONFIRMED
    assert enrolment.decided_by == coordinator
    assert mailoutbox[-1].to == ["alice@example.org"]


def test_reject_action_by_other_coordinator_changes_nothing(
    client, charlie, alice, approval_programme
):
    enrolment = services.enrol(alice, approval_programme).obj
    client.force_login(charlie)

    client.post(
        reverse(CHANGELIST), {"action": "reject_selected", "_selected_action": [enrolment.pk]}
    )

    enrolment.refresh_from_db()
    assert enrolment.status == Status.PENDING


def test_coordinator_makes_an_invitation_link_that_works(client, coordinator, alice, programme):
    from programmes.services import ensure_coordinators_group

    coordinator.groups.add(ensure_coordinators_group())
    programme.enrolment_mode = EnrolmentMode.INVITATION
    programme.save()
    client.force_login(coordinator)

    response = client.post(
        reverse("admin:participants_invitation_add"),
        {
            "programme": programme.pk,
            "email": "Alice@example.org",
            "uses_allowed": "1",
            "expires_at_0": "2099-01-01",
            "expires_at_1": "12:00",
        },
    )

    invitation = Invitation.objects.get()
    assert response.status_code == 302
    assert (invitation.created_by, invitation.email) == (coordinator, "alice@example.org")
    page = client.get(reverse("admin:participants_invitation_change", args=[invitation.pk]))
    assert invitation.get_absolute_url() in page.content.decode()
    assert services.accept_invitation(alice, invitation.token).ok


def test_coordinator_revokes_a_link(client, coordinator, alice, programme):
    from programmes.services import ensure_coordinators_group

    coordinator.groups.add(ensure_coordinators_group())
    invitation = services.make_invitation(programme, uses_allowed=None)
    client.force_login(coordinator)

    client.post(
        reverse("admin:participants_invitation_changelist"),
        {"action": "revoke_selected", "_selected_action": [invitation.pk]},
    )

    assert not services.accept_invitation(alice, invitation.token).ok


def test_other_coordinator_neither_sees_nor_makes_links_for_the_programme(
    client, charlie, programme
):
    from programmes.services import ensure_coordinators_group

    charlie.groups.add(ensure_coordinators_group())
    invitation = services.make_invitation(programme)
    client.force_login(charlie)

    listed = client.get(reverse("admin:participants_invitation_changelist"))
    change = client.get(reverse("admin:participants_invitation_change", args=[invitation.pk]))
    made = client.post(
        reverse("admin:participants_invitation_add"),
        {"programme": programme.pk, "expires_at_0": "2099-01-01", "expires_at_1": "12:00"},
    )

    assert list(listed.context["cl"].result_list) == []
    assert change.status_code == 404
    assert made.status_code == 200
    assert "programme" in made.context["adminform"].form.errors
    assert Invitation.objects.count() == 1


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("en", "By invitation"),
        ("fr", "Par invitation"),
        ("it", "Per invito"),
        ("pt", "Por convite"),
    ],
)
def test_enrolment_list_filter_heading_says_by_invitation_once(
    client, coordinator, programme, language, heading
):
    client.force_login(coordinator)

    response = client.get(f"/{language}/admin/participants/enrolment/")

    content = " ".join(response.content.decode().split())
    assert f"<summary> {heading} </summary>" in content


def _enrol_and_cancel(participant, programme, times: int) -> None:
    for _attempt in range(times):
        enrolment = services.enrol(participant, programme).obj
        assert services.cancel_enrolment(enrolment).ok


def test_enrolment_list_shows_one_line_per_person_for_repeated_attempts(
    client, coordinator, alice, bob, programme
):
    _enrol_and_cancel(alice, programme, 21)
    current = services.enrol(alice, programme).obj
    _enrol_and_cancel(bob, programme, 3)
    client.force_login(coordinator)

    latest = client.get(reverse(CHANGELIST))
    every = client.get(reverse(CHANGELIST), {"attempts": "all"})

    assert current.status == Status.CONFIRMED
    rows = list(latest.context["cl"].result_list)
    assert [(row.participant, row.status) for row in rows] == [
        (bob, Status.CANCELLED),
        (alice, Status.CONFIRMED),
    ]
    assert every.context["cl"].result_count == 25
    assert "The latest per person" in latest.content.decode()


def test_registration_list_shows_one_line_per_person_for_repeated_attempts(
    client, coordinator, alice, programme
):
    session = SessionFactory(programme=programme, registration_required=True, capacity=10)
    services.enrol(alice, programme)
    for _attempt in range(5):
        registration = services.register_for_session(alice, session).obj
        services.cancel_registration(registration)
    client.force_login(coordinator)

    response = client.get(reverse("admin:participants_sessionregistration_changelist"))

    assert [row.status for row in response.context["cl"].result_list] == [Status.CANCELLED]


def test_enrolment_list_keeps_every_row_of_deleted_accounts(client, coordinator, programme):
    EnrolmentFactory.create_batch(
        3,
        participant=None,
        organisation_kind="cooperative",
        country="IT",
        programme=programme,
        status="cancelled",
    )
    client.force_login(coordinator)

    response = client.get(reverse(CHANGELIST))

    assert response.context["cl"].result_count == 3
