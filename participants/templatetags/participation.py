"""What the enrol / join boxes on public pages need, at a constant number of queries.

The first box on a page loads everything it needs for the signed-in person in one query per
kind (enrolments, registrations, sessions they take part in, cohorts open for enrolment) and
keeps it on the request; every other box on the page reads from there. Places left in sessions
are written in by ``{% fill_places %}`` (base.html), in one query per page.
"""

from django import template
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from lookingup.cache import kept_while_unchanged
from lookingup.places import MARKER_RE
from participants import services
from participants.enums import EnrolmentStatus
from participants.models import Enrolment, SessionRegistration
from participants.services.registration import registration_refusal
from programmes.enums import EnrolmentMode, EnrolmentWindow
from programmes.models import Cohort, Programme

register = template.Library()

CACHE_ATTRIBUTE = "_participation_cache"


def _cache(request) -> dict:
    if request is None:
        return {}
    if not hasattr(request, CACHE_ATTRIBUTE):
        setattr(request, CACHE_ATTRIBUTE, {})
    return getattr(request, CACHE_ATTRIBUTE)


def _cached(request, key, load):
    cache = _cache(request)
    if key not in cache:
        cache[key] = load()
    return cache[key]


def _user(request):
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def _enrolments(request, user) -> dict:
    """programme id → the person's active (or rejected) enrolment."""

    def load():
        rows = (
            Enrolment.objects.filter(
                participant=user,
                status__in=[*EnrolmentStatus.active(), EnrolmentStatus.REJECTED],
            )
            .select_related("programme", "cohort")
            .order_by("pk")
        )
        by_programme = {}
        for row in rows:
            current = by_programme.get(row.programme_id)
            if current is None or not current.is_active:
                by_programme[row.programme_id] = row
        return by_programme

    return _cached(request, "enrolments", load)


# Places left are a guide (enrolling re-checks them under a lock): kept in the shared cache
# until an enrolment, the content or the clock (an enrolment window closing) moves on.
COHORTS_SECONDS = 60


def _cohorts(request) -> dict:
    """programme id → its cohorts with seats taken, for programmes open for enrolment."""

    def load():
        return kept_while_unchanged("open-cohorts", (), count, timeout=COHORTS_SECONDS)

    def count():
        cohorts = Cohort.objects.filter(
            programme__in=Programme.objects.open_for_enrolment()
        ).annotate(
            taken=Count("enrolments", filter=Q(enrolments__status=EnrolmentStatus.CONFIRMED)),
            waiting=Count("enrolments", filter=Q(enrolments__status=EnrolmentStatus.WAITING)),
        )
        by_programme: dict = {}
        for cohort in cohorts:
            cohort.places = None
            if cohort.capacity is not None:
                cohort.places = services.Places(cohort.capacity, cohort.taken, cohort.waiting)
            cohort.is_full = cohort.places is not None and cohort.places.full
            by_programme.setdefault(cohort.programme_id, []).append(cohort)
        return by_programme

    return _cached(request, "cohorts", load)


@register.simple_tag(takes_context=True)
def enrolment_box(context, programme):
    """State of the enrol box for ``programme``: ``enrolment`` (or None), ``state`` (one of
    enrolled, rejected, invitation, not_yet, closed, open, anonymous), ``cohorts`` and, of
    those, the ``limited`` ones (with a capacity, so with places left to show)."""
    request = context.get("request")
    user = _user(request)
    now = timezone.now()
    box = {"enrolment": None, "cohorts": [], "state": "open"}
    if user is not None:
        enrolment = _enrolments(request, user).get(programme.pk)
        if enrolment is not None:
            box["enrolment"] = enrolment
            box["state"] = "enrolled" if enrolment.is_active else "rejected"
            if enrolment.is_active:
                box["can_cancel"] = (
                    enrolment.status != EnrolmentStatus.CONFIRMED
                    or now <= services.cancellation_deadline(enrolment)
                )
            return box
    window = programme.enrolment_window(now)
    if programme.enrolment_mode == EnrolmentMode.INVITATION:
        box["state"] = "invitation"
    elif window == EnrolmentWindow.NOT_YET:
        box["state"] = "not_yet"
    elif window != EnrolmentWindow.OPEN:
        box["state"] = "closed"
    else:
        box["state"] = "anonymous" if user is None else "open"
        box["cohorts"] = _cohorts(request).get(programme.pk, [])
        box["limited"] = [cohort for cohort in box["cohorts"] if cohort.places is not None]
    return box


