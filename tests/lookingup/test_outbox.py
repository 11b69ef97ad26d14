"""The outbox: a mail is a row of the transaction that causes it, delivered once."""

import datetime as dt
import smtplib

import pytest
from django.core import mail as django_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from lookingup import outbox
from lookingup.enums import MailState
from lookingup.models import Mail
from participants import services
from participants.privacy import delete_account
from tests.admin_helpers import admin_url
from tests.factories import ParticipantFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(coordinator):
    programme = ProgrammeFactory(title="LOOKING UP", original_language="en")
    programme.coordinators.add(coordinator)
    return programme


@pytest.fixture
def refusing_smtp(settings, unused_port):
    """An SMTP server nobody listens on: every send fails to connect."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", unused_port, 2
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False


@pytest.fixture
def unused_port():
    from tests.integration.conftest import free_port

    return free_port()


def _queue(person, key="test:1", **kwargs):
    return outbox.queue_mail("test_message", to=person, key=key, **kwargs)


def test_queue_mail_in_a_rolled_back_transaction_leaves_nothing(
    django_capture_on_commit_callbacks, mailoutbox
):
    person = ParticipantFactory()

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(ZeroDivisionError),
        transaction.atomic(),
    ):
        _queue(person)
        1 / 0  # noqa: B018 - the change fails after queueing its mail

    assert Mail.objects.count() == 0
    assert mailoutbox == []


def test_queue_mail_same_cause_twice_queues_one_mail(django_capture_on_commit_callbacks):
    person = ParticipantFactory()

    with django_capture_on_commit_callbacks(execute=False):
        first = _queue(person)
        second = _queue(person)

    assert second is None
    assert list(Mail.objects.values_list("pk", flat=True)) == [first.pk]


def test_queue_mail_same_cause_again_leaves_the_transaction_usable():
    person = ParticipantFactory()

    with transaction.atomic():
        first = _queue(person, wake_now=False)
        again = _queue(person, wake_now=False)
        later = _queue(person, key="test:2", wake_now=False)

    assert (again, first.pk < later.pk) == (None, True)
    assert Mail.objects.get(pk=first.pk).key == "test:1"


@pytest.fixture
def wake_ups(monkeypatch):
    """What the outbox asks the broker for, in order, instead of asking it."""
    calls = []
    monkeypatch.setattr(outbox, "wake", lambda mail_ids=None: calls.append(mail_ids))
    return calls


def test_wake_ups_outside_a_request_go_at_commit(django_capture_on_commit_callbacks, wake_ups):
    person = ParticipantFactory()

    with django_capture_on_commit_callbacks(execute=True):
        first = _queue(person)
    with django_capture_on_commit_callbacks(execute=True):
        second = _queue(person, key="test:2")

    assert wake_ups == [[first.pk], [second.pk]]


def test_wake_ups_of_a_request_go_in_one_after_its_response(
    django_capture_on_commit_callbacks, wake_ups
):
    person = ParticipantFactory()

    outbox.collect_wake_ups()  # request_started
    with django_capture_on_commit_callbacks(execute=True):
        second = _queue(person, key="test:2")
    with django_capture_on_commit_callbacks(execute=True):
        first = _queue(person, key="test:1")
    with django_capture_on_commit_callbacks(execute=False):
        _queue(person, key="test:rolled-back")  # its transaction never commits
    sent_before_the_response = list(wake_ups)
    outbox.send_wake_ups()  # request_finished
    outbox.send_wake_ups()  # nothing is sent twice

    assert sent_before_the_response == []
    assert wake_ups == [sorted([first.pk, second.pk])]


def test_a_request_waking_every_due_mail_sends_one_wake_up(
    django_capture_on_commit_callbacks, wake_ups
):
    people = ParticipantFactory.create_batch(2)

    outbox.collect_wake_ups()
    with django_capture_on_commit_callbacks(execute=True):
        _queue(people[0])
        outbox.queue_many([outbox.Letter("test_message", people[1], "test:many", {})])
    outbox.send_wake_ups()

    assert wake_ups == [None]


def test_queued_mail_is_sent_after_commit_in_the_recipients_language(
    django_capture_on_commit_callbacks, mailoutbox
):
    person = ParticipantFactory(preferred_language="pt")

    with django_capture_on_commit_callbacks(execute=True):
        mail = _queue(person)

    mail.refresh_from_db()
    assert (mail.state, mail.attempts, mail.to, mail.language) == (
        MailState.SENT,
        1,
        person.email,
        "pt",
    )
    assert mail.sent_at is not None
    [message] = mailoutbox
    assert message.to == [person.email]
    assert message.subject == "Mensagem de teste do LOOKING UP"


def test_enrolment_confirmed_mail_is_a_row_with_its_cause(
    django_capture_on_commit_callbacks, mailoutbox, programme
):
    person = ParticipantFactory()

    with django_capture_on_commit_callbacks(execute=True):
        outcome = services.enrol(person, programme)

    mail = Mail.objects.get()
    assert mail.key == f"enrolment:{outcome.obj.pk}:confirmed"
    assert (mail.kind, mail.programme, mail.state) == (
        "enrolment-confirmed",
        programme,
        MailState.SENT,
    )
    assert len(mailoutbox) == 1


def test_claimed_mail_is_not_claimed_again_until_its_lease_ends():
    person = ParticipantFactory()
    mail = _queue(person, wake_now=False)
    now = timezone.now()

    first = outbox.claim(now=now)
    again = outbox.claim(now=now + dt.timedelta(seconds=10))
    after_lease = outbox.claim(now=now + dt.timedelta(seconds=outbox.lease_seconds() + 1))

    assert [m.pk for m in first] == [mail.pk]
    assert again == []
    assert [m.pk for m in after_lease] == [mail.pk]
    assert Mail.objects.get().attempts == 2


def test_delivery_failure_is_retried_later_with_the_error_kept(refusing_smtp, settings):
    settings.OUTBOX_RETRY_SECONDS = 60
    mail = _queue(ParticipantFactory(), wake_now=False)
    before = timezone.now()

    delivery = outbox.deliver()

    mail.refresh_from_db()
    assert delivery.retried == [mail.pk]
    assert (mail.state, mail.attempts) == (MailState.QUEUED, 1)
    assert mail.due_at >= before + dt.timedelta(seconds=60)
    assert "refused" in mail.last_error.lower()
    assert outbox.deliver().count == 0  # not due yet


def test_delivery_fails_for_good_after_the_last_attempt(refusing_smtp, settings):
    settings.OUTBOX_MAX_ATTEMPTS = 2
    mail = _queue(ParticipantFactory(), wake_now=False)

    outbox.deliver()
    Mail.objects.filter(pk=mail.pk).update(due_at=timezone.now())
    delivery = outbox.deliver()

    mail.refresh_from_db()
    assert delivery.failed == [mail.pk]
    assert (mail.state, mail.attempts) == (MailState.FAILED, 2)


def test_a_refused_recipient_fails_at_once(settings, monkeypatch):
    mail = _queue(ParticipantFactory(), wake_now=False)

    def refuse(self, messages):
        raise smtplib.SMTPRecipientsRefused({mail.to: (550, b"No such mailbox")})

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)

    delivery = outbox.deliver()

    mail.refresh_from_db()
    assert delivery.failed == [mail.pk]
    assert mail.state == MailState.FAILED
    assert "550" in mail.last_error


def test_mail_about_something_deleted_is_not_sent(mailoutbox):
    mail = outbox.queue_mail(
        "enrolment-confirmed",
        to=ParticipantFactory(),
        key="enrolment:999:confirmed",
        context={"enrolment_id": 999},
        wake_now=False,
    )

    delivery = outbox.deliver()

    mail.refresh_from_db()
    assert delivery.cancelled == [mail.pk]
    assert mail.state == MailState.CANCELLED
    assert mailoutbox == []


def test_deleting_an_account_drops_its_unsent_mail_and_address():
    person = ParticipantFactory(email="erased@example.org")
    sent = _queue(person, key="test:sent", wake_now=False)
    outbox.deliver()
    unsent = _queue(person, key="test:unsent", wake_now=False)

    delete_account(person)

    sent.refresh_from_db()
    unsent.refresh_from_db()
    assert (sent.state, sent.to) == (MailState.SENT, "")
    assert (unsent.state, unsent.to) == (MailState.CANCELLED, "")
    assert not Mail.objects.filter(to__icontains="erased").exists()


def test_broker_down_enrolment_succeeds_and_the_sweep_sends_the_mail_later(
    client, settings, programme, unused_port
):
    """The broker refuses connections: the person is enrolled and told so, the mail waits."""
    from lookingup.celery import app

    person = ParticipantFactory()
    client.force_login(person)
    dead_broker = f"redis://127.0.0.1:{unused_port}/0"
    saved = app.conf.broker_url, app.conf.task_always_eager
    app.conf.update(broker_url=dead_broker, task_always_eager=False)
    app._pool = None
    try:
        response = client.post(
            reverse("participants:enrol", kwargs={"slug": programme.slug}), follow=True
        )
    finally:
        app.conf.update(broker_url=saved[0], task_always_eager=saved[1])
        app._pool = None

    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert messages == ["You are enrolled in “LOOKING UP”. A confirmation is on its way by email."]
    mail = Mail.objects.get()
    assert mail.state == MailState.QUEUED
    assert len(django_mail.outbox) == 0

    delivery = outbox.deliver_due()

    assert delivery.sent == [mail.pk]
    assert [m.to for m in django_mail.outbox] == [[person.email]]


def test_sign_up_mail_goes_through_the_outbox(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_signup"),
            {
                "email": "nuova@example.org",
                "password1": "Torino-residency-2023",
                "password2": "Torino-residency-2023",
                "full_name": "Nuova Persona",
                "new_organisation": "Cooperativa Nuova",
                "organisation_kind": "cooperative",
                "role": "worker",
                "country": "IT",
                "preferred_language": "it",
                "privacy_consent": "on",
            },
        )

    assert response.status_code == 302
    mail = Mail.objects.get()
    assert (mail.kind, mail.to, mail.state) == (
        "account-email_confirmation_signup",
        "nuova@example.org",
        MailState.SENT,
    )
    assert mail.rendered is None  # the confirmation key is not kept once sent
    assert [m.to for m in mailoutbox] == [["nuova@example.org"]]


# --- The admin


def test_coordinator_sees_only_their_programmes_mail(client, coordinator, programme, charlie):
    from programmes.services import ensure_coordinators_group

    coordinator.groups.add(ensure_coordinators_group())
    other = charlie.coordinated_programmes.get()
    person = ParticipantFactory()
    _queue(person, key="ours", programme_id=programme.pk, wake_now=False)
    _queue(person, key="theirs", programme_id=other.pk, wake_now=False)
    _queue(person, key="nobodys", wake_now=False)
    client.force_login(coordinator)

    response = client.get(admin_url("lookingup_mail_changelist"))

    assert response.status_code == 200
    assert [m.key for m in response.context["cl"].result_list] == ["ours"]
    theirs = Mail.objects.get(key="theirs")
    assert client.get(admin_url("lookingup_mail_change", theirs.pk)).status_code == 404


def test_send_again_action_queues_failed_mail_and_sends_it(
    client, superuser, mailoutbox, django_capture_on_commit_callbacks
):
    mail = _queue(ParticipantFactory(), wake_now=False)
    Mail.objects.filter(pk=mail.pk).update(state=MailState.FAILED, attempts=6, last_error="x")
    client.force_login(superuser)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            admin_url("lookingup_mail_changelist"),
            {"action": "send_again", "_selected_action": [mail.pk]},
            follow=True,
        )

    mail.refresh_from_db()
    assert [str(m) for m in response.context["messages"]] == ["1 email queued again."]
    assert (mail.state, mail.attempts, mail.last_error) == (MailState.SENT, 1, "")
    assert len(mailoutbox) == 1


def test_a_batch_keeps_to_the_providers_rate_and_one_connection(settings, monkeypatch):
    """EMAIL_RATE_PER_SECOND paces the sends; the batch opens one SMTP connection."""
    from django.core.mail.backends.locmem import EmailBackend

    settings.EMAIL_RATE_PER_SECOND = 4
    waits, connections = [], []
    monkeypatch.setattr(outbox.time, "sleep", waits.append)
    monkeypatch.setattr(
        outbox, "get_connection", lambda: connections.append(EmailBackend()) or connections[-1]
    )
    for n in range(5):
        _queue(ParticipantFactory(), key=f"paced:{n}", wake_now=False)

    delivery = outbox.deliver()

    assert len(delivery.sent) == 5
    assert len(connections) == 1
    assert len(waits) == 5
    assert all(0.2 < wait <= 0.25 for wait in waits)
