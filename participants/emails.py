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
        "reason": getattr(entry, "decision_reason", ""),
    }
    if session is not None:
        # Formatted here: the template's date filter would move it into the site's zone.
        context["starts"] = formats.date_format(session.local_start, "DATETIME_FORMAT")
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


# --- Requests awaiting approval (participants/services/approvals.py)


def _pending_url(programme_id: int | None = None) -> str:
    url = reverse("admin:participants_enrolment_changelist") + "?status__exact=pending"
    return url + (f"&programme__id__exact={programme_id}" if programme_id else "")


@email("approval-request")
def build_approval_request(*, enrolment_id: int):
    enrolment = (
        Enrolment.objects.select_related("participant__organisation", "programme", "cohort")
        .filter(pk=enrolment_id, status=EnrolmentStatus.PENDING)
        .first()
    )
    if enrolment is None:  # decided (or withdrawn) before the mail left: nothing to ask
        return None
    return {
        "enrolment": enrolment,
        "programme": enrolment.programme,
        "person": enrolment.participant,
        "pending_path": _pending_url(enrolment.programme_id),
    }


@email("approval-digest")
def build_approval_digest(*, user_id: int):
    from .models import User
    from .services.approvals import pending_for

    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return None
    requests = list(pending_for(user).select_related("participant", "programme", "cohort"))
    if not requests:
        return None
    return {"recipient": user, "requests": requests, "pending_path": _pending_url()}


@email("participant-invited")
def build_invited(*, enrolment_id: int):
    """A person a coordinator imported: set a password, accept the privacy notice."""
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    enrolment = (
        Enrolment.objects.select_related("participant", "programme", "cohort")
        .filter(pk=enrolment_id, status=EnrolmentStatus.CONFIRMED)
        .first()
    )
    if enrolment is None or enrolment.participant is None:
        return None
    person = enrolment.participant
    key = default_token_generator.make_token(person)
    set_password = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(person), "key": key},
    )
    return {
        "participant": person,
        "programme": enrolment.programme,
        "cohort": enrolment.cohort,
        "set_password_path": set_password,
        "profile_path": reverse("participants:profile"),
        "privacy_path": reverse("participants:privacy"),
    }


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
