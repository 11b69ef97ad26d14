"""Coordinators hear about requests awaiting approval: one email each, or a daily digest."""

import pytest
from django.utils import translation

from lookingup.models import Mail
from participants import services
from participants.services import approvals
from participants.tasks import task_send_approval_digests
from programmes.enums import EnrolmentMode
from tests.factories import ParticipantFactory, ProgrammeFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trentino():
    """Trentino solidarity economy: study visits on approval."""
    return ProgrammeFactory(
        title="Trentino solidarity economy", enrolment_mode=EnrolmentMode.APPROVAL
    )


def staff(email, **kwargs):
    return UserFactory(email=email, is_staff=True, **kwargs)


def request_to_join(programme, capture, **person):
    with capture(execute=True):
        return services.enrol(ParticipantFactory(**person), programme).obj


def test_each_coordinator_gets_the_request_in_their_language(
    trentino, mailoutbox, django_capture_on_commit_callbacks
):
    dana = staff("dana@example.org", preferred_language="it")
    ester = staff("ester@example.org", preferred_language="en", approval_digest=True)
    trentino.coordinators.add(dana, ester)

    request_to_join(
        trentino,
        django_capture_on_commit_callbacks,
        full_name="Marta Leoni",
        email="marta@example.org",
    )

    to_dana = [m for m in mailoutbox if m.to == ["dana@example.org"]]
    assert [m.to for m in mailoutbox if m.to == ["ester@example.org"]] == []  # digest instead
    assert len(to_dana) == 1
    with translation.override("it"):
        expected = translation.gettext("A request to join “%(title)s” awaits your approval") % {
            "title": "Trentino solidarity economy"
        }
    assert to_dana[0].subject == expected
    assert "marta@example.org" in to_dana[0].body
    assert (
        f"/it/admin/participants/enrolment/?status__exact=pending&programme__id__exact={trentino.pk}"
        in to_dana[0].body
    )


def test_a_programme_without_coordinators_asks_the_superusers(
    trentino, mailoutbox, django_capture_on_commit_callbacks
):
    UserFactory(email="root@example.org", is_staff=True, is_superuser=True)

    request_to_join(trentino, django_capture_on_commit_callbacks)

    assert ["root@example.org"] in [m.to for m in mailoutbox]


def test_a_request_decided_before_the_mail_leaves_sends_nothing(
    trentino, mailoutbox, django_capture_on_commit_callbacks
):
    dana = staff("dana@example.org")
    trentino.coordinators.add(dana)
    enrolment = services.enrol(ParticipantFactory(), trentino).obj  # queued, not yet sent
    services.approve(enrolment, by=dana)

    from lookingup import outbox

    outbox.deliver_due()

    assert [m for m in mailoutbox if m.to == ["dana@example.org"]] == []
    assert Mail.objects.get(kind="approval-request").state == "cancelled"


def test_daily_digest_lists_the_pending_requests_once_a_day(
    trentino, mailoutbox, django_capture_on_commit_callbacks
):
    ester = staff("ester@example.org", preferred_language="en", approval_digest=True)
    trentino.coordinators.add(ester)
    for name in ("Marta Leoni", "Paolo Dalla Via"):
        request_to_join(trentino, django_capture_on_commit_callbacks, full_name=name)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert task_send_approval_digests.delay().get() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert approvals.send_approval_digests() == 0  # the same day again

    assert len(mailoutbox) == 1
    digest = mailoutbox[0]
    assert digest.to == ["ester@example.org"]
    assert digest.subject == "2 requests await your approval"
    assert "Marta Leoni" in digest.body and "Paolo Dalla Via" in digest.body


def test_profile_offers_the_digest_to_coordinators_only(client):
    coordinator = staff("dana@example.org")
    participant = ParticipantFactory()

    client.force_login(coordinator)
    assert "approval_digest" in client.get("/en/me/profile/").context["form"].fields
    client.force_login(participant)
    assert "approval_digest" not in client.get("/en/me/profile/").context["form"].fields
