"""Celery tasks of sessions: scans run by beat, delegating to sessions_app/notices.py."""

from celery import shared_task

from . import notices


@shared_task(name="sessions_app.queue_due_reminders")
def task_queue_due_reminders() -> int:
    return notices.queue_due_reminders()


@shared_task(name="sessions_app.send_change_notices")
def task_send_change_notices() -> int:
    return notices.send_due_change_notices()
