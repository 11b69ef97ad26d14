from django.shortcuts import get_object_or_404, render

from .models import Session


def session_list(request):
    sessions = Session.objects.public().select_related("programme").order_by("starts_at")
    return render(request, "sessions_app/session_list.html", {"sessions": sessions, "nav": "sessions"})


def session_detail(request, pk):
    session = get_object_or_404(Session.objects.public().select_related("programme"), pk=pk)
    return render(request, "sessions_app/session_detail.html", {"session": session, "nav": "sessions"})
