"""Celery tasks of the outbox (lookingup/outbox.py): both idempotent, so ``acks_late`` holds.

A task redelivered after its worker died finds its mails sent (nothing to do) or claimed by
another worker (skipped); mails whose worker died while sending become due again when their
lease ends, and the sweep sends them.
"""

from celery import shared_task

from . import outbox


@shared_task(name="lookingup.deliver_mail")
def task_deliver_mail(*, mail_ids: list[int]) -> int:
    """Send these mails now (woken after the commit that queued them)."""
    return outbox.deliver(mail_ids=mail_ids).count


@shared_task(name="lookingup.deliver_due_mail")
def task_deliver_due_mail() -> int:
    """The sweep (Celery beat): send everything due that no wake-up has sent."""
    return outbox.deliver_due().count
