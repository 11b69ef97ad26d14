"""The reviewers' side: coordinators of a call's programme comment, request changes, publish
or reject (the admin links here too)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_safe

from goodpractices import services
from goodpractices.enums import EventAction, PracticeStatus
from goodpractices.forms import ReviewForm

from .common import show

# What each review step's button says.
STEP_LABELS = {
    EventAction.COMMENTED: _("Comment"),
    EventAction.CHANGES_REQUESTED: _("Request changes"),
    EventAction.PUBLISHED: _("Publish"),
    EventAction.REJECTED: _("Reject"),
}


def _staff(request):
    if not request.user.is_staff:
        raise PermissionDenied


@login_required
@require_safe
def review_list(request):
    _staff(request)
    practices = (
        services.reviewable_practices(request.user)
        .select_related("call", "programme", "submitted_by")
        .order_by("-submitted_at", "-pk")
    )
    waiting = [p for p in practices if p.status in PracticeStatus.awaiting_review()]
    others = [p for p in practices if p.status not in PracticeStatus.awaiting_review()]
    return render(
        request,
        "goodpractices/review_list.html",
        {"waiting": waiting, "others": others[:50], "nav": "goodpractices"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def review_detail(request, pk):
    _staff(request)
    practice = get_object_or_404(
        services.reviewable_practices(request.user).select_related(
            "call", "programme", "submitted_by"
        ),
        pk=pk,
    )
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = services.review(
            practice,
            by=request.user,
            action=form.cleaned_data["action"],
            message=form.cleaned_data["message"],
        )
        show(request, outcome)
        if outcome.ok:
            return redirect("goodpractices:review", pk=practice.pk)
    steps = services.allowed_steps(practice)
    questions = practice.call.questions.all() if practice.call else []
    return render(
        request,
        "goodpractices/review_detail.html",
        {
            "practice": practice,
            "form": form,
            "steps": [(step, STEP_LABELS[step]) for step in steps],
            "answers": [(q.text, practice.answers.get(str(q.pk), "")) for q in questions],
            "materials": practice.materials.all(),
            "events": practice.events.select_related("actor"),
            "themes": practice.themes.all(),
            "nav": "goodpractices",
        },
    )
