"""Celery tasks of the participants app."""

from celery import shared_task

from .services import approvals


@shared_task(name="participants.send_approval_digests")
def task_send_approval_digests() -> int:
    """Daily (beat): the digest of requests awaiting approval, to those who chose it."""
    return approvals.send_approval_digests()
