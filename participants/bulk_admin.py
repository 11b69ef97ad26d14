"""Bulk actions of the enrolment and registration lists: the forms they ask, the pages they
show before acting, the counts they report. Each row goes through one service
(participants/services/bulk.py, enrolment.py); the queryset is the list's, so already narrowed
to the coordinator's programmes.
"""

import secrets

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from lookingup.admin_actions import action_form
from programmes.models import Cohort

from . import services
from .services import exports
from .services.bulk import Message

MAX_LISTED = 10  # refusals listed one by one; the rest are counted


def report(model_admin, request, outcomes, done) -> None:
    """One message with the count done, and the refusals (the first few, then a count)."""
    succeeded = [outcome for outcome in outcomes if outcome.ok]
    refused = [outcome for outcome in outcomes if not outcome.ok]
    if succeeded:
        model_admin.message_user(request, done(len(succeeded)), messages.SUCCESS)
    for outcome in refused[:MAX_LISTED]:
        model_admin.message_user(request, outcome.message, messages.WARNING)
    if len(refused) > MAX_LISTED:
        more = len(refused) - MAX_LISTED
        model_admin.message_user(
            request,
            ngettext("%(count)d more was refused.", "%(count)d more were refused.", more)
            % {"count": more},
            messages.WARNING,
        )


def _submitted(request) -> dict | None:
    return request.POST if "apply" in request.POST else None


# --- Forms


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, sent to each person"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=2000,
        help_text=_("Optional. Written in the email each person receives."),
    )


class MoveForm(forms.Form):
    cohort = forms.ModelChoiceField(label=_("Move to the group"), queryset=Cohort.objects.none())

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = Cohort.objects.filter(programme=programme)


