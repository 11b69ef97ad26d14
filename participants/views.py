import json
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language, get_language_from_path
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.i18n import set_language as django_set_language

from programmes.models import Programme
from sessions_app.models import Session

from . import privacy as privacy_service
from . import services
from .enums import EnrolmentStatus
from .forms import CheckInForm, DeleteAccountForm, EnrolForm, ProfileForm
from .models import Attendance, Enrolment, SessionRegistration, User
from .services import check_in as check_in_service


@require_POST
def set_language(request):
    """Django's language switch, which also remembers the choice on the account.

    Django translates ``next`` by resolving it in the active language, which on this unprefixed
    URL comes from the cookie or the browser: a French page switched from an English browser did
    not resolve and stayed French. Resolving it in the language of its own prefix always works.
    """
    next_url = request.POST.get("next") or request.META.get("HTTP_REFERER") or ""
    page_language = get_language_from_path(urlsplit(next_url).path)
    with translation.override(page_language or translation.get_language()):
        response = django_set_language(request)
    language = request.POST.get("language", "")
    user = request.user
    if (
        user.is_authenticated
        and check_for_language(language)
        and language in dict(settings.LANGUAGES)
        and user.preferred_language != language
    ):
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
    return response


def _message(request, outcome: services.Outcome) -> None:
    level = {
        "success": messages.SUCCESS,
        "warning": messages.WARNING,
        "error": messages.ERROR,
    }.get(outcome.level, messages.INFO)
    messages.add_message(request, level, outcome.message)


