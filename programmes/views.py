from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from sessions_app.forms import PUBLIC_PROGRAMME_STATUSES
from sessions_app.ics import build_calendar
from sessions_app.views import public_sessions

from .enums import ProgrammeStatus
from .models import Partnership, Programme

HOME_SESSIONS = 6
HOME_PROGRAMMES = 6


def public_programmes():
    """Published and archived programmes; a draft is visible only in the admin."""
    return Programme.objects.filter(status__in=PUBLIC_PROGRAMME_STATUSES)


@require_safe
def home(request):
    now = timezone.now()
    upcoming = (
        public_sessions()
        .upcoming(now)
        .select_related("programme", "track")
        .order_by("starts_at", "pk")[:HOME_SESSIONS]
    )
    open_programmes = Programme.objects.open_for_enrolment(now).order_by("start_date", "pk")[
        :HOME_PROGRAMMES
    ]
    return render(
        request,
        "programmes/home.html",
        {
            "upcoming_sessions": upcoming,
            "open_programmes": open_programmes,
            # Slot for the good-practices app: fill with its latest published practices.
            "latest_practices": [],
        },
    )


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


@require_safe
def programme_detail(request, slug):
    programme = get_object_or_404(
        public_programmes()
        .select_related("funder")
        .prefetch_related(
            Prefetch("partnerships", queryset=Partnership.objects.select_related("organisation")),
            "tracks",
            "cohorts",
        ),
        slug=slug,
    )
    sessions = programme.sessions.select_related("track").order_by("starts_at", "pk")
    by_track: dict[int | None, list] = {}
    for session in sessions:
        by_track.setdefault(session.track_id, []).append(session)
    timeline = [(track, by_track.get(track.pk, [])) for track in programme.tracks.all()]
    if None in by_track:
        timeline.append((None, by_track[None]))
    return render(
        request,
        "programmes/programme_detail.html",
        {
            "programme": programme,
            "timeline": timeline,
            "has_sessions": bool(by_track),
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
