from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from programmes.admin import CoordinatorScopedMixin

from . import outbox
from .enums import MailState
from .models import Mail


@admin.register(Mail)
class MailAdmin(CoordinatorScopedMixin, admin.ModelAdmin):
    """What was sent to whom, and what failed: coordinators see their programmes' mail."""

    list_display = ["to", "kind", "state", "attempts", "programme", "session", "created_at"]
    list_filter = ["state", "kind", ("programme", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["programme", "session"]
    search_fields = ["to", "kind"]
    date_hierarchy = "created_at"
    actions = ["send_again"]
    fields = [
        "kind",
        "to",
        "language",
        "programme",
        "session",
        "state",
        "attempts",
        "last_error",
        "due_at",
        "sent_at",
        "created_at",
    ]
    readonly_fields = fields

    def lookup_allowed(self, lookup, value, request=None):
        # The session page links here to the mail of one session.
        return lookup == "session__id__exact" or super().lookup_allowed(lookup, value, request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Send again"), permissions=["view"])
    def send_again(self, request, queryset):
        skipped = queryset.exclude(state__in=[MailState.FAILED, MailState.CANCELLED]).count()
        count = outbox.send_again(queryset)
        self.message_user(
            request,
            ngettext("%(count)d email queued again.", "%(count)d emails queued again.", count)
            % {"count": count},
            messages.SUCCESS if count else messages.WARNING,
        )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d email left alone: only failed or unsent emails are sent again.",
                    "%(count)d emails left alone: only failed or unsent emails are sent again.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )
