from dataclasses import dataclass
from functools import cached_property

from django.db import connection
from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from lookingup.cache import content_version
from sessions_app.ics import build_calendar
from sessions_app.models import Session
from sessions_app.views import SUMMARY_FIELDS

from .enums import ProgrammeStatus
from .models import Partnership, Programme, Track

# Sessions shown per track on a programme page; the rest are one link away, in the session
# list filtered by track. Keeps a programme with hundreds of sessions readable and light.
TIMELINE_PER_TRACK = 5
# A cached programme page follows every change at once (the content version); this bounds how
# long a session stays under "upcoming" after it has ended.
PAGE_CACHE_SECONDS = 300


def public_programmes():
    """Published and archived programmes; a draft is visible only in the admin."""
    return Programme.objects.public()


@require_safe
def programme_list(request):
    today = timezone.localdate()
    sections = {"ongoing": [], "upcoming": [], "past": []}
    for programme in public_programmes().order_by("start_date", "pk"):
        phase = programme.phase(today)
        if programme.status == ProgrammeStatus.ARCHIVED:
            phase = "past"
        sections[phase].append(programme)
    # The most recent past programme first.
    sections["past"].sort(key=lambda p: (p.end_date, p.pk), reverse=True)
    return render(
        request,
        "programmes/programme_list.html",
        {**sections, "nav": "programmes"},
    )


@dataclass
class TrackTimeline:
    """One track of a programme page: a few sessions, and how many more the list holds."""

    programme_id: int
    track: Track | None
    sessions: list
    upcoming: int = 0
    past: int = 0

    @property
    def list_query(self) -> str:
        """The session list's filter for this entry: its track, or the whole programme."""
        return f"track={self.track.pk}" if self.track else f"programme={self.programme_id}"

    @property
    def total(self) -> int:
        return self.upcoming + self.past

    @property
    def more_upcoming(self) -> bool:
        return self.upcoming > sum(not s.is_past for s in self.sessions)

    @property
    def more_past(self) -> bool:
        return self.past > sum(s.is_past for s in self.sessions)


# Per track (NULL is a partition of its own): upcoming sessions first, soonest first, then past
# ones, latest first; keep the first N. Hand-written because the ORM spends several times
# longer compiling the windowed query than the database spends running it, on every request.
# Standard SQL: window functions run on SQLite (3.25+) and PostgreSQL alike.
TIMELINE_SQL = """
SELECT {columns}, ranked.is_past, ranked.track_past, ranked.track_total
FROM {session} AS s
JOIN (
    SELECT id,
        CASE WHEN ends_at < %(now)s THEN 1 ELSE 0 END AS is_past,
        ROW_NUMBER() OVER (
            PARTITION BY track_id
            ORDER BY CASE WHEN ends_at < %(now)s THEN 1 ELSE 0 END,
                CASE WHEN ends_at >= %(now)s THEN starts_at END,
                starts_at DESC,
                id
        ) AS position,
        SUM(CASE WHEN ends_at < %(now)s THEN 1 ELSE 0 END) OVER (PARTITION BY track_id)
            AS track_past,
        COUNT(*) OVER (PARTITION BY track_id) AS track_total
    FROM {session}
    WHERE programme_id = %(programme)s
) AS ranked ON ranked.id = s.id
WHERE ranked.position <= %(per_track)s
ORDER BY s.starts_at, s.id
"""


def _summary_columns() -> list[str]:
    """The columns of SUMMARY_FIELDS, with every translation of a translated field."""
    names = {"id", "programme", "track", *(f for f in SUMMARY_FIELDS if "__" not in f)}
    return [
        field.column
        for field in Session._meta.concrete_fields
        if getattr(field, "translated_field", field).name in names
    ]


def timeline_sessions(programme, *, now, per_track: int = TIMELINE_PER_TRACK) -> list:
    """Per track, the next ``per_track`` sessions, topped up with the latest past ones when
    fewer are to come, in one query. Each carries ``is_past`` and its track's counts
    (``track_past``, ``track_total``); its track comes from ``programme.tracks`` (prefetched).
    """
    quote = connection.ops.quote_name
    sql = TIMELINE_SQL.format(
        session=quote(Session._meta.db_table),
        columns=", ".join(f"s.{quote(column)}" for column in _summary_columns()),
    )
    params = {"now": now, "programme": programme.pk, "per_track": per_track}
    tracks = {track.pk: track for track in programme.tracks.all()}
    sessions = list(Session.objects.raw(sql, params))
    for session in sessions:
        session.programme = programme
        if session.track_id is not None:
            session.track = tracks[session.track_id]
    return sessions


def build_timeline(programme, sessions) -> list[TrackTimeline]:
    """Every track in order (empty ones too), then the sessions outside any track."""
    timeline = {
        track.pk: TrackTimeline(programme.pk, track, []) for track in programme.tracks.all()
    }
    for session in sessions:
        entry = timeline.setdefault(session.track_id, TrackTimeline(programme.pk, None, []))
        entry.sessions.append(session)
        entry.past = session.track_past
        entry.upcoming = session.track_total - session.track_past
    return list(timeline.values())


class ProgrammePage:
    """What a programme page shows besides the programme itself, loaded on first use.

    The template caches the fragments that use it (keyed on the public content version), so a
    warm page reads the programme row alone.
    """

    def __init__(self, programme, *, now):
        self.programme = programme
        self.now = now

    @cached_property
    def timeline(self) -> list[TrackTimeline]:
        prefetch_related_objects(
            [self.programme],
            Prefetch("partnerships", queryset=Partnership.objects.select_related("organisation")),
            "tracks",
            "cohorts",
        )
        return build_timeline(self.programme, timeline_sessions(self.programme, now=self.now))

    @cached_property
    def session_count(self) -> int:
        return sum(entry.total for entry in self.timeline)

    @cached_property
    def cohorts(self) -> list:
        self.timeline  # noqa: B018 - loads the prefetches once
        return list(self.programme.cohorts.all())

    @cached_property
    def partnerships(self) -> list:
        self.timeline  # noqa: B018 - loads the prefetches once
        return list(self.programme.partnerships.all())


@require_safe
def programme_detail(request, slug):
    programme = get_object_or_404(public_programmes().select_related("funder"), slug=slug)
    return render(
        request,
        "programmes/programme_detail.html",
        {
            "programme": programme,
            "page": ProgrammePage(programme, now=timezone.now()),
            "content_version": content_version(),
            "cache_seconds": PAGE_CACHE_SECONDS,
            "nav": "programmes",
        },
    )


@require_safe
def programme_calendar(request, slug):
    """A subscribable feed of every public session of the programme, cancelled ones included
    (STATUS:CANCELLED is how a calendar client learns to remove them)."""
    programme = get_object_or_404(public_programmes(), slug=slug)
    sessions = programme.sessions.select_related("track").order_by("starts_at", "pk")
    body = build_calendar(sessions, name=f"LOOKING UP – {programme.title}")
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{programme.slug}.ics"'
    return response
