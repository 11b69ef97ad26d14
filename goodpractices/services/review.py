"""Review of submitted practices by the coordinators of the call's programme."""

from django.db import transaction
from django.utils import timezone

from goodpractices import phrases
from goodpractices.enums import EventAction, PracticeStatus
from goodpractices.models import GoodPractice, PracticeEvent
from lookingup.outbox import queue_mail

from .access import can_review
from .outcome import Outcome

S = PracticeStatus
# Each review step: the statuses it may start from, and where it leads (None: stays, except
# that a first comment takes a submitted practice into review).
STEPS = {
    EventAction.COMMENTED: (
        {S.SUBMITTED, S.IN_REVIEW, S.CHANGES_REQUESTED, S.PUBLISHED, S.REJECTED},
        None,
    ),
    EventAction.CHANGES_REQUESTED: ({S.SUBMITTED, S.IN_REVIEW}, S.CHANGES_REQUESTED),
    EventAction.PUBLISHED: ({S.SUBMITTED, S.IN_REVIEW, S.CHANGES_REQUESTED}, S.PUBLISHED),
    EventAction.REJECTED: ({S.SUBMITTED, S.IN_REVIEW, S.CHANGES_REQUESTED}, S.REJECTED),
}
# Steps whose email would say nothing without a message.
NEED_MESSAGE = {EventAction.COMMENTED, EventAction.CHANGES_REQUESTED, EventAction.REJECTED}
DONE = {
    EventAction.COMMENTED: phrases.COMMENTED,
    EventAction.CHANGES_REQUESTED: phrases.CHANGES_REQUESTED,
    EventAction.PUBLISHED: phrases.PUBLISHED,
    EventAction.REJECTED: phrases.REJECTED,
}


def allowed_steps(practice: GoodPractice) -> list[str]:
    """The review steps possible from the practice's status, for the review page's buttons."""
    return [action for action, (starts, _to) in STEPS.items() if practice.status in starts]


def review_refusal(practice: GoodPractice, *, by, action: str, message: str) -> str | None:
    if not can_review(by, practice):
        return phrases.NOT_REVIEWER
    if action not in STEPS or practice.status not in STEPS[action][0]:
        return phrases.ACTION_NOT_ALLOWED % {"status": practice.get_status_display()}
    if action in NEED_MESSAGE and not message.strip():
        return phrases.MESSAGE_REQUIRED
    return None


def review(practice: GoodPractice, *, by, action: str, message: str = "", now=None) -> Outcome:
    """One review step: comment, request changes, publish or reject. It is kept in the history
    and the submitter is told, in their language."""
    now = now or timezone.now()
    with transaction.atomic():
        practice = (
            GoodPractice.objects.select_for_update(of=("self",))
            .select_related("programme", "submitted_by")
            .get(pk=practice.pk)
        )
        refusal = review_refusal(practice, by=by, action=action, message=message)
        if refusal is not None:
            return Outcome.refused(refusal, practice)
        previous = practice.status
        target = STEPS[action][1]
        if target is None:
            target = S.IN_REVIEW if previous == S.SUBMITTED else previous
        practice.status = target
        fields = ["status", "updated_at"]
        if target == S.PUBLISHED and practice.published_at is None:
            practice.published_at = now
            fields.append("published_at")
        practice.save(update_fields=fields)
        event = PracticeEvent.objects.create(
            practice=practice,
            actor=by,
            action=action,
            from_status=previous,
            to_status=target,
            message=message.strip(),
            created_at=now,
        )
        submitter = practice.submitted_by
        if submitter is not None:
            # One mail per review step: the step is its cause.
            queue_mail(
                "practice-reviewed",
                to=submitter,
                key=f"practice-event:{event.pk}",
                context={"event_id": event.pk},
                programme_id=practice.programme_id,
            )
    return Outcome(True, str(DONE[action] % {"title": practice.title}), practice)
