from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from programmes.admin import CoordinatorScopedMixin, register_programme_path

from . import attendance_admin, services
from .forms import InvitationForm
from .models import Attendance, Enrolment, SessionRegistration, User

register_programme_path(Enrolment, "programme")
register_programme_path(SessionRegistration, "session__programme")
register_programme_path(Attendance, "session__programme")


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "organisation", "country", "is_staff", "date_joined"]
    list_filter = ["is_staff", "is_superuser", "is_active", "role", "organisation_kind"]
    search_fields = ["email", "full_name", "organisation__name"]
    readonly_fields = ["last_login", "date_joined", "privacy_consent_version", "privacy_consent_at"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            _("Profile"),
            {
                "fields": [
                    "full_name",
                    "organisation",
                    "organisation_kind",
                    "role",
                    "country",
                    "preferred_language",
                    "listed_to_participants",
                ]
            },
        ),
        (_("Privacy"), {"fields": ["privacy_consent_version", "privacy_consent_at"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]})
    ]


class ParticipationAdmin(CoordinatorScopedMixin, admin.ModelAdmin):
    """Coordinators see and act on their own programmes' people, nobody else's.

    Status changes only go through the admin actions, which call the services (emails,
    waiting lists); the rows themselves are read-only here.
    """

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]


@admin.register(Enrolment)
class EnrolmentAdmin(ParticipationAdmin):
    list_display = ["participant", "programme", "cohort", "status", "queued_at", "created_at"]
    list_filter = ["status", "programme", "invited"]
    list_select_related = ["participant", "programme", "cohort"]
    search_fields = ["participant__email", "participant__full_name"]
    date_hierarchy = "created_at"
    actions = ["approve_selected", "reject_selected"]
    change_list_template = "admin/participants/enrolment/change_list.html"

    @admin.action(description=_("Approve the selected requests"))
    def approve_selected(self, request, queryset):
        for enrolment in queryset.select_related("participant"):
            outcome = services.approve(enrolment, by=request.user)
            level = messages.SUCCESS if outcome.ok else messages.WARNING
            self.message_user(request, f"{enrolment.participant}: {outcome.message}", level)

    @admin.action(description=_("Reject the selected requests"))
    def reject_selected(self, request, queryset):
        for enrolment in queryset.select_related("participant"):
            outcome = services.reject(enrolment, by=request.user)
            level = messages.SUCCESS if outcome.ok else messages.WARNING
            self.message_user(request, f"{enrolment.participant}: {outcome.message}", level)

    def get_urls(self):
        return [
            path(
                "invitation/",
                self.admin_site.admin_view(self.invitation_view),
                name="participants_enrolment_invitation",
            ),
            *super().get_urls(),
        ]

    def invitation_view(self, request):
        """Coordinators make a signed invitation link for an invitation-only programme."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = InvitationForm(request.POST or None, user=request.user)
        link = ""
        if request.method == "POST" and form.is_valid():
            token = services.make_invitation(
                form.cleaned_data["programme"],
                cohort=form.cleaned_data["cohort"],
                email=form.cleaned_data["email"],
            )
            link = request.build_absolute_uri(
                reverse("participants:invitation", kwargs={"token": token})
            )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Invitation link"),
            "form": form,
            "link": link,
            "opts": self.model._meta,
            "days": settings.INVITATION_MAX_AGE_DAYS,
        }
        return TemplateResponse(request, "admin/participants/invitation.html", context)


@admin.register(SessionRegistration)
class SessionRegistrationAdmin(ParticipationAdmin):
    programme_path = "session__programme"
    list_display = ["participant", "session", "status", "queued_at", "created_at"]
    list_filter = ["status", "session__programme"]
    list_select_related = ["participant", "session"]
    search_fields = ["participant__email", "participant__full_name", "session__title"]


@admin.register(Attendance)
class AttendanceAdmin(CoordinatorScopedMixin, SimpleHistoryAdmin):
    """Attendance rows, read-only with their history: the register of each session, self
    check-in and meeting-report imports write them (participants.services)."""

    list_display = ["participant", "session", "status", "minutes", "source", "recorded_at"]
    list_filter = ["status", "source", "session__programme"]
    list_select_related = ["participant", "session"]
    search_fields = ["participant__email", "participant__full_name", "session__title"]
    date_hierarchy = "recorded_at"
    history_list_display = ["status", "minutes", "source"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def get_urls(self):
        return [*attendance_admin.urls(self), *super().get_urls()]
