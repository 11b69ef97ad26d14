import logging

from django.conf import settings
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_safe

from goodpractices.services import latest_practices
from programmes.enums import EnrolmentMode
from programmes.models import Programme
from sessions_app.views import for_summaries, public_sessions

logger = logging.getLogger(__name__)

HOME_SESSIONS = 6
HOME_PROGRAMMES = 6
HOME_PRACTICES = 4


@require_safe
def home(request):
    """The site's front page: it draws on programmes, sessions and practices, so it lives at
    the site level and each app only provides its query."""
    now = timezone.now()
    upcoming = for_summaries(public_sessions().upcoming(now)).order_by("starts_at", "pk")[
        :HOME_SESSIONS
    ]
    open_programmes = (
        Programme.objects.open_for_enrolment(now)
        .exclude(enrolment_mode=EnrolmentMode.INVITATION)
        .order_by("start_date", "pk")[:HOME_PROGRAMMES]
    )
    return render(
        request,
        "home.html",
        {
            "upcoming_sessions": upcoming,
            "open_programmes": open_programmes,
            "latest_practices": latest_practices(HOME_PRACTICES),
        },
    )


@require_GET
@never_cache
def healthz(request):
    """The process is up. Touches nothing else: the baseline every benchmark compares to."""
    return HttpResponse("ok", content_type="text/plain")


@require_GET
@never_cache
def readyz(request):
    """Ready to serve: the database answers, the Celery broker accepts a connection and the
    cache answers (without it pages are slower and signing in is paused)."""
    checks = {"database": _check_database(), "broker": _check_broker(), "cache": _check_cache()}
    ready = all(status == "ok" for status in checks.values())
    return JsonResponse(checks, status=200 if ready else 503)


def _check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        logger.exception("readyz: database check failed")
        return "error"
    return "ok"


def _check_cache() -> str:
    from .cache import cache_is_available

    try:
        available = cache_is_available()
    except Exception:
        logger.exception("readyz: cache check failed")
        return "error"
    return "ok" if available else "error"


def _check_broker() -> str:
    from lookingup.celery import app

    try:
        # The URL comes from the settings each time, so a test can point it elsewhere.
        with app.connection_for_write(settings.CELERY_BROKER_URL) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception:
        logger.exception("readyz: broker check failed")
        return "error"
    return "ok"


def bad_request(request, exception=None):
    return render(request, "errors/400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    # No context processors that might fail again: the template only needs static strings.
    return render(request, "errors/500.html", status=500)


def csrf_failure(request, reason=""):
    return render(request, "errors/403_csrf.html", status=403)
