import pytest
from django.urls import reverse

from participants import services
from participants.enums import EnrolmentStatus as Status
from programmes.enums import EnrolmentMode
from programmes.services import ensure_coordinators_group
from tests.factories import EnrolmentFactory, ProgrammeFactory

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


def test_invitation_link_view_makes_a_working_link(client, coordinator, alice, programme):
    programme.enrolment_mode = EnrolmentMode.INVITATION
    programme.save()
    client.force_login(coordinator)

    response = client.post(
        reverse("admin:participants_enrolment_invitation"),
        {"programme": programme.pk, "email": "alice@example.org"},
    )

    link = response.context["link"]
    assert link.startswith("http://testserver/")
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert services.accept_invitation(alice, token).ok


def test_invitation_link_view_refuses_other_coordinators_programmes(client, charlie, programme):
    client.force_login(charlie)

    response = client.post(
        reverse("admin:participants_enrolment_invitation"), {"programme": programme.pk}
    )

    assert response.context["link"] == ""
    assert "programme" in response.context["form"].errors
