import hashlib
from dataclasses import dataclass
from itertools import groupby
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.db.models import IntegerField, Subquery, prefetch_related_objects
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from lookingup.cache import content_version, for_version
from programmes.models import Cohort

from .forms import FILTER_CHOICES_TIMEOUT, SessionFilterForm, TimeZoneForm, is_known_time_zone
from .ics import build_calendar
from .models import Material, Session

PAGE_SIZE = 20
# Result pages follow every change at once (the content version); this bounds how long an
# ended session stays among the upcoming ones.
LIST_CACHE_SECONDS = 300
# The session page's materials and details follow every change at once (the content version).
DETAIL_CACHE_SECONDS = 300
TZ_COOKIE = "tz"
TZ_COOKIE_AGE = 365 * 24 * 60 * 60


# What a row of a session list shows ({% session_summary %}): loading only these columns, and
# not every translation of every description, makes a page of the list noticeably cheaper.
SUMMARY_FIELDS = (
    "title",
    "status",
    "starts_at",
    "ends_at",
    "time_zone",
    "kind",
    "venue_name",
    "city",
    "country",
    "online_url",
    "languages",
    # Whether the row shows places left (a marker filled per request, see lookingup/places.py).
    "registration_required",
    "capacity",
    "programme__slug",
    "programme__title",
    "programme__original_language",
    "track__title",
)


def public_sessions():
    """Sessions of published and archived programmes; drafts stay private."""
    return Session.objects.public()


def for_summaries(sessions):
    """``sessions`` with what {% session_summary ... show_programme=True %} needs."""
    return sessions.select_related("programme", "track").only(*SUMMARY_FIELDS)


def add_programme_lines(sessions, choices) -> None:
    """Give each row its programme and track names from the cached filter choices, so that
    the page query needs no join: two more model instances per row cost more than the rest
    of the query. A row the choices do not know yet loads them itself."""
    for session in sessions:
        session.programme_line = choices.programme_line(session)


SESSION_COHORTS_KEY = "sessions:cohorts"


@dataclass(frozen=True)
class SessionCohorts:
    """Session id → the ids of its cohorts, for every session that has some, as of one
    content version: which cohorts a session is for changes with the content (m2m changes
    bump the version too), so this is read once per change rather than once per page."""

    ids: dict[int, list[int]]
    up_to: int  # the highest session id when it was read: later ones are not in ``ids``

    @classmethod
    def load(cls) -> "SessionCohorts":
        ids: dict[int, list[int]] = {}
        links = Session.cohorts.through.objects.order_by("cohort_id")
        for session_id, cohort_id in links.values_list("session_id", "cohort_id"):
            ids.setdefault(session_id, []).append(cohort_id)
        up_to = Session.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        return cls(ids, up_to)

    @classmethod
    def cached(cls, version: str) -> "SessionCohorts":
        return for_version(SESSION_COHORTS_KEY, version, cls.load, timeout=FILTER_CHOICES_TIMEOUT)


def add_cohort_names(sessions, choices, *, version: str) -> None:
    """Give each row the names of its cohorts (copies of a session for each hub differ by
    them): which cohorts from ``SessionCohorts``, their names from the cached filter choices.
    A session or cohort newer than those is loaded. (Prefetching the relation built a query
    per row, which cost more than the rest of the page.)"""
    cohorts = SessionCohorts.cached(version)
    ids = {session.pk: cohorts.ids.get(session.pk, []) for session in sessions}
    newer = [pk for pk in ids if pk > cohorts.up_to]
    if newer:
        links = Session.cohorts.through.objects.filter(session_id__in=newer).order_by("cohort_id")
        for session_id, cohort_id in links.values_list("session_id", "cohort_id"):
            ids[session_id] = [*ids[session_id], cohort_id]
    names = choices.cohort_names
    missing = {pk for pks in ids.values() for pk in pks if pk not in names}
    if missing:
        names = names | {pk: str(c.name) for pk, c in Cohort.objects.in_bulk(missing).items()}
    for session in sessions:
        session.cohort_names = [names[pk] for pk in ids[session.pk]]


