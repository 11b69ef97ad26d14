"""Context builders of the sessions' emails: reminders, changes, cancellations.

Called by the worker in the recipient's language (lookingup/emails.py). Times are formatted
here, not in the templates: a template's ``date`` filter would move them into the site's zone.
"""

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from lookingup.emails import Attachment, email

from .ics import build_calendar, session_location
from .models import Session, SessionChange
from .notices import changed_fields, snapshot


def format_when(start, end, zone_name: str) -> str:
    """“12 June 2025, 10:00–17:00 (Europe/Bucharest)”, in the active language."""
    zone = zoneinfo.ZoneInfo(zone_name)
    start, end = timezone.localtime(start, zone), timezone.localtime(end, zone)
    first = formats.date_format(start, "DATETIME_FORMAT")
    if start.date() == end.date():
        last = formats.time_format(end, "TIME_FORMAT")
    else:
        last = formats.date_format(end, "DATETIME_FORMAT")
    return f"{first} – {last} ({zone_name.replace('_', ' ')})"


def session_times(session: Session, recipient) -> dict:
    """When the session is, in its own zone and, when it differs, in the recipient's."""
    times = {"when": format_when(session.starts_at, session.ends_at, session.time_zone)}
    own = getattr(recipient, "time_zone", "")
    if own and own != session.time_zone:
        times["when_yours"] = format_when(session.starts_at, session.ends_at, own)
    return times


@dataclass
class SessionBatch:
    """What a batch of mails about sessions shares, loaded in three queries."""

    sessions: dict
    people: dict
    taking_part: dict

    def load(self, session_id: int, user_id: int):
        return self.sessions.get(session_id), self.people.get(user_id)


def preload_sessions(contexts: list[dict]) -> SessionBatch:
    from participants.models import User
    from participants.services import participants_by_session

    sessions = Session.objects.select_related("programme", "track").in_bulk(
        {context["session_id"] for context in contexts}
    )
    people = User.objects.filter(is_active=True).in_bulk(
        {context["user_id"] for context in contexts}
    )
    return SessionBatch(sessions, people, participants_by_session(list(sessions.values())))


def _common(session: Session, person) -> dict:
    return {
        "participant": person,
        "session": session,
        "title": session.title,
        "programme": session.programme,
        "place": session_location(session),
        "session_path": session.get_absolute_url(),
        "dashboard_path": reverse("participants:dashboard"),
        **session_times(session, person),
    }


def _calendar(session: Session, *, method: str = "PUBLISH", join: bool = True) -> Attachment:
    content = build_calendar(
        [session], name=str(session.title), include_join_url=join, method=method
    )
    return Attachment(filename="looking-up.ics", content=content, mimetype="text/calendar")


@email("session-reminder", preload=preload_sessions)
def reminder_context(*, session_id: int, user_id: int, batch: SessionBatch) -> dict | None:
    from participants.services import reminders_off_url

    session, person = batch.load(session_id, user_id)
    if (
        session is None
        or person is None
        or session.is_cancelled
        or not person.reminders_enabled
        or session.starts_at <= timezone.now()
        or person.pk not in batch.taking_part.get(session.pk, ())
    ):
        return None
    unsubscribe = reminders_off_url(person)
    return {
        **_common(session, person),
        # Everyone reminded is confirmed: the link to join is theirs.
        "join_url": session.online_url,
        "unsubscribe_url": unsubscribe,
        "headers": {
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    }


GROUPS = {
    "time": ("starts_at", "ends_at", "time_zone"),
    "place": ("venue_name", "venue_address", "city", "country"),
    "link": ("online_url",),
}


def _describe(group: str, values: dict) -> str:
    """One group of watched values, as a person reads it."""
    if group == "time":
        start = dt.datetime.fromisoformat(values["starts_at"])
        end = dt.datetime.fromisoformat(values["ends_at"])
        return format_when(start, end, values["time_zone"])
    if group == "link":
        return values["online_url"] or _("no link")
    parts = [values["venue_name"], values["venue_address"], values["city"]]
    return ", ".join(part for part in parts if part) or _("online")


@email("session-changed")
def change_context(*, change_id: int, user_id: int) -> dict | None:
    from participants.models import User
    from participants.services import takes_part

    change = SessionChange.objects.select_related("session__programme").filter(pk=change_id).first()
    person = User.objects.filter(pk=user_id, is_active=True).first()
    if change is None or person is None or change.session.is_cancelled:
        return None
    session = change.session
    if not takes_part(person, session):
        return None
    now = snapshot(session)
    fields = changed_fields(change.before, now)
    if not fields:
        return None
    labels = {"time": _("When"), "place": _("Where"), "link": _("Link to join")}
    changes = [
        {
            "label": labels[group],
            "before": _describe(group, change.before),
            "after": _describe(group, now),
        }
        for group, names in GROUPS.items()
        if set(names) & set(fields)
    ]
    return {
        **_common(session, person),
        "changes": changes,
        "join_url": session.online_url,
        "attachments": [_calendar(session)],
    }


@email("session-cancelled", preload=preload_sessions)
def cancellation_context(*, session_id: int, user_id: int, batch: SessionBatch) -> dict | None:
    session, person = batch.load(session_id, user_id)
    if session is None or person is None or not session.is_cancelled:
        return None
    return {
        **_common(session, person),
        "attachments": [_calendar(session, method="CANCEL", join=False)],
    }