class MessageForm(forms.Form):
    """A subject and a body, in as many languages as the coordinator wants to write."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, name in settings.LANGUAGES:
            self.fields[f"subject_{code}"] = forms.CharField(
                label=_("Subject (%(language)s)") % {"language": name},
                max_length=200,
                required=False,
            )
            self.fields[f"body_{code}"] = forms.CharField(
                label=_("Message (%(language)s)") % {"language": name},
                widget=forms.Textarea(attrs={"rows": 6}),
                required=False,
                max_length=10000,
            )
        self.fields["token"] = forms.CharField(
            widget=forms.HiddenInput, initial=secrets.token_urlsafe(12)
        )

    def clean(self):
        cleaned = super().clean()
        texts = {}
        for code, name in settings.LANGUAGES:
            subject = " ".join((cleaned.get(f"subject_{code}") or "").split())
            body = (cleaned.get(f"body_{code}") or "").strip()
            if bool(subject) != bool(body):
                self.add_error(
                    f"subject_{code}" if body else f"body_{code}",
                    _("Write both a subject and a message in %(language)s, or neither.")
                    % {"language": name},
                )
            elif subject:
                texts[code] = (subject, body)
        if not texts and not self.errors:
            raise forms.ValidationError(_("Write the message in at least one language."))
        cleaned["texts"] = texts
        return cleaned

    def bound_pairs(self):
        for code, _name in settings.LANGUAGES:
            yield self[f"subject_{code}"], self[f"body_{code}"]


# --- Actions (called by the model admins with their scoped queryset)


def reject(model_admin, request, queryset):
    form = ReasonForm(_submitted(request))
    if form.is_valid():
        outcomes = [
            services.reject_with_reason(
                enrolment, reason=form.cleaned_data["reason"], by=request.user
            )
            for enrolment in queryset.select_related("participant")
        ]
        report(
            model_admin,
            request,
            outcomes,
            lambda n: (
                ngettext(
                    "%(count)d request rejected; the person has been told by email.",
                    "%(count)d requests rejected; each person has been told by email.",
                    n,
                )
                % {"count": n}
            ),
        )
        return None
    return action_form(
        model_admin,
        request,
        queryset,
        action="reject_selected",
        form=form,
        title=_("Reject the selected requests"),
        intro=_("Each person receives an email saying that their request was not accepted."),
        button=_("Reject"),
    )


def cancel(model_admin, request, queryset, *, action: str):
    form = ReasonForm(_submitted(request))
    if form.is_valid():
        outcomes = [
            services.cancel_by_coordinator(
                entry, reason=form.cleaned_data["reason"], by=request.user
            )
            for entry in queryset.select_related("participant")
        ]
        report(
            model_admin,
            request,
            outcomes,
            lambda n: (
                ngettext("%(count)d place cancelled.", "%(count)d places cancelled.", n)
                % {"count": n}
            ),
        )
        return None
    return action_form(
        model_admin,
        request,
        queryset,
        action=action,
        form=form,
        title=_("Cancel the selected places"),
        intro=_(
            "No notice period applies. Freed seats go to the waiting list, and each person is "
            "told by email."
        ),
        button=_("Cancel these places"),
    )


def move(model_admin, request, queryset):
    programmes = set(queryset.values_list("programme_id", flat=True))
    if len(programmes) != 1:
        model_admin.message_user(
            request, _("Select people of a single programme to move them."), messages.ERROR
        )
        return None
    form = MoveForm(_submitted(request), programme=queryset.first().programme)
    if form.is_valid():
        cohort = form.cleaned_data["cohort"]
        # First come, first served: the oldest requests take the free seats first.
        entries = queryset.select_related("participant").order_by("created_at", "pk")
        outcomes = [services.move_to_cohort(entry, cohort, by=request.user) for entry in entries]
        report(
            model_admin,
            request,
            outcomes,
            lambda n: (
                ngettext(
                    "%(count)d person moved to “%(cohort)s”.",
                    "%(count)d people moved to “%(cohort)s”.",
                    n,
                )
                % {"count": n, "cohort": cohort.name}
            ),
        )
        for outcome in outcomes:
            if outcome.ok and outcome.level == "warning":
                model_admin.message_user(request, outcome.message, messages.WARNING)
        return None
    return action_form(
        model_admin,
        request,
        queryset,
        action="move_selected",
        form=form,
        title=_("Move the selected people to another group"),
        intro=_(
            "People keep their status where the new group has seats; when it is full, they go "
            "to the end of its waiting list. Seats they leave go to the old group's waiting list."
        ),
        button=_("Move"),
    )


def message(model_admin, request, queryset, *, action: str):
    form = MessageForm(_submitted(request))
    if form.is_valid():
        programmes = set(queryset.values_list(model_admin.programme_field, flat=True))
        people = {entry.participant for entry in queryset.select_related("participant")}
        count = services.message_people(
            sorted((p for p in people if p is not None), key=lambda p: p.pk),
            Message(
                texts=form.cleaned_data["texts"],
                programme_id=programmes.pop() if len(programmes) == 1 else None,
            ),
            token=form.cleaned_data["token"],
            by=request.user,
        )
        model_admin.message_user(
            request,
            ngettext("%(count)d email is on its way.", "%(count)d emails are on their way.", count)
            % {"count": count},
            messages.SUCCESS,
        )
        return None
    return action_form(
        model_admin,
        request,
        queryset,
        action=action,
        form=form,
        title=_("Write to the selected people"),
        intro=_(
            "Write in one language or several: each person receives the message in their "
            "preferred language when you wrote it, otherwise in the first language written. "
            "One email each, sent in the background."
        ),
        button=_("Send"),
    )


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export(queryset, *, kind: str, file_format: str) -> HttpResponse:
    """The selected rows as a CSV or XLSX download (tablib)."""
    data = exports.TABLES[kind](queryset)
    content = data.export(file_format)
    if file_format == "csv":
        # With a byte-order mark, spreadsheet programs read the accents right.
        content = "\ufeff" + content
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{kind}-{stamp}.{file_format}"'
    return response


# --- Importing participants (EnrolmentAdmin's "import/" page)


class ImportForm(forms.Form):
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=None)
    file = forms.FileField(
        label=_("Spreadsheet (CSV or XLSX)"),
        help_text=_(
            "First row: the column names. Columns: name, email, organisation, country, "
            "language, cohort (name and email are required; cohort when the programme has "
            "several)."
        ),
    )

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes


PREVIEW_ROWS_SHOWN = 50


def import_view(model_admin, request):
    """Upload, preview (every problem listed, nothing written), then confirm."""
    from django.core.exceptions import PermissionDenied
    from django.shortcuts import get_object_or_404, redirect

    from programmes.scope import coordinated_programmes

    from .services import imports

    if not model_admin.has_change_permission(request):
        raise PermissionDenied
    programmes = coordinated_programmes(request.user)
    preview = None
    if request.method == "POST" and "confirm" in request.POST:
        programme = get_object_or_404(programmes, pk=request.POST.get("programme"))
        outcome = imports.apply_import(
            programme,
            request.POST.get("token", ""),
            valid_only="valid_only" in request.POST,
            by=request.user,
        )
        model_admin.message_user(
            request, outcome.message, messages.SUCCESS if outcome.ok else messages.ERROR
        )
        if outcome.ok:
            return redirect(
                reverse("admin:participants_enrolment_changelist")
                + f"?programme__id__exact={programme.pk}"
            )
        form = ImportForm(programmes=programmes, initial={"programme": programme})
    else:
        form = ImportForm(request.POST or None, request.FILES or None, programmes=programmes)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            preview = imports.preview_import(
                form.cleaned_data["programme"], upload.read(), upload.name
            )
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Import participants"),
        "opts": model_admin.model._meta,
        "form": form,
        "preview": preview,
        "shown": PREVIEW_ROWS_SHOWN,
    }
    return TemplateResponse(request, "admin/participants/enrolment/import.html", context)
