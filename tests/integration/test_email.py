"""Email end to end: queued in the test process, sent by a real worker to a real SMTP server."""

import pytest
from django.core.management import call_command
from django.utils import translation

from lookingup.outbox import queue_mail

pytestmark = pytest.mark.integration


def _parts(message) -> dict[str, str]:
    return {part.get_content_type(): part.get_content() for part in message.iter_parts()}


def test_worker_sends_a_queued_email_with_text_and_html_parts(celery_worker, smtp_sink):
    queue_mail("test_message", to="ops@example.org", language="en")

    [message] = smtp_sink.wait_for(1)
    parts = _parts(message)
    assert message["To"] == "ops@example.org"
    assert message["Subject"] == "Test message from LOOKING UP"
    assert "send_test_email" in parts["text/plain"]
    assert '<html lang="en">' in parts["text/html"]


def test_send_test_email_reaches_the_mailbox_in_the_chosen_language(celery_worker, smtp_sink):
    call_command("send_test_email", to="operatrice@example.org", language="fr")

    [message] = smtp_sink.wait_for(1)
    with translation.override("fr"):
        expected_subject = translation.gettext("Test message from LOOKING UP")
    assert message["To"] == "operatrice@example.org"
    assert message["Subject"] == expected_subject
    assert '<html lang="fr">' in _parts(message)["text/html"]
