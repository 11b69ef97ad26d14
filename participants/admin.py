from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from programmes.admin import CoordinatorScopedMixin, register_programme_path
from programmes.enums import OrganisationKind
from programmes.scope import ScopedCountryFilter

from . import admin_lists, attendance_admin, bulk_admin, services
from .enums import AttendanceStatus, EnrolmentStatus
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
                    "approval_digest",
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


class AttendedFilter(admin.SimpleListFilter):
    """People who attended at least one session (of the programme, or this session)."""

    title = _("attended")
    parameter_name = "attended"

    def lookups(self, request, model_admin):
        return [("yes", _("At least one session")), ("no", _("No session yet"))]

    def queryset(self, request, queryset):
        if self.value() not in {"yes", "no"}:
            return queryset
        attended = Attendance.objects.filter(status__in=AttendanceStatus.attended())
        if queryset.model is Enrolment:
            attended = attended.filter(
                Q(enrolment=OuterRef("pk"))
                | Q(participant=OuterRef("participant"), session__programme=OuterRef("programme"))
            )
        else:
            attended = attended.filter(
                participant=OuterRef("participant"), session=OuterRef("session")
            )
        condition = Exists(attended)
        return queryset.filter(condition if self.value() == "yes" else ~condition)


class BulkActionsMixin:
    """Cancel, write to and export the selected people: the same on both lists."""

    bulk_kind = ""  # the export table: "enrolments" or "registrations"
    programme_field = "programme_id"
    # Lists of thousands of people: pages of 50 (actions apply to all with "select all"),
    # no second count of the unfiltered total, and the count kept until something changes.
    list_per_page = 50
    show_full_result_count = False

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        key = admin_lists.list_key(request, self.model)
        return admin_lists.KeptCountPaginator(
            queryset, per_page, orphans, allow_empty_first_page, key=key
        )

    @admin.display(description=_("email"), ordering="participant__email")
    def participant_email(self, obj):
        return obj.participant.email if obj.participant else "–"

    # The default display of a choices field flattens its choices for every row: with the
    # 250 countries, most of a 100-row page's time. A code and a dictionary lookup instead.
    @admin.display(description=_("country"), ordering="country")
    def country_code(self, obj):
        return obj.country.code or "–"

    @admin.display(description=_("organisation type"), ordering="organisation_kind")
    def organisation_kind_label(self, obj):
        return _organisation_kinds().get(obj.organisation_kind, "–")

    @admin.action(description=_("Cancel the selected places"), permissions=["change"])
    def cancel_selected(self, request, queryset):
        return bulk_admin.cancel(self, request, queryset, action="cancel_selected")

    @admin.action(description=_("Write to the selected people"), permissions=["view"])
    def message_selected(self, request, queryset):
        return bulk_admin.message(self, request, queryset, action="message_selected")

    @admin.action(description=_("Export the selected rows (CSV)"), permissions=["view"])
    def export_csv(self, request, queryset):
        return bulk_admin.export(queryset, kind=self.bulk_kind, file_format="csv")

    @admin.action(description=_("Export the selected rows (XLSX)"), permissions=["view"])
    def export_xlsx(self, request, queryset):
        return bulk_admin.export(queryset, kind=self.bulk_kind, file_format="xlsx")


def _organisation_kinds() -> dict[str, str]:
    return {value: str(label) for value, label in OrganisationKind.choices}


def _places(capacity, taken) -> str:
    if capacity is None:
        return gettext("%(taken)s taken, no limit") % {"taken": taken}
    return gettext("%(taken)s of %(capacity)s taken, %(left)s left") % {
        "taken": taken,
        "capacity": capacity,
        "left": max(capacity - taken, 0),
    }


