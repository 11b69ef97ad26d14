"""iCalendar (RFC 5545) files for sessions: one session, a programme feed, a participant's feed.

Times are written in UTC, so every client places them right without a VTIMEZONE block; the
session's own zone is named in the description for people reading the event text.
"""

import datetime as dt
from collections.abc import Iterable
from datetime import UTC

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from lookingup.validators import CONTROL_CHARACTERS, single_line

from .enums import SessionStatus
from .models import Session

PRODID = "-//LOOKING UP//Training sessions//EN"
UID_DOMAIN = "lookingup"
# Subscribed feeds: ask clients to poll twice a day (RFC 7986 and the Apple/Google extension).
REFRESH_INTERVAL = dt.timedelta(hours=12)

ICS_STATUS = {
    SessionStatus.SCHEDULED: "CONFIRMED",
    SessionStatus.POSTPONED: "TENTATIVE",
    SessionStatus.CANCELLED: "CANCELLED",
}


def multi_line(value: str) -> str:
    """Text that may hold line breaks (a description): other control characters go, since
    RFC 5545 allows none in TEXT values."""
    lines = (CONTROL_CHARACTERS.sub(" ", line) for line in str(value).splitlines())
    return "\n".join(line.rstrip() for line in lines)


def session_uid(session: Session) -> str:
    """The event's UID: stable for the life of the session, whatever is edited."""
    return f"{session.uid}@{UID_DOMAIN}"


def session_url(session: Session) -> str:
    return f"{settings.SITE_URL}{session.get_absolute_url()}"


def session_location(session: Session) -> str:
    if session.is_online or not (session.venue_name or session.venue_address or session.city):
        return _("Online") if session.online_url else ""
    parts = [session.venue_name, session.venue_address, session.city]
    if session.country:
        parts.append(str(session.country.name))
    return ", ".join(part for part in parts if part)


def _description(session: Session, *, include_join_url: bool) -> str:
    lines = [str(session.programme.title)]
    if session.track_id:
        lines.append(str(session.track.title))
    if session.description:
        lines += ["", session.description]
    lines += ["", _("Time zone: %(zone)s") % {"zone": session.time_zone}]
    if include_join_url and session.online_url:
        lines.append(_("Join online: %(url)s") % {"url": session.online_url})
    lines.append(session_url(session))
    return multi_line("\n".join(lines))


def build_event(session: Session, *, include_join_url: bool = False, stamp=None):
    """One VEVENT. Needs ``programme`` and ``track`` loaded (select_related) to stay cheap."""
    from icalendar import Event

    event = Event()
    event.add("uid", session_uid(session))
    event.add("sequence", session.sequence)
    event.add("dtstamp", stamp or timezone.now())
    event.add("created", session.created_at.astimezone(UTC))
    event.add("last-modified", session.updated_at.astimezone(UTC))
    event.add("dtstart", session.starts_at.astimezone(UTC))
    event.add("dtend", session.ends_at.astimezone(UTC))
    # Titles and places are validated as single lines; rows written before that, or by a
    # script, must still give a calendar file rather than an error.
    event.add("summary", single_line(session.title))
    event.add("description", _description(session, include_join_url=include_join_url))
    location = session_location(session)
    if location:
        event.add("location", single_line(location))
    event.add("url", session_url(session), parameters={"VALUE": "URI"})
    event.add("status", ICS_STATUS.get(session.status, "CONFIRMED"))
    if session.is_cancelled:
        # Calendar clients that ignore STATUS still show the event as free time.
        event.add("transp", "TRANSPARENT")
    if include_join_url and session.online_url:
        event.add("conference", session.online_url, parameters={"VALUE": "URI"})
    return event


def build_calendar(
    sessions: Iterable[Session],
    *,
    name: str,
    include_join_url: bool = False,
    method: str = "PUBLISH",
) -> bytes:
    """A VCALENDAR holding one VEVENT per session, as bytes ready to serve or attach.

    ``include_join_url`` adds the online meeting link: only for confirmed participants'
    private feeds and emails, never for public downloads. ``method="CANCEL"`` (RFC 5546) with
    the event's UID and a higher SEQUENCE makes a calendar client remove the event it holds.
    """
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    name = single_line(name)
    calendar.add("x-wr-calname", name)
    calendar.add("name", name)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT12H")
    stamp = timezone.now()
    for session in sessions:
        calendar.add_component(build_event(session, include_join_url=include_join_url, stamp=stamp))
    return calendar.to_ical()
