"""The outbox: every email is a row written in the transaction of the change that causes it.

Queueing writes the row; after commit the broker is asked to wake a delivery task, and Celery
beat's periodic sweep delivers whatever is due and was not woken (the broker was down, a worker
died), so a broker outage delays mail and never loses it, and never turns a success into an
error page. Delivery claims rows atomically (``SELECT … FOR UPDATE SKIP LOCKED`` where the
database has it; SQLite serialises writers), sends them over one SMTP connection, and marks each
one sent as soon as the server has accepted it. A claim is a lease: a mail whose worker died
while sending it becomes due again when the lease ends. The one window left: a worker killed
after the SMTP server accepted a mail and before the row is marked sent sends that mail twice.
"""

import datetime as dt
import logging
import smtplib
import time
import uuid
from dataclasses import dataclass, field

from asgiref.local import Local
from django.conf import settings
from django.core.mail import get_connection
from django.db import connection, transaction
from django.db.models import F
from django.db.models.sql import InsertQuery
from django.utils import timezone

from .emails import build_message, preload_batch, render_email
from .enums import MailState
from .models import Mail

logger = logging.getLogger(__name__)

State = MailState
DUE = [State.QUEUED, State.SENDING]


# --- Queueing


def queue_mail(
    kind: str,
    *,
    to,
    key: str | None = None,
    language: str | None = None,
    context: dict | None = None,
    programme_id: int | None = None,
    session_id: int | None = None,
    due_at: dt.datetime | None = None,
    wake_now: bool = True,
) -> Mail | None:
    """Queue the email ``kind`` for ``to`` (a user, or an address with ``language``).

    ``key`` names the cause: a second mail with the same key is not queued (None is returned).
    Call it inside the transaction of the change; the mail leaves only if that commits.
    ``context`` holds ids for the kind's context builder (lookingup/emails.py), JSON only.
    ``programme_id`` and ``session_id`` say what it is about: coordinators see the mails of
    their programmes, and a session's mails on its page. ``wake_now=False`` leaves the waking
    to the caller (one ``wake()`` for a large batch).
    """
    recipient = None if isinstance(to, str) else to
    address = to if recipient is None else recipient.email
    mail = Mail(
        kind=kind,
        key=key or f"{kind}:{uuid.uuid4()}",
        recipient=recipient,
        to=address,
        language=language or recipient.preferred_language,
        context=context or {},
        programme_id=programme_id,
        session_id=session_id,
        due_at=due_at or timezone.now(),
    )
    if not _insert_unless_queued(mail):
        logger.info("Mail %s not queued again", mail.key)
        return None
    if wake_now and mail.due_at <= timezone.now():
        wake_after_commit([mail.pk])
    return mail


def _insert_unless_queued(mail: Mail) -> bool:
    """Write ``mail`` unless a mail with its key exists: ``INSERT … ON CONFLICT (key) DO
    NOTHING RETURNING id``, one round trip (PostgreSQL and SQLite alike) where a savepoint
    around an INSERT that may fail took three. Only the key's conflict is ignored: any other
    error is raised as usual."""
    fields = [field for field in Mail._meta.local_concrete_fields if not field.primary_key]
    query = InsertQuery(Mail)
    query.insert_values(fields, [mail])
    [(sql, params)] = query.get_compiler(connection=connection).as_sql()
    quote = connection.ops.quote_name
    key, pk = quote(Mail._meta.get_field("key").column), quote(Mail._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} ON CONFLICT ({key}) DO NOTHING RETURNING {pk}", params)
        row = cursor.fetchone()
    if row is None:
        return False
    mail.pk = row[0]
    mail._state.adding, mail._state.db = False, connection.alias
    return True


@dataclass(frozen=True)
class Letter:
    """One mail of a batch for ``queue_many``: to a user, in their language."""

    kind: str
    to: object
    key: str
    context: dict
    programme_id: int | None = None
    session_id: int | None = None


def queue_many(letters: list[Letter]) -> int:
    """Queue a batch at once (one INSERT); mails whose cause is already queued are skipped.
    One delivery run is woken after commit, which sends them in batches over one connection.
    Returns how many of them were new."""
    if not letters:
        return 0
    now = timezone.now()
    keys = [letter.key for letter in letters]
    existing = set(Mail.objects.filter(key__in=keys).values_list("key", flat=True))
    mails = [
        Mail(
            kind=letter.kind,
            key=letter.key,
            recipient=letter.to,
            to=letter.to.email,
            language=letter.to.preferred_language,
            context=letter.context,
            programme_id=letter.programme_id,
            session_id=letter.session_id,
            due_at=now,
        )
        for letter in letters
        if letter.key not in existing
    ]
    # A concurrent scan may insert the same keys between the read and here: skip those too.
    Mail.objects.bulk_create(mails, ignore_conflicts=True, batch_size=500)
    if mails:
        wake_after_commit(None)
    return len(mails)