class CountOf(Subquery):
    """How many rows ``queryset`` has, as a column of another query: the database counts
    them once (an uncorrelated subquery), in the same round trip."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) AS counted)"
    output_field = IntegerField()


def paginate(queryset, number) -> Page:
    """``Paginator(queryset, PAGE_SIZE).get_page(number)`` in one query rather than two: the
    page's rows carry the count of all the rows. An empty page (nothing matches, or past the
    end) takes Django's way, which finds the last page."""
    paginator = Paginator(queryset, PAGE_SIZE)
    if number is None or (number.isdigit() and int(number) > 0):
        start = (int(number or 1) - 1) * PAGE_SIZE
        counted = queryset.annotate(total_rows=CountOf(queryset.order_by().values("pk")))
        rows = list(counted[start : start + PAGE_SIZE])
        if rows:
            paginator.count = rows[0].total_rows  # what the count query would have said
            return Page(rows, start // PAGE_SIZE + 1, paginator)
    return paginator.get_page(number)


def visitor_time_zone(request) -> str:
    """The visitor's zone from the ``tz`` cookie, or the site's zone when unset or unknown."""
    name = request.COOKIES.get(TZ_COOKIE, "")
    return name if is_known_time_zone(name) else settings.TIME_ZONE


def _page_number(request) -> str:
    number = request.GET.get("page", "")
    return number if number.isdigit() and int(number) > 0 else "1"


@require_safe
def session_list(request):
    version = content_version()
    form = SessionFilterForm(request.GET, version=version)

    def load_page():
        own_fields = ["programme", "track", *(n for n in SUMMARY_FIELDS if "__" not in n)]
        sessions = form.filter(public_sessions().only(*own_fields), now=timezone.now())
        page = paginate(sessions, request.GET.get("page"))
        add_programme_lines(page.object_list, form.choices)
        add_cohort_names(page.object_list, form.choices, version=version)
        return page

    # Loaded only when the template's cached results fragment misses.
    page = SimpleLazyObject(load_page)
    # Keyed on what the filters understood: made-up parameters and bad values share the entry
    # of the list they show, instead of each rendering and storing a copy.
    filters = sorted((name, str(value)) for name, value in form.valid_data().items())
    query = urlencode([*filters, ("page", _page_number(request))])
    return render(
        request,
        "sessions_app/session_list.html",
        {
            "form": form,
            "page_obj": page,
            "sessions": SimpleLazyObject(lambda: page.object_list),
            "showing_past": form.showing_past,
            "active_filters": form.active_count,
            "content_version": version,
            "results_key": hashlib.sha256(query.encode()).hexdigest()[:32],
            # The filter panel shows the filters understood (a form with errors is not cached).
            "filters_key": hashlib.sha256(urlencode(filters).encode()).hexdigest()[:32],
            "cache_seconds": LIST_CACHE_SECONDS,
            "nav": "sessions",
        },
    )


def materials_by_language(session) -> list[tuple[str, list]]:
    """The session's materials under the name of their language, in the page's language."""
    names = dict(settings.LANGUAGES)
    materials = Material.objects.filter(session=session).order_by("language", "order", "pk")
    return [
        (str(names.get(code, code)), list(items))
        for code, items in groupby(materials, key=lambda m: m.language)
    ]


def load_cohorts(session) -> list:
    """The session's cohorts, kept on it for whoever asks next (the join box does)."""
    prefetch_related_objects([session], "cohorts")
    return list(session.cohorts.all())


@require_safe
def session_detail(request, pk):
    session = get_object_or_404(public_sessions().select_related("programme", "track"), pk=pk)
    visitor_tz = visitor_time_zone(request)
    return render(
        request,
        "sessions_app/session_detail.html",
        {
            "session": session,
            "visitor_tz": visitor_tz,
            "same_zone": visitor_tz == session.time_zone,
            "tz_form": TimeZoneForm(current=visitor_tz, initial={"next": request.get_full_path()}),
            # Loaded only when the template's cached fragments miss: a warm page reads the
            # session row alone.
            "materials_by_language": SimpleLazyObject(lambda: materials_by_language(session)),
            "cohorts": SimpleLazyObject(lambda: load_cohorts(session)),
            "content_version": content_version(),
            "cache_seconds": DETAIL_CACHE_SECONDS,
            # The participants app decides who may join; public pages never show the link.
            "can_join": False,
            "nav": "sessions",
        },
    )


@require_POST
def set_time_zone(request):
    """Remember the visitor's time zone in a cookie and go back to the page they were on."""
    form = TimeZoneForm(request.POST)
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("sessions_app:list")
    response = HttpResponseRedirect(next_url)
    if form.is_valid():
        response.set_cookie(
            TZ_COOKIE,
            form.cleaned_data["tz"],
            max_age=TZ_COOKIE_AGE,
            samesite="Lax",
            secure=request.is_secure(),
            # Read by static/js/timezone.js so it never overrides a choice made here.
            httponly=False,
        )
    else:
        messages.error(request, _("Please choose a time zone from the list."))
    return response


@require_safe
def session_calendar(request, pk):
    session = get_object_or_404(public_sessions().select_related("programme", "track"), pk=pk)
    body = build_calendar([session], name=f"LOOKING UP – {session.title}")
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    filename = slugify(session.title)[:60] or f"session-{session.pk}"
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response
