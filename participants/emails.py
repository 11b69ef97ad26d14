"""Context builders for the participants' emails (lookingup/emails.py).

The worker calls them when it sends the mail, in the recipient's language, so the email says
what is really in the database then, in their words.
"""

from django.urls import reverse

from lookingup.emails import Attachment, email

from .enums import EnrolmentStatus
from .models import Enrolment, SessionRegistration

EVENTS = ["confirmed", "pending", "approved", "rejected", "waiting", "promoted", "cancelled"]


def _calendar(sessions, *, name: str) -> Attachment:
    from sessions_app.ics import build_calendar

    content = build_calendar(sessions, name=name, include_join_url=True)
    return Attachment(filename="looking-up.ics", content=content, mimetype="text/calendar")


@email(*(f"enrolment-{event}" for event in EVENTS))
def build_enrolment(*, enrolment_id: int | None = None, registration_id: int | None = None):
    from . import services

    if registration_id is not None:
        entry = (
            SessionRegistration.objects.select_related("participant", "session__programme")
            .filter(pk=registration_id)
            .first()
        )
        if entry is None or entry.participant is None:
            return None
        session, programme, cohort = entry.session, entry.session.programme, None
        sessions = [session]
    else:
        entry = (
            Enrolment.objects.select_related("participant", "programme", "cohort__programme")
            .filter(pk=enrolment_id)
            .first()
        )
        if entry is None or entry.participant is None:
            return None
        session, programme, cohort = None, entry.programme, entry.cohort
        sessions = list(services.sessions_for_enrolment(entry).select_related("programme", "track"))
    participant = entry.participant
    dashboard_url = reverse("participants:dashboard")
    about_url = session.get_absolute_url() if session else programme.get_absolute_url()
    context = {
        "participant": participant,
        "entry": entry,
        "programme": programme,
        "cohort": cohort,
        "session": session,
        "title": session.title if session else programme.title,
        "waiting_position": services.waiting_position(entry),
        "dashboard_path": dashboard_url,
        "about_path": about_url,
        "notice_hours": programme.cancellation_notice_hours,
        "reason": getattr(entry, "decision_reason", ""),
    }
    if entry.status == EnrolmentStatus.CONFIRMED and sessions:
        title = session.title if session else programme.title
        context["attachments"] = [_calendar(sessions, name=str(title))]
        context["has_calendar"] = True
    return context


# --- Coordinators' decisions and messages (participants/services/bulk.py)


@email("enrolment-moved")
def build_moved(*, enrolment_id: int):
    enrolment = (
        Enrolment.objects.select_related("participant", "programme", "cohort")
        .filter(pk=enrolment_id)
        .first()
    )
    if enrolment is None or enrolment.participant is None or enrolment.cohort is None:
        return None
    from . import services

    return {
        "participant": enrolment.participant,
        "programme": enrolment.programme,
        "cohort": enrolment.cohort,
        "entry": enrolment,
        "waiting_position": services.waiting_position(enrolment),
        "dashboard_path": reverse("participants:dashboard"),
    }


@email("coordinator-cancelled")
def build_cancelled_by_coordinators(
    *, reason: str = "", enrolment_id: int | None = None, registration_id: int | None = None
):
    if registration_id is not None:
        entry = (
            SessionRegistration.objects.select_related("participant", "session__programme")
            .filter(pk=registration_id)
            .first()
        )
        title = entry.session.title if entry else ""
    else:
        entry = (
            Enrolment.objects.select_related("participant", "programme")
            .filter(pk=enrolment_id)
            .first()
        )
        title = entry.programme.title if entry else ""
    if entry is None or entry.participant is None:
        return None
    return {
        "participant": entry.participant,
        "title": title,
        "reason": reason,
        "dashboard_path": reverse("participants:dashboard"),
    }


@email("coordinator-message")
def build_coordinator_message(*, subject: str, body: str, sender_id: int | None = None):
    from .models import User

    sender = User.objects.filter(pk=sender_id).first() if sender_id else None
    return {"subject": subject, "body": body, "sender": sender}
