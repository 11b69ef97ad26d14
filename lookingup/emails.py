"""Emails come in threes: ``emails/<kind>-subject.txt``, ``-body.txt`` and ``-body.html``.

Adding an email is its template trio plus one function in the app's ``emails.py`` that turns
the ids stored with the mail into the templates' context::

    @email("enrolment-confirmed")
    def enrolment_context(*, enrolment_id):
        ...                                 # None when the objects are gone

Queue it with ``lookingup.outbox.queue_mail``. The worker calls the function and renders the
templates in the recipient's language when it sends the mail, so the mail says what is in the
database then. A kind without a function renders its stored context as it is.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

CONTEXT_BUILDERS: dict[str, Callable[..., dict | None]] = {}
PRELOADERS: dict[str, Callable[[list[dict]], object]] = {}


def email(*kinds: str, preload: Callable[[list[dict]], object] | None = None):
    """Register the decorated function as the context builder of each of ``kinds``.

    ``preload`` (optional) loads in a few queries what a whole batch of these mails needs,
    from their stored ids; the builder then gets it as ``batch=`` (None when sent alone).
    """

    def register(function):
        for kind in kinds:
            if CONTEXT_BUILDERS.get(kind, function) is not function:
                raise ValueError(f"Two context builders for the email {kind!r}")
            CONTEXT_BUILDERS[kind] = function
            if preload is not None:
                PRELOADERS[kind] = preload
        return function

    return register


def preload_batch(kind: str, contexts: list[dict]):
    """What ``kind``'s builder shares across a batch, or None when it shares nothing."""
    preload = PRELOADERS.get(kind)
    return preload(contexts) if preload is not None else None


@dataclass
class Attachment:
    filename: str
    content: bytes
    mimetype: str


@dataclass
class RenderedEmail:
    subject: str
    text: str
    html: str
    attachments: list[Attachment]
    headers: dict[str, str]


def render_email(kind: str, *, language: str, ids: dict, batch=None) -> RenderedEmail | None:
    """Build the context and render the trio, all in ``language``; None when the objects are
    gone. Everything happens inside the override: translated model fields (titles) resolve
    their language when they are read, which may be in the builder."""
    builder = CONTEXT_BUILDERS.get(kind)
    with translation.override(language):
        if builder is None:
            context = dict(ids)
        elif kind in PRELOADERS:
            context = builder(**ids, batch=batch or preload_batch(kind, [ids]))
        else:
            context = builder(**ids)
        if context is None:
            return None
        attachments = context.pop("attachments", [])
        headers = context.pop("headers", {})
        context = {"SITE_URL": settings.SITE_URL, "language": language, **context}
        subject = render_to_string(f"emails/{kind}-subject.txt", context)
        text = render_to_string(f"emails/{kind}-body.txt", context)
        html = render_to_string(f"emails/{kind}-body.html", context)
    # A subject is one line, whatever the template's whitespace.
    subject = " ".join(subject.split())
    return RenderedEmail(subject, text, html, attachments, headers)


def build_message(email: RenderedEmail, *, to: str, connection=None) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers=email.headers,
        connection=connection,
    )
    message.attach_alternative(email.html, "text/html")
    for attachment in email.attachments:
        message.attach(attachment.filename, attachment.content, attachment.mimetype)
    return message
