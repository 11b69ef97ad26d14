"""Submitting a practice to a call: drafts that are never lost, then submission."""

from django.db import transaction
from django.utils import formats, timezone
from django.utils.crypto import get_random_string
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from goodpractices import phrases
from goodpractices.enums import EventAction, Origin, PracticeStatus
from goodpractices.models import Call, GoodPractice, PracticeEvent
from lookingup.outbox import queue_mail

from .access import can_edit
from .outcome import Outcome


def unique_slug(title: str) -> str:
    base = slugify(title)[:70].strip("-") or "practice"
    return f"{base}-{get_random_string(6, 'abcdefghijklmnopqrstuvwxyz0123456789')}"


def draft_refusal(call: Call | None, *, now=None) -> str | None:
    """Whether a new draft may be started for ``call``. A call that has closed still takes
    drafts (a form typed before the deadline and sent after it is saved, never lost)."""
    now = now or timezone.now()
    if call is None or call.programme.status != "published" or now < call.opens_at:
        return phrases.CALL_NOT_OPEN
    return None


def missing_for_submission(practice: GoodPractice) -> list[str]:
    """Labels of what a practice still needs before it can be submitted."""
    missing = [
        str(GoodPractice._meta.get_field(name).verbose_name)
        for name in ("title", "summary", "description")
        if not (getattr(practice, name) or "").strip()
    ]
    if not practice.country:
        missing.append(str(GoodPractice._meta.get_field("country").verbose_name))
    if not practice.themes.exists():
        missing.append(str(_("at least one theme")))
    if practice.call_id:
        for question in practice.call.questions.all():
            if question.required and not (practice.answers.get(str(question.pk)) or "").strip():
                missing.append(str(question.text))
    return missing


def submission_refusal(practice: GoodPractice, *, user, now=None) -> str | None:
    """Why ``user`` cannot submit ``practice`` now, or None. The page asks it to show the
    button; the POST asks it again before changing anything."""
    now = now or timezone.now()
    if practice.submitted_by_id != user.pk:
        return phrases.NOT_YOURS
    if practice.status not in PracticeStatus.editable_by_submitter():
        return phrases.NOT_EDITABLE
    call = practice.call
    # Changes requested by the reviewers may come back after the deadline.
    if practice.status == PracticeStatus.DRAFT and call is not None and now >= call.closes_at:
        closed = formats.date_format(timezone.localtime(call.closes_at), "DATETIME_FORMAT")
        return phrases.CALL_CLOSED % {"date": closed}
    missing = missing_for_submission(practice)
    if missing:
        return phrases.INCOMPLETE % {"fields": ", ".join(missing)}
    return None


@transaction.atomic
def save_draft(form, *, by, call: Call | None = None) -> GoodPractice:
    """Save the submission form (a new practice for ``call``, or an existing draft).

    Whatever the deadline says: what the person typed is kept.
    """
    practice = form.instance
    if practice.pk is None:
        practice.submitted_by = by
        practice.status = PracticeStatus.DRAFT
        practice.slug = unique_slug(form.cleaned_data["title"])
        if call is not None:
            practice.call, practice.programme, practice.origin = call, call.programme, Origin.CALL
    elif not can_edit(by, practice):
        raise PermissionError(str(phrases.NOT_EDITABLE))
    return form.save()


def submit(practice: GoodPractice, *, by, now=None) -> Outcome:
    """Send a draft (or a practice with changes requested) to the reviewers; the submitter
    gets a confirmation by email."""
    now = now or timezone.now()
    with transaction.atomic():
        practice = (
            GoodPractice.objects.select_for_update(of=("self",))
            .select_related("call")
            .get(pk=practice.pk)
        )
        refusal = submission_refusal(practice, user=by, now=now)
        if refusal is not None:
            return Outcome.refused(refusal, practice)
        previous = practice.status
        practice.status = PracticeStatus.SUBMITTED
        practice.submitted_at = now
        practice.save(update_fields=["status", "submitted_at", "updated_at"])
        event = PracticeEvent.objects.create(
            practice=practice,
            actor=by,
            action=EventAction.SUBMITTED,
            from_status=previous,
            to_status=practice.status,
            created_at=now,
        )
        queue_mail(
            "practice-received",
            to=by,
            key=f"practice-event:{event.pk}",
            context={"event_id": event.pk},
            programme_id=practice.programme_id,
        )
    template = (
        phrases.RESUBMITTED if previous == PracticeStatus.CHANGES_REQUESTED else phrases.SUBMITTED
    )
    return Outcome(True, str(template % {"title": practice.title}), practice)
