"""Admin for coordinators: each sees and edits only the programmes they coordinate (the
mechanism is in scope.py, re-exported here for the other apps' admins)."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from . import services
from .models import Cohort, Organisation, Partnership, Programme, Track
from .scope import (  # noqa: F401 - the names other apps' admins import from here
    PROGRAMME_PATHS,
    CoordinatorScopedMixin,
    ScopedInlineMixin,
    coordinated_programmes,
    register_programme_path,
    scope_to_coordinator,
)

# The language tabs of modeltranslation need jQuery UI's tabs widget, which it would load from a
# CDN; a tabs-only build is vendored instead (static/vendor/jquery-ui/, CSP script-src 'self').
TRANSLATION_TABS_JS = (
    "admin/js/jquery.init.js",
    "modeltranslation/js/force_jquery.js",
    "vendor/jquery-ui/jquery-ui-tabs.js",
    "modeltranslation/js/tabbed_translation_fields.js",
)
TRANSLATION_TABS_CSS = {"all": ("modeltranslation/css/tabbed_translation_fields.css",)}


class TabbedTranslationAdmin(TranslationAdmin):
    class Media:
        js = TRANSLATION_TABS_JS
        css = TRANSLATION_TABS_CSS


class OriginalLanguageTextForm(forms.ModelForm):
    """Ask for translated text in the programme's original language, not in Italian.

    modeltranslation's admin makes the default language (Italian) required; the SSE Academy
    elective is written in English, French and Portuguese and has no Italian text at all.
    Subclasses name the translated fields (``translated_required``) and may say which language
    the text must be in; otherwise any one language will do.
    """

    translated_required: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.translated_required:
            for code, _name in settings.LANGUAGES:
                if f"{name}_{code}" in self.fields:
                    self.fields[f"{name}_{code}"].required = False

    def original_language(self, cleaned_data) -> str | None:
        return None

    def clean(self):
        cleaned_data = super().clean()
        original = self.original_language(cleaned_data)
        languages = dict(settings.LANGUAGES)
        for name in self.translated_required:
            present = [c for c in languages if f"{name}_{c}" in self.fields]
            if not present:
                continue
            if original in present and not cleaned_data.get(f"{name}_{original}"):
                self.add_error(
                    f"{name}_{original}",
                    _("Required in the programme's original language (%(language)s).")
                    % {"language": languages[original]},
                )
            elif not any(cleaned_data.get(f"{name}_{code}") for code in present):
                self.add_error(f"{name}_{present[0]}", _("Required in at least one language."))
        return cleaned_data


class TrackForm(OriginalLanguageTextForm):
    # The parts of a programme need their text in one language at least; readers of the
    # others see it through the fallback to the programme's original language.
    translated_required = ("title",)


class CohortForm(TrackForm):
    translated_required = ("name",)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    """Coordinators confirm the organisations participants typed: then everyone may pick them."""

    list_display = ["name", "kind", "country", "website", "confirmed", "member_count"]
    list_filter = ["confirmed", "kind", "country"]
    search_fields = ["name"]
    actions = ["confirm_selected"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("members"))

    @admin.display(description=_("people"), ordering="member_count")
    def member_count(self, obj):
        return obj.member_count

    def has_confirm_permission(self, request):
        return request.user.has_perm("programmes.confirm_organisation")

    @admin.action(description=_("Confirm the selected organisations"), permissions=["confirm"])
    def confirm_selected(self, request, queryset):
        count = services.confirm_organisations(queryset)
        message = ngettext(
            "%(count)d organisation confirmed: everyone can now choose it.",
            "%(count)d organisations confirmed: everyone can now choose them.",
            count,
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)


class PartnershipInline(ScopedInlineMixin, admin.TabularInline):
    model = Partnership
    extra = 0
    autocomplete_fields = ["organisation"]


class TrackInline(ScopedInlineMixin, TranslationTabularInline):
    model = Track
    form = TrackForm
    extra = 0
    fields = ["title", "description", "order"]


class CohortInline(ScopedInlineMixin, TranslationTabularInline):
    model = Cohort
    form = CohortForm
    extra = 0
    fields = ["name", "capacity", "language", "time_zone"]


class ProgrammeAdminForm(OriginalLanguageTextForm):
    translated_required = ("title", "summary")

    class Meta:
        model = Programme
        fields = "__all__"  # noqa: DJ007 -- TranslationAdmin and fieldsets choose the fields

    def original_language(self, cleaned_data):
        return cleaned_data.get("original_language")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "coordinators" in self.fields:
            self.fields["coordinators"].queryset = get_user_model().objects.filter(is_staff=True)
            self.fields["coordinators"].help_text = _("Staff users who manage this programme.")


@admin.register(Programme)
class ProgrammeAdmin(CoordinatorScopedMixin, TabbedTranslationAdmin):
    programme_path = ""
    form = ProgrammeAdminForm
    list_display = ["title", "status", "start_date", "end_date", "funder", "enrolment_mode"]
    list_select_related = ["funder"]
    list_filter = ["status", "enrolment_mode", "original_language"]
    search_fields = ["title_it", "title_en", "title_fr", "title_pt", "slug"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["funder"]
    filter_horizontal = ["coordinators"]
    inlines = [PartnershipInline, TrackInline, CohortInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "description", "status"]}),
        (
            _("Dates and languages"),
            {"fields": ["start_date", "end_date", "original_language", "languages"]},
        ),
        (_("Funding"), {"fields": ["funder", "funding_line"]}),
        (
            _("Enrolment"),
            {
                "fields": [
                    "enrolment_mode",
                    "enrolment_opens_at",
                    "enrolment_closes_at",
                    "cancellation_notice_hours",
                ]
            },
        ),
        (
            _("Reminders"),
            {"fields": ["reminder_hours", "online_reminder_minutes"]},
        ),
        (_("Certificates"), {"fields": ["certificate_min_share", "certificate_min_hours"]}),
        (_("Coordination"), {"fields": ["coordinators"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        # Only superusers hand a programme to other people.
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        return [*super().get_readonly_fields(request, obj), "coordinators"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change and not request.user.is_superuser:
            # Otherwise the programme would vanish from its own creator's admin.
            form.instance.coordinators.add(request.user)


@admin.register(Track)
class TrackAdmin(CoordinatorScopedMixin, TabbedTranslationAdmin):
    form = TrackForm
    list_display = ["title", "programme", "order"]
    list_select_related = ["programme"]
    list_filter = [("programme", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title_it", "title_en", "title_fr", "title_pt"]
    autocomplete_fields = ["programme"]


@admin.register(Cohort)
class CohortAdmin(CoordinatorScopedMixin, TabbedTranslationAdmin):
    form = CohortForm
    list_display = ["name", "programme", "capacity", "language", "time_zone"]
    list_select_related = ["programme"]
    list_filter = [("programme", admin.RelatedOnlyFieldListFilter), "language"]
    search_fields = ["name_it", "name_en", "name_fr", "name_pt", "programme__slug"]
    autocomplete_fields = ["programme"]
