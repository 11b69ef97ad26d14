from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationTabularInline

from participants.services import participants_by_session
from programmes.admin import (
    CoordinatorScopedMixin,
    OriginalLanguageTextForm,
    ScopedInlineMixin,
    TabbedTranslationAdmin,
    register_programme_path,
)
from programmes.models import Cohort

from . import notices
from .enums import SessionStatus
from .models import Material, Session, validate_cohorts_in_programme
from .services import replicate_session

register_programme_path(Session, "programme")
register_programme_path(Material, "session__programme")


class MaterialForm(OriginalLanguageTextForm):
    translated_required = ("title",)


class MaterialInline(ScopedInlineMixin, TranslationTabularInline):
    model = Material
    form = MaterialForm
    extra = 0
    fields = ["title", "language", "kind", "file", "url", "order"]


class SessionAdminForm(OriginalLanguageTextForm):
    translated_required = ("title",)

    class Meta:
        model = Session
        fields = "__all__"  # noqa: DJ007 -- TranslationAdmin and fieldsets choose the fields

    def clean(self):
        cleaned_data = super().clean()
        programme, cohorts = cleaned_data.get("programme"), cleaned_data.get("cohorts")
        if programme and cohorts:
            # The m2m_changed signal would refuse them after the session is saved: say it here.
            try:
                validate_cohorts_in_programme(Session(programme=programme), cohorts)
            except ValidationError as error:
                self.add_error("cohorts", error)
        return cleaned_data


class ReplicateForm(forms.Form):
    cohorts = forms.ModelMultipleChoiceField(
        label=_("Target cohorts"),
        queryset=Cohort.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("One copy of each selected session is made for each cohort."),
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohorts"].queryset = Cohort.objects.filter(programme=programme)


@admin.register(Session)
class SessionAdmin(CoordinatorScopedMixin, TabbedTranslationAdmin):
    form = SessionAdminForm
    list_display = [
        "title",
        "programme",
        "kind",
        "starts_at",
        "city",
        "cohort_names",
        "status",
        "capacity",
        "attendance_link",
    ]
    list_select_related = ["programme", "track"]
    list_filter = [
        "kind",
        "status",
        "registration_required",
        ("programme", admin.RelatedOnlyFieldListFilter),
        ("track", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["title_it", "title_en", "title_fr", "title_pt", "city", "venue_name"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["programme", "track", "cohorts"]
    inlines = [MaterialInline]
    actions = ["replicate_for_cohorts", "cancel_selected"]
    fieldsets = [
        (
            None,
            {"fields": ["programme", "track", "cohorts", "kind", "title", "description", "status"]},
        ),
        (_("When"), {"fields": ["starts_at", "ends_at", "time_zone"]}),
        (_("Where"), {"fields": ["venue_name", "venue_address", "city", "country", "online_url"]}),
        (
            _("Participation"),
            {"fields": ["languages", "capacity", "registration_required", "duration_hours"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("cohorts")

    def get_readonly_fields(self, request, obj=None):
        # Shown on the change page: the mail this session sent (reminders, notices).
        return [*super().get_readonly_fields(request, obj), "emails_link"] if obj else []

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        return [*fieldsets, (_("Emails"), {"fields": ["emails_link"]})]

    @admin.display(description=_("emails sent about it"))
    def emails_link(self, obj):
        url = reverse("admin:lookingup_mail_changelist") + f"?session__id__exact={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, _("Reminders and notices, by person"))

    def save_model(self, request, obj, form, change):
        """Saving tells people what changed: a cancellation at once, a change of time, place
        or link after a short delay that gathers the edits into one notice."""
        if not change:
            return super().save_model(request, obj, form, change)
        before = Session.objects.get(pk=obj.pk)
        calling_off = obj.is_cancelled and not before.is_cancelled
        if calling_off:
            obj.status = before.status  # the cancellation below sets it and tells everyone
        super().save_model(request, obj, form, change)
        if calling_off:
            self._tell_cancelled(request, [obj])
        elif notices.note_change(obj, notices.snapshot(before)) is not None:
            self.message_user(
                request,
                ngettext(
                    "The people taking part will be told of the change in %(minutes)d minute "
                    "(further edits until then go in the same email).",
                    "The people taking part will be told of the change in %(minutes)d minutes "
                    "(further edits until then go in the same email).",
                    settings.CHANGE_NOTICE_DELAY_MINUTES,
                )
                % {"minutes": settings.CHANGE_NOTICE_DELAY_MINUTES},
                messages.INFO,
            )

    def _tell_cancelled(self, request, sessions) -> None:
        told = 0
        for session in sessions:
            told += notices.cancel_session(session).told
        self.message_user(
            request,
            ngettext(
                "Cancelled. %(count)d person taking part or waiting is being told, with a "
                "calendar update.",
                "Cancelled. %(count)d people taking part or waiting are being told, with a "
                "calendar update.",
                told,
            )
            % {"count": told},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Cancel the selected sessions and tell the participants"),
        permissions=["change"],
    )
    def cancel_selected(self, request, queryset):
        self._tell_cancelled(request, list(queryset.exclude(status=SessionStatus.CANCELLED)))

    def get_deleted_objects(self, objs, request):
        """A session people take part in, or with attendance, is not deleted: it is
        cancelled (they are told). The confirmation page lists why, and deletes nothing."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        taking_part = participants_by_session(list(objs))
        for session in objs:
            if taking_part.get(session.pk):
                count = len(taking_part[session.pk])
                protected.append(
                    ngettext(
                        "%(session)s: %(count)d person takes part. Cancel it instead.",
                        "%(session)s: %(count)d people take part. Cancel it instead.",
                        count,
                    )
                    % {"session": session, "count": count}
                )
        return deleted, counts, perms_needed, protected

    @admin.display(description=_("cohorts"))
    def cohort_names(self, obj):
        return ", ".join(str(cohort) for cohort in obj.cohorts.all())

    @admin.display(description=_("attendance"))
    def attendance_link(self, obj):
        # The register lives with the participants' data (participants/attendance_admin.py).
        url = reverse("admin:participants_attendance_register", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Register"))

    @admin.action(description=_("Replicate for other cohorts"), permissions=["add"])
    def replicate_for_cohorts(self, request, queryset):
        sessions = list(queryset.select_related("programme"))
        if len({session.programme_id for session in sessions}) != 1:
            self.message_user(
                request,
                _("Select sessions of a single programme to replicate them."),
                messages.ERROR,
            )
            return None
        programme = sessions[0].programme
        form = ReplicateForm(request.POST if "apply" in request.POST else None, programme=programme)
        if form.is_valid():
            cohorts = list(form.cleaned_data["cohorts"])
            created = 0
            for session in sessions:
                created += len(replicate_session(session, cohorts=cohorts))
            skipped = len(sessions) * len(cohorts) - created
            self.message_user(
                request,
                ngettext("%(count)d session created.", "%(count)d sessions created.", created)
                % {"count": created},
                messages.SUCCESS,
            )
            if skipped:
                self.message_user(
                    request,
                    ngettext(
                        "%(count)d copy skipped: it already existed.",
                        "%(count)d copies skipped: they already existed.",
                        skipped,
                    )
                    % {"count": skipped},
                    messages.WARNING,
                )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Replicate sessions for other cohorts"),
            "opts": self.model._meta,
            "form": form,
            "programme": programme,
            "sessions": sessions,
            "action_name": "replicate_for_cohorts",
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "select_across": request.POST.get("select_across", "0"),
            "media": self.media,
        }
        return TemplateResponse(request, "admin/sessions_app/session/replicate.html", context)
