"""Celery tasks of participants, delegating to participants.services."""

from celery import shared_task

from . import services


@shared_task(name="participants.send_weekly_digests")
def task_send_weekly_digests() -> int:
    return services.queue_weekly_digests()
