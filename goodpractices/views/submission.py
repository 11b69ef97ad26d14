"""Calls for practices and the submitter's side: drafts, submission, materials."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from goodpractices import phrases, services
from goodpractices.forms import MaterialForm, PracticeForm
from goodpractices.models import Call, GoodPractice, PracticeMaterial
from programmes.models import Programme

from .common import show


def public_calls():
    """Calls of public programmes (an archived programme's calls stay readable, closed)."""
    return Call.objects.filter(programme__in=Programme.objects.public()).select_related("programme")


@require_safe
def call_list(request):
    now = timezone.now()
    calls = list(public_calls().prefetch_related("themes"))
    return render(
        request,
        "goodpractices/call_list.html",
        {
            "open_calls": [c for c in calls if c.is_open(now)],
            "upcoming_calls": [c for c in calls if now < c.opens_at],
            "closed_calls": [c for c in calls if c.closes_at <= now],
            "nav": "goodpractices",
        },
    )


@require_safe
def call_detail(request, pk):
    call = get_object_or_404(public_calls().prefetch_related("themes", "questions"), pk=pk)
    return render(
        request,
        "goodpractices/call_detail.html",
        {"call": call, "is_open": call.is_open(), "nav": "goodpractices"},
    )


def _submit_or_say_saved(request, practice):
    if "submit" in request.POST:
        outcome = services.submit(practice, by=request.user)
        show(request, outcome)
        if outcome.ok:
            return redirect("participants:dashboard")
    else:
        messages.success(request, phrases.DRAFT_SAVED)
    return redirect("goodpractices:edit", pk=practice.pk)


@login_required
@require_http_methods(["GET", "POST"])
def practice_new(request, call_pk):
    call = get_object_or_404(public_calls().prefetch_related("questions"), pk=call_pk)
    refusal = services.draft_refusal(call)
    if refusal is not None:
        messages.error(request, refusal)
        return redirect(call)
    questions = call.questions.all()
    initial = {"original_language": request.user.preferred_language}
    form = PracticeForm(request.POST or None, questions=questions, initial=initial)
    if request.method == "POST" and form.is_valid():
        practice = services.save_draft(form, by=request.user, call=call)
        return _submit_or_say_saved(request, practice)
    return render(
        request,
        "goodpractices/practice_form.html",
        {"form": form, "call": call, "practice": None, "nav": "goodpractices"},
    )


def _own_practice(request, pk) -> GoodPractice:
    """The signed-in person's own practice; anyone else's is not found."""
    return get_object_or_404(
        GoodPractice.objects.select_related("call__programme"),
        pk=pk,
        submitted_by=request.user,
    )


def _edit_page(request, practice, form, material_form, status=200):
    editable = services.can_edit(request.user, practice)
    return render(
        request,
        "goodpractices/practice_form.html",
        {
            "form": form,
            "material_form": material_form,
            "call": practice.call,
            "practice": practice,
            "editable": editable,
            "submission_refusal": services.submission_refusal(practice, user=request.user)
            if editable
            else None,
            "materials": practice.materials.all(),
            "events": practice.events.select_related("actor"),
            "upload_limit": settings.UPLOAD_MAX_BYTES,
            "nav": "me",
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def practice_edit(request, pk):
    practice = _own_practice(request, pk)
    questions = practice.call.questions.all() if practice.call else []
    if request.method == "POST":
        if not services.can_edit(request.user, practice):
            messages.error(request, phrases.NOT_EDITABLE)
            return redirect("goodpractices:edit", pk=practice.pk)
        form = PracticeForm(request.POST, instance=practice, questions=questions)
        if form.is_valid():
            practice = services.save_draft(form, by=request.user)
            return _submit_or_say_saved(request, practice)
        return _edit_page(request, practice, form, MaterialForm())
    form = PracticeForm(instance=practice, questions=questions)
    return _edit_page(request, practice, form, MaterialForm())


@login_required
@require_POST
def material_add(request, pk):
    practice = _own_practice(request, pk)
    if not services.can_edit(request.user, practice):
        messages.error(request, phrases.NOT_EDITABLE)
        return redirect("goodpractices:edit", pk=practice.pk)
    material_form = MaterialForm(
        request.POST, request.FILES, instance=PracticeMaterial(practice=practice)
    )
    if material_form.is_valid():
        material_form.save()
        messages.success(request, phrases.MATERIAL_ADDED)
        return redirect("goodpractices:edit", pk=practice.pk)
    questions = practice.call.questions.all() if practice.call else []
    form = PracticeForm(instance=practice, questions=questions)
    return _edit_page(request, practice, form, material_form)


@login_required
@require_POST
def material_remove(request, pk):
    material = get_object_or_404(
        PracticeMaterial.objects.select_related("practice"),
        pk=pk,
        practice__submitted_by=request.user,
    )
    if not services.can_edit(request.user, material.practice):
        raise Http404
    material.delete()
    return redirect("goodpractices:edit", pk=material.practice_id)
