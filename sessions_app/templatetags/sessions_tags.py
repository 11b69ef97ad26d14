"""Small display helpers for sessions and programmes: places, time ranges, languages."""

import zoneinfo

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from lookingup.fields import language_names as _language_names
from sessions_app.forms import zone_label as _zone_label

register = template.Library()


@register.filter
def language_names(codes) -> str:
    """``["en", "fr"]`` → ``"English, French"`` in the current language."""
    return ", ".join(_language_names(codes or []))


@register.filter
def zone_label(name: str) -> str:
    return _zone_label(name or "")


@register.filter
def place(session) -> str:
    """The venue, or “Online”. Never the meeting link itself."""
    if session.is_online:
        return _("Online")
    parts = [session.venue_name, session.city]
    if session.country:
        parts.append(str(session.country.name))
    text = ", ".join(part for part in parts if part)
    if text and session.online_url:
        return _("%(place)s and online") % {"place": text}
    return text or (_("Online") if session.online_url else "")


@register.simple_tag
def time_range(session, zone_name: str = "") -> str:
    """Start and end of ``session`` in ``zone_name`` (default: the session's own zone)."""
    zone = zoneinfo.ZoneInfo(zone_name or session.time_zone)
    start = session.starts_at.astimezone(zone)
    end = session.ends_at.astimezone(zone)
    end_format = "TIME_FORMAT" if start.date() == end.date() else "DATETIME_FORMAT"
    return format_html(
        '<time datetime="{}">{}</time> – <time datetime="{}">{}</time> <abbr title="{}">{}</abbr>',
        start.isoformat(),
        date_format(start, "DATETIME_FORMAT"),
        end.isoformat(),
        date_format(end, end_format),
        _zone_label(zone.key),
        start.tzname(),
    )


@register.simple_tag
def start_time(session, zone_name: str = "") -> str:
    """The start only, for lists: ``<time>`` with the zone's abbreviation."""
    zone = zoneinfo.ZoneInfo(zone_name or session.time_zone)
    start = session.starts_at.astimezone(zone)
    return format_html(
        '<time datetime="{}">{}</time> <abbr title="{}">{}</abbr>',
        start.isoformat(),
        date_format(start, "DATETIME_FORMAT"),
        _zone_label(zone.key),
        start.tzname(),
    )
