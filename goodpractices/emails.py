"""Context builders for the library's emails (see lookingup/tasks.py): ids in, context out.

- ``practice-received``: the submitter's confirmation of a submission.
- ``practice-reviewed``: a review step (comment, changes requested, published, rejected).
"""

from django.urls import reverse
from django.utils import translation

from .enums import EventAction
from .models import PracticeEvent


def register_builders() -> None:
    from lookingup.tasks import register_context_builder

    register_context_builder("practice-received", "goodpractices.emails:build_practice_event")
    register_context_builder("practice-reviewed", "goodpractices.emails:build_practice_event")


def build_practice_event(*, event_id: int):
    event = (
        PracticeEvent.objects.select_related("practice__submitted_by", "practice__call", "actor")
        .filter(pk=event_id)
        .first()
    )
    if event is None or event.practice.submitted_by is None:
        return None
    practice = event.practice
    submitter = practice.submitted_by
    with translation.override(submitter.preferred_language):
        edit_path = reverse("goodpractices:edit", kwargs={"pk": practice.pk})
        dashboard_path = reverse("participants:dashboard")
        public_path = practice.get_absolute_url()
        return {
            "submitter": submitter,
            "practice": practice,
            "title": str(practice.title),
            "call_title": str(practice.call.title) if practice.call else "",
            "event": event,
            "action": event.action,
            "action_label": str(event.get_action_display()),
            "message": event.message,
            "edit_path": edit_path,
            "dashboard_path": dashboard_path,
            "public_path": public_path,
            "published": event.action == EventAction.PUBLISHED,
            "changes_requested": event.action == EventAction.CHANGES_REQUESTED,
            "rejected": event.action == EventAction.REJECTED,
        }
