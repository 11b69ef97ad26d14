"""Small display helpers for sessions and programmes: places, time ranges, languages.

Lists call these for every row, so the translated names (countries, languages, kinds) are
memoised per language and ``session_summary`` builds a row in Python rather than through an
included template: a programme page or a page of the session list stays a few milliseconds.
"""

import zoneinfo
from functools import lru_cache
from html import escape

from django import template
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import dateformat, timezone
from django.utils.formats import date_format, get_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_countries import countries

from lookingup.fields import language_names as _language_names
from lookingup.places import session_marker
from sessions_app.enums import SessionKind, SessionStatus
from sessions_app.forms import zone_label as _zone_label

register = template.Library()

SUMMARY_HEADINGS = {"h2", "h3", "h4", "h5"}
# Any value the URL converter accepts; replaced by the real one in the reversed URL.
_URL_PLACEHOLDER = "2147483647"


@lru_cache(maxsize=1024)
def _country_name(code: str, language: str | None) -> str:
    return str(countries.name(code))


@lru_cache(maxsize=1024)
def _joined_language_names(codes: tuple, language: str | None) -> str:
    return ", ".join(_language_names(codes))


@lru_cache(maxsize=64)
def _choice_label(choices: type, value: str, language: str | None) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


@lru_cache(maxsize=64)
def _url_templates(*key) -> dict[str, tuple[str, str]]:
    """The session and programme URLs split around their one argument, for ``key`` (language,
    script prefix, URLconf): reversed once, then filled in for every row."""
    urls = {
        "session": reverse("sessions_app:detail", kwargs={"pk": _URL_PLACEHOLDER}),
        "programme": reverse("programmes:detail", kwargs={"slug": _URL_PLACEHOLDER}),
    }
    templates = {}
    for name, url in urls.items():
        head, _placeholder, tail = url.rpartition(_URL_PLACEHOLDER)
        templates[name] = (head, tail)
    return templates


@lru_cache(maxsize=4096)
def _start_time_cached(starts_at, zone_name: str, language: str | None) -> str:
    # Pure: the same sessions appear on every visitor's list, and formatting a date is slow.
    zone = zoneinfo.ZoneInfo(zone_name)
    start = starts_at.astimezone(zone)
    when = dateformat.format(start, get_format("DATETIME_FORMAT"))
    return (
        f'<time datetime="{start.isoformat()}">{escape(when)}</time> '
        f'<abbr title="{escape(_zone_label(zone.key))}">{escape(start.tzname())}</abbr>'
    )


@register.filter
def language_names(codes) -> str:
    """``["en", "fr"]`` → ``"English, French"`` in the current language."""
    return _joined_language_names(tuple(codes or ()), get_language())


@register.filter
def zone_label(name: str) -> str:
    return _zone_label(name or "")


@register.filter
def place(session, language: str | None = None) -> str:
    """The venue, or “Online”. Never the meeting link itself."""
    if session.is_online:
        return _("Online")
    parts = [session.venue_name, session.city]
    code = session.country.code
    if code:
        parts.append(_country_name(code, language or get_language()))
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


def _start_time_html(session, zone_name: str = "", language: str | None = None) -> str:
    return _start_time_cached(
        session.starts_at, zone_name or session.time_zone, language or get_language()
    )


@register.simple_tag
def start_time(session, zone_name: str = "") -> SafeString:
    """The start only, for lists: ``<time>`` with the zone's abbreviation."""
    return mark_safe(_start_time_html(session, zone_name))  # noqa: S308 (escaped inside)


def _programme_line(session) -> tuple[str, str, str]:
    """(programme slug, programme title, track title): given by the view (``programme_line``,
    see sessions_app.views.add_programme_lines) or read from the select_related objects."""
    line = getattr(session, "programme_line", None)
    if line is not None:
        return line
    programme = session.programme
    return (
        programme.slug,
        str(programme.title),
        str(session.track.title) if session.track_id else "",
    )


def _cohort_names(session) -> list[str]:
    """The session's cohorts when the list gave them (``add_cohort_names`` in
    sessions_app.views) or prefetched them: never a query per row."""
    names = getattr(session, "cohort_names", None)
    if names is not None:
        return names
    prefetched = getattr(session, "_prefetched_objects_cache", {})
    if "cohorts" not in prefetched:
        return []
    return [str(cohort.name) for cohort in prefetched["cohorts"]]


def has_places_to_show(session, now=None) -> bool:
    """Seats are counted for this session, and can still be taken."""
    return (
        session.registration_required
        and session.capacity is not None
        and session.status != SessionStatus.CANCELLED
        and session.starts_at > (now or timezone.now())
    )


@register.simple_tag
def places_marker(session) -> SafeString:
    """Where the session's places left go (filled per request by ``{% fill_places %}``)."""
    return mark_safe(session_marker(session.pk) if has_places_to_show(session) else "")  # noqa: S308


@register.simple_tag
def session_summary(session, heading: str = "h3", show_programme: bool = False) -> SafeString:
    """One session in a list: title, status, start, kind, place, languages and, with
    ``show_programme``, its programme and track (select_related them, or see
    ``_programme_line``). Never the meeting link.
    Plain string building: this runs for every row of every list.
    """
    language = get_language()
    urls = _url_templates(language, get_script_prefix(), get_urlconf())
    tag = heading if heading in SUMMARY_HEADINGS else "h3"
    head, tail = urls["session"]
    url = f"{head}{session.pk}{tail}"
    html = [f'<{tag}><a href="{escape(url)}">{escape(session.title)}</a></{tag}>']
    if session.status != SessionStatus.SCHEDULED:
        label = _choice_label(SessionStatus, session.status, language)
        html.append(f'<p><span class="badge {escape(session.status)}">{escape(label)}</span></p>')
    html.append(f'<p class="meta">{_start_time_html(session, language=language)}</p>')
    details = [_choice_label(SessionKind, session.kind, language), place(session, language)]
    if session.languages:
        details.append(_joined_language_names(tuple(session.languages), language))
    html.append(f'<p class="meta">{escape(" · ".join(d for d in details if d))}</p>')
    cohorts = _cohort_names(session)
    if cohorts:
        # Copies of a session for several cohorts differ by their cohort: say which.
        label = _("For: %(cohorts)s") % {"cohorts": ", ".join(cohorts)}
        html.append(f'<p class="meta session-cohorts">{escape(label)}</p>')
    if has_places_to_show(session):
        html.append(session_marker(session.pk))
    if show_programme:
        slug, title, track = _programme_line(session)
        head, tail = urls["programme"]
        track = f" · {escape(track)}" if track else ""
        html.append(
            f'<p class="meta"><a href="{escape(f"{head}{slug}{tail}")}">{escape(title)}</a>'
            f"{track}</p>"
        )
    return mark_safe("\n".join(html))  # noqa: S308 (every value above is escaped)