@admin.register(Enrolment)
class EnrolmentAdmin(BulkActionsMixin, ParticipationAdmin):
    bulk_kind = "enrolments"
    list_display = [
        "participant",
        "participant_email",
        "programme",
        "cohort",
        "places",
        "status",
        "country_code",
        "organisation_kind_label",
        "created_at",
    ]
    list_filter = [
        AttemptsFilter,
        "status",
        "programme",
        "cohort",
        ("country", ScopedCountryFilter),
        "organisation_kind",
        AttendedFilter,
        ("invited", titled(admin.BooleanFieldListFilter, _("invitation"))),
    ]
    list_select_related = ["participant", "programme", "cohort"]
    search_fields = [
        "participant__email",
        "participant__full_name",
        "participant__organisation__name",
    ]
    date_hierarchy = "created_at"
    actions = [
        "approve_selected",
        "reject_selected",
        "move_selected",
        "cancel_selected",
        "message_selected",
        "export_csv",
        "export_xlsx",
    ]
    change_list_template = "admin/participants/enrolment/change_list.html"

    def get_queryset(self, request):
        taken = (
            Enrolment.objects.filter(cohort=OuterRef("cohort"), status=EnrolmentStatus.CONFIRMED)
            .order_by()
            .values("cohort")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return super().get_queryset(request).annotate(cohort_taken=Subquery(taken))

    @admin.display(description=_("places in the group"))
    def places(self, obj):
        if obj.cohort is None:
            return "–"
        return _places(obj.cohort.capacity, obj.cohort_taken or 0)

    @admin.action(description=_("Approve the selected requests"), permissions=["change"])
    def approve_selected(self, request, queryset):
        outcomes = [
            services.approve(enrolment, by=request.user)
            for enrolment in queryset.select_related("participant").order_by("created_at", "pk")
        ]
        bulk_admin.report(
            self,
            request,
            [o for o in outcomes if not o.ok or o.level != "warning"],
            lambda n: (
                ngettext(
                    "%(count)d request approved; the person has been told by email.",
                    "%(count)d requests approved; each person has been told by email.",
                    n,
                )
                % {"count": n}
            ),
        )
        for outcome in outcomes:
            if outcome.ok and outcome.level == "warning":  # approved onto a waiting list
                self.message_user(request, outcome.message, messages.WARNING)

    @admin.action(description=_("Reject the selected requests"), permissions=["change"])
    def reject_selected(self, request, queryset):
        return bulk_admin.reject(self, request, queryset)

    @admin.action(
        description=_("Move the selected people to another group"), permissions=["change"]
    )
    def move_selected(self, request, queryset):
        return bulk_admin.move(self, request, queryset)

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(lambda request: bulk_admin.import_view(self, request)),
                name="participants_enrolment_import",
            ),
            *super().get_urls(),
        ]


@admin.register(SessionRegistration)
class SessionRegistrationAdmin(BulkActionsMixin, ParticipationAdmin):
    bulk_kind = "registrations"
    programme_field = "session__programme_id"
    list_display = [
        "participant",
        "participant_email",
        "session",
        "places",
        "status",
        "country_code",
        "organisation_kind_label",
        "created_at",
    ]
    list_filter = [
        AttemptsFilter,
        "status",
        "session__programme",
        "session",
        ("country", ScopedCountryFilter),
        "organisation_kind",
        AttendedFilter,
    ]
    list_select_related = ["participant", "session"]
    search_fields = [
        "participant__email",
        "participant__full_name",
        "participant__organisation__name",
        "session__title",
    ]
    date_hierarchy = "created_at"
    actions = ["cancel_selected", "message_selected", "export_csv", "export_xlsx"]

    def get_queryset(self, request):
        taken = (
            SessionRegistration.objects.filter(
                session=OuterRef("session"), status=EnrolmentStatus.CONFIRMED
            )
            .order_by()
            .values("session")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return super().get_queryset(request).annotate(session_taken=Subquery(taken))

    @admin.display(description=_("places in the session"))
    def places(self, obj):
        return _places(obj.session.capacity, obj.session_taken or 0)


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
    actions = ["export_csv", "export_xlsx"]

    @admin.action(description=_("Export the selected rows (CSV)"), permissions=["view"])
    def export_csv(self, request, queryset):
        return bulk_admin.export(queryset, kind="attendance", file_format="csv")

    @admin.action(description=_("Export the selected rows (XLSX)"), permissions=["view"])
    def export_xlsx(self, request, queryset):
        return bulk_admin.export(queryset, kind="attendance", file_format="xlsx")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def get_urls(self):
        return [*attendance_admin.urls(self), *super().get_urls()]
