"""Context builders for the library's emails (lookingup/emails.py): ids in, context out.

- ``practice-received``: the submitter's confirmation of a submission.
- ``practice-reviewed``: a review step (comment, changes requested, published, rejected).

The worker calls them in the recipient's language, when it sends the mail.
"""

from django.urls import reverse

from lookingup.emails import email

from .enums import EventAction
from .models import PracticeEvent


@email("practice-received", "practice-reviewed")
def build_practice_event(*, event_id: int):
    event = (
        PracticeEvent.objects.select_related("practice__submitted_by", "practice__call", "actor")
        .filter(pk=event_id)
        .first()
    )
    if event is None or event.practice.submitted_by is None:
        return None
    practice = event.practice
    return {
        "submitter": practice.submitted_by,
        "practice": practice,
        "title": str(practice.title),
        "call_title": str(practice.call.title) if practice.call else "",
        "event": event,
        "action": event.action,
        "message": event.message,
        "edit_path": reverse("goodpractices:edit", kwargs={"pk": practice.pk}),
        "dashboard_path": reverse("participants:dashboard"),
        "public_path": practice.get_absolute_url(),
        "published": event.action == EventAction.PUBLISHED,
        "changes_requested": event.action == EventAction.CHANGES_REQUESTED,
        "rejected": event.action == EventAction.REJECTED,
    }