def queue_rendered(kind: str, *, to: str, language: str, subject: str, text: str, html: str = ""):
    """Queue a mail rendered by someone else (allauth's sign-up and password mails)."""
    mail = Mail.objects.create(
        kind=kind,
        key=f"{kind}:{uuid.uuid4()}",
        to=to,
        language=language,
        rendered={"subject": subject, "text": text, "html": html},
        due_at=timezone.now(),
    )
    wake_after_commit([mail.pk])
    return mail


def wake_after_commit(mail_ids: list[int] | None) -> None:
    """Wake a delivery of ``mail_ids`` (None: of every mail due) once the transaction commits.

    During a request the wake-ups wait for its response to be sent, then go to the broker in
    one task (``send_wake_ups``): the person does not wait on the broker's round trips.
    Elsewhere (workers, commands, the shell) they go at commit. A wake-up lost meanwhile (the
    process killed) only delays the mail until the sweep.
    """
    transaction.on_commit(lambda: _wake_soon(mail_ids), robust=True)


# The wake-ups asked for by the request being served in this thread; None outside requests.
_request = Local()


def _wake_soon(mail_ids: list[int] | None) -> None:
    pending = getattr(_request, "wake_ups", None)
    if pending is None:
        wake(mail_ids)
    else:
        pending.append(mail_ids)


def collect_wake_ups(**kwargs) -> None:
    """``request_started``: from now on, keep this request's wake-ups."""
    _request.wake_ups = []


def send_wake_ups(**kwargs) -> None:
    """``request_finished`` (the response has been sent): one wake-up for all of them."""
    pending, _request.wake_ups = getattr(_request, "wake_ups", None), None
    if not pending:
        return
    if None in pending:
        wake()  # a delivery of everything due sends these too
    else:
        wake(sorted({pk for mail_ids in pending for pk in mail_ids}))


def wake(mail_ids: list[int] | None = None) -> bool:
    """Ask the broker for a delivery now. Failing is fine: the sweep delivers them later."""
    from .tasks import task_deliver_due_mail, task_deliver_mail

    try:
        if mail_ids is None:
            task_deliver_due_mail.apply_async(retry=False)
        else:
            task_deliver_mail.apply_async(kwargs={"mail_ids": mail_ids}, retry=False)
    except Exception as error:  # the broker's errors vary by transport: any means "not now"
        logger.warning("Broker unavailable, mail left for the sweep: %s", error)
        return False
    return True


# --- Delivery


@dataclass
class Delivery:
    """What one delivery run did, by mail id."""

    sent: list[int] = field(default_factory=list)
    retried: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    cancelled: list[int] = field(default_factory=list)

    def __iadd__(self, other: "Delivery") -> "Delivery":
        for name in ("sent", "retried", "failed", "cancelled"):
            getattr(self, name).extend(getattr(other, name))
        return self

    @property
    def count(self) -> int:
        return len(self.sent) + len(self.retried) + len(self.failed) + len(self.cancelled)


def lease_seconds() -> int:
    """Long enough for a whole batch, at the configured rate limit, with room to spare."""
    lease = settings.OUTBOX_LEASE_SECONDS
    if settings.EMAIL_RATE_PER_SECOND:
        lease = max(lease, int(2 * settings.OUTBOX_BATCH_SIZE / settings.EMAIL_RATE_PER_SECOND))
    return lease


def claim(*, mail_ids=None, limit: int | None = None, now=None) -> list[Mail]:
    """Take due mails for this worker: no other worker can take them until the lease ends."""
    now = now or timezone.now()
    limit = limit or settings.OUTBOX_BATCH_SIZE
    due = Mail.objects.filter(state__in=DUE, due_at__lte=now)
    if mail_ids is not None:
        due = due.filter(pk__in=mail_ids)
    if connection.features.has_select_for_update_skip_locked:
        due = due.select_for_update(skip_locked=True)
    with transaction.atomic():
        ids = list(due.order_by("due_at", "pk").values_list("pk", flat=True)[:limit])
        if not ids:
            return []
        Mail.objects.filter(pk__in=ids).update(
            state=State.SENDING,
            due_at=now + dt.timedelta(seconds=lease_seconds()),
            attempts=F("attempts") + 1,
            updated_at=now,
        )
    return list(Mail.objects.filter(pk__in=ids).order_by("due_at", "pk"))


