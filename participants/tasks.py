"""Celery tasks of participants, delegating to participants.services."""

from celery import shared_task

from . import services
from .services import approvals


@shared_task(name="participants.send_weekly_digests")
def task_send_weekly_digests() -> int:
    return services.queue_weekly_digests()


@shared_task(name="participants.send_approval_digests")
def task_send_approval_digests() -> int:
    """Daily (beat): the digest of requests awaiting approval, to those who chose it."""
    return approvals.send_approval_digests()
