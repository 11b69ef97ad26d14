"""Coordinators manage their programmes' calls, partner access and practices; the review steps
(and their emails) go through services.review, from the review page or the admin action."""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from programmes.admin import (
    CoordinatorScopedMixin,
    OriginalLanguageTextForm,
    ScopedInlineMixin,
    TabbedTranslationAdmin,
    register_programme_path,
)

from . import services
from .enums import EventAction
from .forms import sanitise_rich_text
from .models import (
    Call,
    CallQuestion,
    GoodPractice,
    PartnerAccess,
    PracticeEvent,
    PracticeMaterial,
    Theme,
)
from .translation import RICH_TEXT

register_programme_path(Call, "programme")
register_programme_path(CallQuestion, "call__programme")
register_programme_path(PartnerAccess, "programme")
register_programme_path(GoodPractice, "programme")
register_programme_path(PracticeMaterial, "practice__programme")


@admin.register(Theme)
class ThemeAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug", "essglobal_id", "order"]
    search_fields = ["name_it", "name_en", "name_fr", "name_pt", "slug"]

    # The taxonomy is shared by every programme: only superusers change it.
    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


class CallQuestionForm(OriginalLanguageTextForm):
    translated_required = ("text",)


class CallQuestionInline(ScopedInlineMixin, TranslationTabularInline):
    model = CallQuestion
    form = CallQuestionForm
    extra = 0
    fields = ["text", "required", "order"]


class CallForm(OriginalLanguageTextForm):
    translated_required = ("title",)


@admin.register(Call)
class CallAdmin(CoordinatorScopedMixin, TabbedTranslationAdmin):
    form = CallForm
    list_display = ["title", "programme", "opens_at", "closes_at"]
    list_select_related = ["programme"]
    list_filter = [("programme", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title_it", "title_en", "title_fr", "title_pt"]
    autocomplete_fields = ["programme"]
    filter_horizontal = ["themes"]
    inlines = [CallQuestionInline]


class PartnerAccessForm(forms.ModelForm):
    """A person is named by their email address: coordinators never browse the list of every
    account (they cannot open the users' admin)."""

    email = forms.EmailField(
        label=_("Email address of the person"),
        required=False,
        help_text=_("Leave empty to grant access to everyone of the organisation below."),
    )

    class Meta:
        model = PartnerAccess
        fields = ["programme", "email", "organisation"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.user_id:
            self.fields["email"].initial = self.instance.user.email

    def clean_email(self):
        address = self.cleaned_data["email"].strip()
        if not address:
            self.instance.user = None
            return ""
        user = get_user_model().objects.filter(email__iexact=address).first()
        if user is None:
            raise forms.ValidationError(_("No account uses this email address."))
        self.instance.user = user
        return address


@admin.register(PartnerAccess)
class PartnerAccessAdmin(CoordinatorScopedMixin, admin.ModelAdmin):
    form = PartnerAccessForm
    list_display = ["programme", "user", "organisation", "granted_by", "granted_at"]
    list_select_related = ["programme", "user", "organisation", "granted_by"]
    list_filter = [("programme", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["user__email", "user__full_name", "organisation__name"]
    autocomplete_fields = ["programme", "organisation"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.granted_by = request.user
        super().save_model(request, obj, form, change)


class PracticeMaterialInline(ScopedInlineMixin, admin.TabularInline):
    model = PracticeMaterial
    extra = 0
    fields = ["title", "language", "kind", "file", "url", "partners_only", "order"]


class PracticeEventInline(admin.TabularInline):
    """The history, read only: it is written by the review steps, never edited."""

    model = PracticeEvent
    extra = 0
    fields = ["created_at", "actor", "action", "from_status", "to_status", "message"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class GoodPracticeAdminForm(OriginalLanguageTextForm):
    translated_required = ("title", "summary")

    class Meta:
        model = GoodPractice
        fields = "__all__"  # noqa: DJ007 -- TranslationAdmin and fieldsets choose the fields

    def original_language(self, cleaned_data):
        return cleaned_data.get("original_language")

    def clean(self):
        cleaned_data = super().clean()
        for name in RICH_TEXT:
            for key in [k for k in cleaned_data if k.startswith(f"{name}_")]:
                cleaned_data[key] = sanitise_rich_text(cleaned_data[key])
        return cleaned_data


@admin.register(GoodPractice)
class GoodPracticeAdmin(CoordinatorScopedMixin, TabbedTranslationAdmin):
    form = GoodPracticeAdminForm
    list_display = ["title", "programme", "status", "visibility", "country", "published_at"]
    list_select_related = ["programme"]
    list_filter = [
        "status",
        "visibility",
        ("programme", admin.RelatedOnlyFieldListFilter),
        "is_example",
    ]
    search_fields = ["title_it", "title_en", "title_fr", "title_pt", "slug", "organisation_name"]
    autocomplete_fields = ["programme", "organisations", "sessions"]
    filter_horizontal = ["themes"]
    readonly_fields = ["status", "review_link", "submitted_by", "submitted_at", "published_at"]
    inlines = [PracticeMaterialInline, PracticeEventInline]
    actions = ["publish"]
    fieldsets = [
        (
            None,
            {"fields": ["title", "slug", "summary", "original_language", "status", "review_link"]},
        ),
        (
            _("Case study"),
            {"fields": ["description", "strengths", "weaknesses", "lessons", "transferability"]},
        ),
        (
            _("Who and where"),
            {
                "fields": [
                    "organisations",
                    "organisation_name",
                    "country",
                    "region",
                    "place",
                    "territory",
                    "latitude",
                    "longitude",
                ]
            },
        ),
        (
            _("Kind"),
            {
                "fields": [
                    "themes",
                    "sector",
                    "legal_form",
                    "year_started",
                    "people_involved",
                    "website",
                ]
            },
        ),
        (_("Origin"), {"fields": ["origin", "programme", "call", "sessions", "answers"]}),
        (
            _("Publication"),
            {
                "fields": [
                    "visibility",
                    "licence",
                    "is_example",
                    "submitted_by",
                    "submitted_at",
                    "published_at",
                ]
            },
        ),
    ]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if not request.user.is_superuser and "programme" in form.base_fields:
            # A practice without a programme would vanish from its coordinator's admin.
            form.base_fields["programme"].required = True
        return form

    @admin.display(description=_("review"))
    def review_link(self, obj):
        if obj.pk is None or obj.status == "draft":
            return "–"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("goodpractices:review", kwargs={"pk": obj.pk}),
            _("Open the review page (comment, request changes, publish, reject)"),
        )

    def save_model(self, request, obj, form, change):
        if not change and obj.status == "draft":
            # Written by the coordinators themselves (a case study): ready for review.
            obj.status = "submitted"
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Publish the selected practices"), permissions=["change"])
    def publish(self, request, queryset):
        for practice in queryset:
            outcome = services.review(practice, by=request.user, action=EventAction.PUBLISHED)
            self.message_user(
                request, outcome.message, messages.SUCCESS if outcome.ok else messages.ERROR
            )