@register.simple_tag(takes_context=True)
def session_box(context, session):
    """State of the join box for ``session``: ``taking_part`` (confirmed, so the join link
    shows), ``registration`` (or None), ``can_register``, ``enrolled``."""
    request = context.get("request")
    user = _user(request)
    box = {"taking_part": False, "registration": None, "can_register": False, "enrolled": False}
    if user is None:
        return box
    sessions = _cached(
        request, "sessions", lambda: set(services.sessions_for(user).values_list("pk", flat=True))
    )
    registrations = _cached(
        request,
        "registrations",
        lambda: {
            registration.session_id: registration
            for registration in SessionRegistration.objects.active().filter(participant=user)
        },
    )
    enrolment = _enrolments(request, user).get(session.programme_id)
    box["taking_part"] = session.pk in sessions
    box["registration"] = registrations.get(session.pk)
    box["enrolled"] = enrolment is not None and enrolment.status == EnrolmentStatus.CONFIRMED
    if session.registration_required:
        refusal = registration_refusal(
            user,
            session,
            now=timezone.now(),
            enrolment=enrolment if box["enrolled"] else None,
            registered=box["registration"] is not None,
            # Prefetched by the session page.
            cohort_ids={cohort.pk for cohort in session.cohorts.all()},
        )
        box["can_register"] = refusal is None
    return box


def places_text(places) -> str:
    """The words for ``places``: "3 places left", or what joining a full session means."""
    if not places.full:
        return ngettext("%(left)s place left", "%(left)s places left", places.left) % {
            "left": places.left
        }
    if places.waiting:
        return ngettext(
            "Full – you will join the waiting list (%(waiting)s waiting)",
            "Full – you will join the waiting list (%(waiting)s waiting)",
            places.waiting,
        ) % {"waiting": places.waiting}
    return gettext("Full – you will be first on the waiting list")


@register.simple_tag
def places_left(places) -> str:
    """``{% places_left cohort.places %}``: the words of the filled markers, for cohorts."""
    return places_text(places) if places is not None else ""


def places_html(places) -> str:
    if places is None:
        return ""
    css = "places full" if places.full else "places"
    return format_html('<p class="{}">{}</p>', css, places_text(places))


class FillPlacesNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        html = self.nodelist.render(context)
        ids = {int(pk) for pk in MARKER_RE.findall(html)}
        if not ids:
            return html
        found = services.session_places(ids)
        filled = MARKER_RE.sub(lambda match: places_html(found.get(int(match[1]))), html)
        return mark_safe(filled)  # noqa: S308 (rendered HTML, and format_html above)


@register.tag
def fill_places(parser, token):
    """``{% fill_places %}…{% endfill_places %}``: replace the places markers of the enclosed
    HTML (lookingup/places.py), cached fragments included, with today's figures."""
    nodelist = parser.parse(("endfill_places",))
    parser.delete_first_token()
    return FillPlacesNode(nodelist)


@register.simple_tag(takes_context=True)
def check_in_box(context, session):
    """The self check-in box for ``session``: ``open`` when the signed-in person takes part and
    the check-in window is open (in-person sessions), ``checked_in`` once they are in."""
    from participants.enums import AttendanceStatus
    from participants.forms import CheckInForm
    from participants.models import Attendance
    from participants.services import check_in

    request = context.get("request")
    user = _user(request)
    box = {"open": False, "checked_in": False}
    if user is None or session.is_online or not check_in.is_check_in_open(session):
        return box
    taking_part = _cached(
        request, "sessions", lambda: set(services.sessions_for(user).values_list("pk", flat=True))
    )
    if session.pk not in taking_part:
        return box
    box["open"] = True
    box["checked_in"] = Attendance.objects.filter(
        session=session, participant=user, status__in=AttendanceStatus.attended()
    ).exists()
    box["form"] = CheckInForm()
    return box