def _back(request, default: str):
    """Back to the page the form was on (``next``), when it is one of ours."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(default)


# --- My space


@login_required
@require_GET
def dashboard(request):
    user = request.user
    now = timezone.now()
    enrolments = (
        Enrolment.objects.filter(participant=user)
        .exclude(status=EnrolmentStatus.CANCELLED)
        .select_related("programme", "cohort")
        .with_waiting_position()
        .order_by("-programme__start_date", "-pk")
    )
    registrations = (
        SessionRegistration.objects.filter(participant=user)
        .active()
        .select_related("session__programme")
        .with_waiting_position()
        .order_by("session__starts_at", "pk")
    )
    sessions = services.sessions_for(user).select_related("programme")
    past_sessions = list(sessions.filter(ends_at__lt=now).order_by("-starts_at", "-pk"))
    attendance = {
        row.session_id: row
        for row in Attendance.objects.filter(participant=user, session__in=past_sessions)
    }
    for session in past_sessions:
        session.my_attendance = attendance.get(session.pk)
    context = {
        "nav": "me",
        "enrolments": enrolments,
        "registrations": registrations,
        "upcoming_sessions": sessions.filter(ends_at__gte=now).order_by("starts_at", "pk"),
        "past_sessions": past_sessions,
        "progress": services.progress_of(user),
        "calendar_url": request.build_absolute_uri(
            reverse("participants:calendar", kwargs={"token": user.calendar_token})
        ),
        "now": now,
    }
    return render(request, "participants/dashboard.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("participants:dashboard")
    return render(request, "participants/profile.html", {"form": form, "nav": "me"})


# --- Enrolment and registration (small POST actions)


@login_required
@require_POST
def enrol(request, slug):
    # Any public programme: an archived one answers "closed" from the service, like its page.
    programme = get_object_or_404(Programme.objects.public(), slug=slug)
    form = EnrolForm(request.POST, programme=programme)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return _back(request, programme.get_absolute_url())
    outcome = services.enrol(request.user, programme, cohort=form.cleaned_data["cohort"])
    _message(request, outcome)
    return _back(request, programme.get_absolute_url())


@login_required
@require_POST
def cancel_enrolment(request, pk):
    enrolment = get_object_or_404(Enrolment, pk=pk, participant=request.user)
    _message(request, services.cancel_enrolment(enrolment))
    return _back(request, reverse("participants:dashboard"))


@login_required
@require_POST
def register(request, pk):
    session = get_object_or_404(Session.objects.public(), pk=pk)
    _message(request, services.register_for_session(request.user, session))
    return _back(request, session.get_absolute_url())


@login_required
@require_POST
def cancel_registration(request, pk):
    registration = get_object_or_404(SessionRegistration, pk=pk, participant=request.user)
    _message(request, services.cancel_registration(registration))
    return _back(request, reverse("participants:dashboard"))


@login_required
@require_http_methods(["GET", "POST"])
def check_in(request, pk):
    """Self check-in: the QR code leads here with the code filled in; the POST checks in."""
    session = get_object_or_404(Session.objects.public().select_related("programme"), pk=pk)
    form = CheckInForm(request.POST or None, initial={"code": request.GET.get("code", "")[:20]})
    if request.method == "POST" and form.is_valid():
        _message(
            request, check_in_service.check_in(request.user, session, form.cleaned_data["code"])
        )
        return redirect(session.get_absolute_url())
    return render(request, "participants/check_in.html", {"session": session, "form": form})


@require_http_methods(["GET", "POST"])
def invitation(request, token):
    """An invitation link: anyone may read it; accepting needs an account."""
    invite, error = services.read_invitation(token)
    if invite is None:
        return render(request, "participants/invitation.html", {"error": error}, status=400)
    # A link naming no group, for a programme with several: the person chooses one here.
    form = EnrolForm(request.POST if request.method == "POST" else None, programme=invite.programme)
    cohorts = [] if invite.cohort_id else list(form.fields["cohort"].queryset)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse(settings.LOGIN_URL)}?next={request.path}")
        if form.is_valid():
            outcome = services.accept_invitation(
                request.user, token, cohort=form.cleaned_data["cohort"]
            )
            _message(request, outcome)
            if outcome.ok:
                return redirect("participants:dashboard")
    context = {"invitation": invite, "form": form, "cohorts": cohorts if len(cohorts) > 1 else []}
    return render(request, "participants/invitation.html", context)


# --- Reminders off, from the mail


@csrf_exempt  # RFC 8058: the mail provider POSTs "List-Unsubscribe=One-Click", with no cookie
@require_http_methods(["GET", "POST"])
def reminders_off(request, token):
    """A reminder's unsubscribe link: a page with a button (link checkers only GET), and the
    one-click POST of mail clients. The signed token is the only credential needed."""
    person = services.user_from_reminders_token(token)
    if person is None:
        return render(request, "participants/reminders_off.html", {"invalid": True}, status=400)
    if request.method == "POST":
        services.set_reminders(person, enabled=False)
        return render(request, "participants/reminders_off.html", {"done": True})
    return render(request, "participants/reminders_off.html", {"person": person})


# --- Calendar feed


@require_GET
def calendar(request, token):
    """The private feed: secret URL, no sign-in (calendar apps cannot sign in)."""
    from sessions_app.ics import build_calendar

    user = User.objects.filter(calendar_token=token, is_active=True).first()
    if user is None:
        raise Http404
    sessions = services.sessions_for(user).select_related("programme", "track")
    content = build_calendar(
        sessions.order_by("starts_at"), name="LOOKING UP", include_join_url=True
    )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    return response


@login_required
@require_POST
def regenerate_calendar(request):
    services.regenerate_calendar_token(request.user)
    messages.success(request, _("Your calendar has a new address: the old one no longer works."))
    return redirect("participants:dashboard")


# --- Privacy


@require_GET
def privacy(request):
    return render(
        request,
        "participants/privacy.html",
        {"version": settings.PRIVACY_NOTICE_VERSION},
    )


@login_required
@require_GET
def export_data(request):
    data = privacy_service.export_user_data(request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="looking-up-my-data.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        privacy_service.delete_account(user)
        messages.success(request, _("Your account and your personal data have been erased."))
        return redirect("home")
    return render(request, "participants/delete_account.html", {"form": form, "nav": "me"})
