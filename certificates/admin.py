"""Coordinators issue, re-issue and revoke their programmes' certificates; nobody else's.

Every list, object, form choice and file here goes through ``CoordinatorScopedMixin``: a
coordinator of another programme gets a 404, as for any other object they do not coordinate.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from lookingup.admin_actions import action_form
from programmes.admin import CoordinatorScopedMixin, TabbedTranslationAdmin, register_programme_path
from programmes.models import Cohort, Programme

from . import services
from .forms import RevokeForm
from .models import Certificate, CertificateBatch, CertificateDesign

register_programme_path(Certificate, "programme")
register_programme_path(CertificateBatch, "programme")
register_programme_path(CertificateDesign, "programme")


@admin.register(CertificateDesign)
class CertificateDesignAdmin(CoordinatorScopedMixin, TabbedTranslationAdmin):
    list_display = ["programme", "signatory_name", "funder_notice", "show_partner_logos"]
    list_select_related = ["programme"]
    autocomplete_fields = ["programme"]
    fields = [
        "programme",
        "signatory_name",
        "signatory_role",
        "signature",
        "show_partner_logos",
        "funder_notice",
        "funder_notice_text",
    ]


def _file_response(field_file, filename: str, content_type: str):
    if not field_file:
        raise Http404
    response = FileResponse(field_file.open("rb"), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@admin.register(Certificate)
class CertificateAdmin(CoordinatorScopedMixin, admin.ModelAdmin):
    list_display = [
        "holder_name",
        "programme",
        "cohort",
        "hours",
        "issued_at",
        "status",
        "display_code",
    ]
    list_select_related = ["programme", "cohort"]
    list_filter = ["status", ("programme", admin.RelatedOnlyFieldListFilter), "language"]
    search_fields = ["holder_name", "code", "participant__email"]
    date_hierarchy = "issued_at"
    actions = ["revoke", "reissue"]
    fields = [
        "holder_name",
        "participant",
        "programme",
        "cohort",
        "language",
        "hours",
        "session_lines",
        "issued_at",
        "issued_by",
        "display_code",
        "pdf_link",
        "pdf_sha256",
        "status",
        "revoked_at",
        "revoked_by",
        "revocation_reason",
        "replaces",
        "replaced_by",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False  # issued through the batches or by the participant, never typed in

    def has_delete_permission(self, request, obj=None):
        return False  # revoked instead: the history stays

    @admin.display(description=_("hours"))
    def hours(self, obj):
        return obj.hours

    @admin.display(description=_("verification code"))
    def display_code(self, obj):
        return obj.display_code

    @admin.display(description=_("sessions attended"))
    def session_lines(self, obj):
        lines = [
            f"{entry['starts_at'][:10]} · {entry['minutes']} min · "
            f"{next(iter(entry.get('titles', {}).values()), '')}"
            for entry in obj.sessions
        ]
        return "\n".join(lines) or "–"

    @admin.display(description=_("PDF"))
    def pdf_link(self, obj):
        if not obj.pk or not obj.pdf:
            return "–"
        url = reverse("admin:certificates_certificate_pdf", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download the issued PDF"))

    @admin.display(description=_("replaced by"))
    def replaced_by(self, obj):
        return getattr(obj, "replaced_by", None) or "–"

    def get_urls(self):
        return [
            path(
                "<int:pk>/pdf/",
                self.admin_site.admin_view(self.pdf_view),
                name="certificates_certificate_pdf",
            ),
            *super().get_urls(),
        ]

    def pdf_view(self, request, pk):
        certificate = self.get_object(request, str(pk))
        if not self.has_view_permission(request, certificate):
            raise PermissionDenied
        return _file_response(
            certificate.pdf, f"certificate-{certificate.code}.pdf", "application/pdf"
        )

    @admin.action(description=_("Revoke the selected certificates"), permissions=["change"])
    def revoke(self, request, queryset):
        certificates = list(queryset.valid().select_related("programme"))
        form = RevokeForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            done = 0
            for certificate in certificates:
                outcome = services.revoke_certificate(
                    certificate, by=request.user, reason=form.cleaned_data["reason"]
                )
                done += outcome.ok
            self.message_user(
                request,
                ngettext("%(count)d certificate revoked.", "%(count)d certificates revoked.", done)
                % {"count": done},
                messages.SUCCESS,
            )
            return None
        if not certificates:
            self.message_user(request, _("None of these certificates is valid."), messages.ERROR)
            return None
        return action_form(
            self,
            request,
            queryset,
            action="revoke",
            form=form,
            title=_("Revoke certificates"),
            intro=_("Anyone who checks these certificates will be told they are revoked."),
            button=_("Revoke"),
            items=[f"{certificate} ({certificate.display_code})" for certificate in certificates],
        )

    @admin.action(
        description=_("Re-issue the selected certificates from today's attendance"),
        permissions=["change"],
    )
    def reissue(self, request, queryset):
        for certificate in queryset.valid().select_related("programme", "participant"):
            outcome = services.reissue_certificate(certificate, by=request.user)
            self.message_user(
                request, outcome.message, messages.SUCCESS if outcome.ok else messages.ERROR
            )


class BatchForm(forms.ModelForm):
    class Meta:
        model = CertificateBatch
        fields = ["programme", "cohort"]
        help_texts = {
            "cohort": _("Leave empty to issue for everyone confirmed in the programme."),
        }

    def clean(self):
        cleaned_data = super().clean()
        programme, cohort = cleaned_data.get("programme"), cleaned_data.get("cohort")
        if programme and cohort and cohort.programme_id != programme.pk:
            self.add_error("cohort", _("This group belongs to another programme."))
        return cleaned_data


@admin.register(CertificateBatch)
class CertificateBatchAdmin(CoordinatorScopedMixin, admin.ModelAdmin):
    """Adding a batch starts it; its page shows the progress, then the summary and the zip."""

    form = BatchForm
    list_display = ["__str__", "status", "processed", "total", "issued", "created_at"]
    list_select_related = ["programme", "cohort"]
    list_filter = ["status", ("programme", admin.RelatedOnlyFieldListFilter)]

    def has_change_permission(self, request, obj=None):
        return False  # a batch is never edited: its page is the progress report

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "programme":
            kwargs["queryset"] = Programme.objects.coordinated_by(request.user)
        if db_field.name == "cohort":
            kwargs["queryset"] = Cohort.objects.filter(
                programme__in=Programme.objects.coordinated_by(request.user)
            ).select_related("programme")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        obj.requested_by = request.user
        services.start_batch(obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        batch = self.get_object(request, object_id)
        if not self.has_view_permission(request, batch):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": str(batch),
            "opts": self.model._meta,
            "batch": batch,
            "original": batch,
            "zip_url": (
                reverse("admin:certificates_certificatebatch_zip", args=[batch.pk])
                if batch.archive
                else ""
            ),
        }
        return TemplateResponse(
            request, "admin/certificates/certificatebatch/progress.html", context
        )

    def response_add(self, request, obj, post_url_continue=None):
        self.message_user(
            request,
            _("Issuing has started. This page shows how far it got; you may leave it."),
            messages.SUCCESS,
        )
        return redirect(reverse("admin:certificates_certificatebatch_change", args=[obj.pk]))

    def get_urls(self):
        return [
            path(
                "<int:pk>/zip/",
                self.admin_site.admin_view(self.archive_view),
                name="certificates_certificatebatch_zip",
            ),
            *super().get_urls(),
        ]

    def archive_view(self, request, pk):
        batch = self.get_object(request, str(pk))
        if not self.has_view_permission(request, batch):
            raise PermissionDenied
        return _file_response(
            batch.archive, batch.archive.name.rsplit("/", 1)[-1], "application/zip"
        )
