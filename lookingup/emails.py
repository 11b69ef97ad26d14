"""Emails come in threes: ``emails/<name>-subject.txt``, ``-body.txt`` and ``-body.html``.

Always render in the recipient's language; send through ``queue_email`` so that nothing
leaves before the surrounding transaction commits.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


@dataclass
class Attachment:
    filename: str
    content: bytes
    mimetype: str


@dataclass
class RenderedEmail:
    to: list[str]
    subject: str
    text: str
    html: str
    attachments: list[Attachment] = field(default_factory=list)


def render_email(name: str, *, to: str, language: str, context: dict) -> RenderedEmail:
    context = {"SITE_URL": settings.SITE_URL, "language": language, **context}
    with translation.override(language):
        subject = render_to_string(f"emails/{name}-subject.txt", context)
        text = render_to_string(f"emails/{name}-body.txt", context)
        html = render_to_string(f"emails/{name}-body.html", context)
    # A subject is one line, whatever the template's whitespace.
    subject = " ".join(subject.split())
    return RenderedEmail(to=[to], subject=subject, text=text, html=html)


def send_rendered(email: RenderedEmail) -> None:
    message = EmailMultiAlternatives(
        subject=email.subject, body=email.text, from_email=settings.DEFAULT_FROM_EMAIL, to=email.to
    )
    message.attach_alternative(email.html, "text/html")
    for attachment in email.attachments:
        message.attach(attachment.filename, attachment.content, attachment.mimetype)
    message.send()


def queue_email(name: str, *, to: str, language: str, context_ids: dict | None = None) -> None:
    """Send ``name`` through Celery once the current transaction commits.

    ``context_ids`` holds primary keys only; the task re-fetches the objects, so a rolled-back
    change never produces a message and the worker renders what is really in the database.
    """
    from .tasks import task_send_email

    transaction.on_commit(
        lambda: task_send_email.delay(
            name=name, to=to, language=language, context_ids=context_ids or {}
        )
    )