def deliver(*, mail_ids=None, limit: int | None = None) -> Delivery:
    """Claim one batch of due mails and send it over one SMTP connection."""
    mails = claim(mail_ids=mail_ids, limit=limit)
    delivery = Delivery()
    if not mails:
        return delivery
    smtp = get_connection()
    interval = 1 / settings.EMAIL_RATE_PER_SECOND if settings.EMAIL_RATE_PER_SECOND else 0
    # What the mails of one kind share (a session, its participants) is loaded once.
    batches = {
        kind: _preload(kind, [mail.context for mail in mails if mail.kind == kind])
        for kind in {mail.kind for mail in mails if mail.rendered is None}
    }
    try:
        for mail in mails:
            started = time.monotonic()
            outcome = _deliver_one(mail, smtp, batches.get(mail.kind))
            getattr(delivery, outcome).append(mail.pk)
            if outcome != "sent":
                # The connection may be broken: the next mail opens a new one.
                smtp.close()
            elif interval:
                time.sleep(max(0.0, interval - (time.monotonic() - started)))
    finally:
        smtp.close()
    return delivery


def _preload(kind: str, contexts: list[dict]):
    try:
        return preload_batch(kind, contexts)
    except Exception:
        # Each mail then loads its own, and fails (and is retried) on its own.
        logger.exception("Preloading a batch of %s failed", kind)
        return None


def deliver_due(*, max_batches: int = 1000) -> Delivery:
    """Deliver batches until nothing is due (the sweep, and the wake-up after a large queue)."""
    total = Delivery()
    for _batch in range(max_batches):
        delivery = deliver()
        if not delivery.count:
            break
        total += delivery
    return total


def _message(mail: Mail, smtp, batch):
    if mail.rendered is not None:
        from .emails import RenderedEmail

        rendered = RenderedEmail(
            subject=mail.rendered["subject"],
            text=mail.rendered["text"],
            html=mail.rendered.get("html", ""),
            attachments=[],
            headers={},
        )
    else:
        rendered = render_email(mail.kind, language=mail.language, ids=mail.context, batch=batch)
        if rendered is None:
            return None
    message = build_message(rendered, to=mail.to, connection=smtp)
    if not rendered.html:
        message.alternatives = []
    return message


def _deliver_one(mail: Mail, smtp, batch=None) -> str:
    if not mail.to:
        _finish(mail, State.CANCELLED, "The recipient's address was erased.")
        return "cancelled"
    try:
        message = _message(mail, smtp, batch)
    except Exception as error:
        logger.exception("Mail %s could not be rendered", mail.pk)
        return _retry_or_fail(mail, error)
    if message is None:
        _finish(mail, State.CANCELLED, "What the mail was about no longer exists.")
        return "cancelled"
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("Mail %s to %s not accepted: %s", mail.pk, mail.to, error)
        if _is_permanent(error):
            _finish(mail, State.FAILED, str(error))
            return "failed"
        return _retry_or_fail(mail, error)
    # Right after the server's acceptance: a worker killed before this line is the one case
    # in which a mail goes twice (README, "Outgoing mail").
    _finish(mail, State.SENT, "")
    return "sent"


def _is_permanent(error: Exception) -> bool:
    """A 5xx answer about the address or the content: sending again will not help."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    code = getattr(error, "smtp_code", None)
    return isinstance(code, int) and code >= 500


def _retry_or_fail(mail: Mail, error: Exception) -> str:
    if mail.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        _finish(mail, State.FAILED, str(error) or type(error).__name__)
        return "failed"
    backoff = min(settings.OUTBOX_RETRY_SECONDS * 2 ** (mail.attempts - 1), 3600)
    Mail.objects.filter(pk=mail.pk, state=State.SENDING).update(
        state=State.QUEUED,
        due_at=timezone.now() + dt.timedelta(seconds=backoff),
        last_error=str(error) or type(error).__name__,
        updated_at=timezone.now(),
    )
    return "retried"


def _finish(mail: Mail, state: str, error: str) -> None:
    now = timezone.now()
    extra = {}
    if state == State.SENT:
        # A sent sign-up or password mail's text holds a key: no need to keep it.
        extra = {"sent_at": now, "rendered": None}
    Mail.objects.filter(pk=mail.pk, state=State.SENDING).update(
        state=state, last_error=error, updated_at=now, **extra
    )


# --- Coordinators and privacy


def send_again(mails) -> int:
    """Queue failed or cancelled mails again, with a fresh count of attempts."""
    now = timezone.now()
    ids = list(mails.filter(state__in=[State.FAILED, State.CANCELLED]).values_list("pk", flat=True))
    Mail.objects.filter(pk__in=ids).update(
        state=State.QUEUED, attempts=0, due_at=now, last_error="", updated_at=now
    )
    if ids:
        wake_after_commit(ids)
    return len(ids)


def forget_recipient(user) -> None:
    """Erasure: unsent mails to ``user`` are dropped, and no address is kept."""
    mails = Mail.objects.filter(recipient=user)
    mails.filter(state__in=DUE).update(state=State.CANCELLED, updated_at=timezone.now())
    mails.update(to="", context={}, rendered=None)
    Mail.objects.filter(to__iexact=user.email).update(to="", context={}, rendered=None)
