from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from programmes.admin import CoordinatorScopedMixin, register_programme_path

from . import attendance_admin, services
from .models import Attendance, Enrolment, Invitation, SessionRegistration, User

register_programme_path(Enrolment, "programme")
register_programme_path(SessionRegistration, "session__programme")
register_programme_path(Attendance, "session__programme")


def titled(filter_class, title):
    """``filter_class`` headed "By <title>": the admin writes "By" before the field's own
    name, which for "by invitation" read "By by invitation"."""

    class Titled(filter_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.title = title

    return Titled


class AttemptsFilter(admin.SimpleListFilter):
    """One line per person (and programme or session) by default: the latest attempt.

    Enrolling and cancelling again and again leaves one cancelled row per attempt; those
    rows stay (funders' counts, the person's data export) but are not separate history lines.
    Rows of deleted accounts have no person to group by and are all shown.
    """

    title = _("attempt")
    parameter_name = "attempts"
    ALL = "all"
    PER = {Enrolment: "programme", SessionRegistration: "session"}

    def lookups(self, request, model_admin):
        return [(self.ALL, _("Every attempt"))]

    def choices(self, changelist):
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": _("The latest per person"),
        }
        yield from list(super().choices(changelist))[1:]

    def queryset(self, request, queryset):
        if self.value() == self.ALL:
            return queryset
        per = self.PER[queryset.model]
        later = queryset.model.objects.filter(
            participant=OuterRef("participant"), **{per: OuterRef(per)}, pk__gt=OuterRef("pk")
        )
        return queryset.exclude(Exists(later))


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
    list_filter = [
        AttemptsFilter,
        "status",
        "programme",
        ("invited", titled(admin.BooleanFieldListFilter, _("invitation"))),
    ]
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


@admin.register(SessionRegistration)
class SessionRegistrationAdmin(ParticipationAdmin):
    programme_path = "session__programme"
    list_display = ["participant", "session", "status", "queued_at", "created_at"]
    list_filter = [AttemptsFilter, "status", "session__programme"]
    list_select_related = ["participant", "session"]
    search_fields = ["participant__email", "participant__full_name", "session__title"]


register_programme_path(Invitation, "programme")


@admin.register(Invitation)
class InvitationAdmin(CoordinatorScopedMixin, admin.ModelAdmin):
    """Invitation links: made, seen and revoked here; each use is counted."""

    list_display = ["programme", "cohort", "email", "uses_display", "expires_at", "state"]
    list_filter = [("programme", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["programme", "cohort"]
    search_fields = ["email"]
    fields = ["programme", "cohort", "email", "uses_allowed", "expires_at", "link", "state"]
    readonly_fields = ["link", "state"]
    autocomplete_fields = ["programme"]
    actions = ["revoke_selected"]

    def get_readonly_fields(self, request, obj=None):
        # A link already handed out keeps what it was made for; only its limits change.
        if obj is not None:
            return [*self.readonly_fields, "programme", "cohort", "email"]
        return self.readonly_fields

    def has_delete_permission(self, request, obj=None):
        return False  # revoke instead: the list keeps who was invited

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
            obj.email = obj.email.lower()
        super().save_model(request, obj, form, change)

    @admin.display(description=_("link"))
    def link(self, obj):
        if obj is None or obj.pk is None:
            return _("Saved invitations show their link here.")
        return invitation_link(obj)

    @admin.display(description=_("uses"))
    def uses_display(self, obj):
        allowed = obj.uses_allowed if obj.uses_allowed is not None else "∞"
        return f"{obj.uses} / {allowed}"

    @admin.display(description=_("state"))
    def state(self, obj):
        refusal = services.invitation_refusal(obj, now=timezone.now())
        return _("Valid") if refusal is None else refusal

    @admin.action(description=_("Revoke the selected links"), permissions=["change"])
    def revoke_selected(self, request, queryset):
        count = services.revoke_invitations(queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d link revoked: it no longer works.",
                "%(count)d links revoked: they no longer work.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


def invitation_link(invitation: Invitation) -> str:
    return f"{settings.SITE_URL}{invitation.get_absolute_url()}"


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
