"""The outbox against real components: a Celery worker (killed on purpose), beat, a broker that
goes away, and an SMTP server. Every mail arrives exactly once."""

import os
import shutil
import signal
import subprocess
import time

import pytest
from django.db import transaction
from django.urls import reverse

from lookingup import outbox
from lookingup.enums import MailState
from lookingup.models import Mail
from tests.factories import ParticipantFactory, ProgrammeFactory
from tests.integration.conftest import (
    Broker,
    broker_for_test_process,
    free_port,
    pool_children,
    start_worker,
    stop_worker,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

# A short lease and a sweep every second, so that what production does in minutes takes
# seconds here.
FAST = {"OUTBOX_SWEEP_SECONDS": "1", "OUTBOX_LEASE_SECONDS": "3", "OUTBOX_RETRY_SECONDS": "1"}


def _queue(count: int) -> list[str]:
    """``count`` mails to different people, queued without waking anyone."""
    addresses = []
    with transaction.atomic():
        for n in range(count):
            person = ParticipantFactory(email=f"person{n:03}@example.org")
            outbox.queue_mail("test_message", to=person, key=f"test:{n}", wake_now=False)
            addresses.append(person.email)
    return addresses


def _settle(sink, expected: int, seconds: float = 4) -> list[str]:
    """Wait for ``expected`` mails, then a little longer: a duplicate would show up too."""
    sink.wait_for(expected, timeout=60)
    time.sleep(seconds)
    return sink.recipients()


def test_pool_child_killed_mid_send_the_mail_arrives_once(smtp_sink, celery_broker):
    smtp_sink.rcpt_delay = 5
    worker = start_worker(celery_broker, smtp_sink=smtp_sink, pool="prefork", extra_env=FAST)
    try:
        with broker_for_test_process(celery_broker):
            [address] = _queue(1)
            outbox.wake()
            smtp_sink.wait_for_rcpt(1)
            [child] = pool_children(worker)
            os.kill(child, signal.SIGKILL)  # in the middle of the SMTP transaction
            smtp_sink.rcpt_delay = 0
            time.sleep(4)  # the lease ends
            outbox.wake()  # what beat's sweep does

            assert _settle(smtp_sink, 1) == [address]
    finally:
        stop_worker(worker)
    mail = Mail.objects.get()
    assert (mail.state, mail.attempts) == (MailState.SENT, 2)


def test_worker_killed_mid_batch_another_sends_the_rest_exactly_once(smtp_sink, celery_broker):
    smtp_sink.rcpt_delay = 0.3
    first = start_worker(celery_broker, smtp_sink=smtp_sink, extra_env=FAST)
    with broker_for_test_process(celery_broker):
        addresses = _queue(12)
        outbox.wake()
        smtp_sink.wait_for_rcpt(5)
        stop_worker(first)  # SIGKILL, while the fifth mail is in its SMTP transaction
        delivered_by_first = len(smtp_sink.messages)
        smtp_sink.rcpt_delay = 0
        second = start_worker(celery_broker, smtp_sink=smtp_sink, beat=True, extra_env=FAST)
        try:
            recipients = _settle(smtp_sink, 12)
        finally:
            stop_worker(second)

    assert delivered_by_first == 4
    assert recipients == addresses
    assert set(Mail.objects.values_list("state", flat=True)) == {MailState.SENT}


def test_two_sweeps_at_once_send_each_mail_once(smtp_sink, celery_broker):
    smtp_sink.rcpt_delay = 0.05
    workers = [start_worker(celery_broker, smtp_sink=smtp_sink) for _ in range(2)]
    try:
        with broker_for_test_process(celery_broker):
            addresses = _queue(30)
            outbox.wake()
            outbox.wake()
            recipients = _settle(smtp_sink, 30, seconds=2)
    finally:
        for worker in workers:
            stop_worker(worker)

    assert recipients == addresses
    assert set(Mail.objects.values_list("attempts", flat=True)) == {1}


@pytest.mark.redis
def test_broker_stopped_enrolment_answers_and_the_mail_leaves_when_it_is_back(
    client, smtp_sink, tmp_path
):
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    broker = Broker(f"redis://127.0.0.1:{port}/0", {}, tmp_path / "var")
    programme = ProgrammeFactory(title="LOOKING UP", original_language="en")
    person = ParticipantFactory()
    client.force_login(person)

    with broker_for_test_process(broker):  # nothing listens there yet
        response = client.post(
            reverse("participants:enrol", kwargs={"slug": programme.slug}), follow=True
        )
        assert response.status_code == 200
        assert [str(m) for m in response.context["messages"]] == [
            "You are enrolled in “LOOKING UP”. A confirmation is on its way by email."
        ]
        assert Mail.objects.get().state == MailState.QUEUED

        redis = subprocess.Popen(
            ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""],
            stdout=subprocess.DEVNULL,
        )
        try:
            worker = start_worker(broker, smtp_sink=smtp_sink, beat=True, extra_env=FAST)
            try:
                recipients = _settle(smtp_sink, 1)
            finally:
                stop_worker(worker)
        finally:
            redis.terminate()
            redis.wait()

    assert recipients == [person.email]
    assert Mail.objects.get().state == MailState.SENT
