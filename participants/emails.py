"""Context builders for the participants' emails (lookingup/emails.py).

The worker calls them when it sends the mail, in the recipient's language, so the email says
what is really in the database then, in their words.
"""

from django.urls import reverse
from django.utils import formats

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
    }
    if session is not None:
        # Formatted here: the template's date filter would move it into the site's zone.
        context["starts"] = formats.date_format(session.local_start, "DATETIME_FORMAT")
    if entry.status == EnrolmentStatus.CONFIRMED and sessions:
        title = session.title if session else programme.title
        context["attachments"] = [_calendar(sessions, name=str(title))]
        context["has_calendar"] = True
    return context


@email("coordinator-digest")
def digest_context(*, user_id: int, at: str) -> dict | None:
    import datetime as dt

    from sessions_app.emails import format_when

    from .models import User
    from .services import weekly_digest

    person = User.objects.filter(pk=user_id, is_active=True, weekly_digest=True).first()
    if person is None:
        return None
    digest = weekly_digest(person, now=dt.datetime.fromisoformat(at))
    return {
        "participant": person,
        "digest": digest,
        "lines": [
            {
                "title": line.session.title,
                "programme": line.session.programme.title,
                "when": format_when(
                    line.session.starts_at, line.session.ends_at, line.session.time_zone
                ),
                "confirmed": line.confirmed,
                "waiting": line.waiting,
                "capacity": line.session.capacity,
            }
            for line in digest.upcoming
        ],
        "admin_path": reverse("admin:sessions_app_session_changelist"),
    }
