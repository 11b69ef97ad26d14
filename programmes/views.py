from django.shortcuts import get_object_or_404, render

from sessions_app.models import Session

from .models import Programme


def home(request):
    upcoming = (
        Session.objects.public().upcoming().select_related("programme").order_by("starts_at")[:6]
    )
    open_programmes = Programme.objects.open_for_enrolment().order_by("start_date")[:6]
    return render(
        request,
        "programmes/home.html",
        {"upcoming_sessions": upcoming, "open_programmes": open_programmes},
    )


def programme_list(request):
    programmes = Programme.objects.published().order_by("-start_date")
    return render(
        request, "programmes/programme_list.html", {"programmes": programmes, "nav": "programmes"}
    )


def programme_detail(request, slug):
    programme = get_object_or_404(Programme.objects.published(), slug=slug)
    return render(
        request, "programmes/programme_detail.html", {"programme": programme, "nav": "programmes"}
    )
