import uuid
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lookingup import uploads
from lookingup.validators import validate_single_line

from . import codes
from .enums import BatchStatus, CertificateStatus, FunderNotice


def certificate_upload_to(instance, filename: str) -> str:
    # A random name: the files are only ever served through the permission-checked views.
    return f"certificates/{instance.issued_at:%Y}/{uuid.uuid4().hex}.pdf"


class CertificateDesign(models.Model):
    """What a programme prints on its certificates beyond the attendance itself."""

    programme = models.OneToOneField(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="certificate_design",
    )
    signatory_name = models.CharField(
        _("signatory's name"), max_length=200, blank=True, validators=[validate_single_line]
    )
    signatory_role = models.CharField(
        _("signatory's role"), max_length=200, blank=True, validators=[validate_single_line]
    )
    signature = models.ImageField(
        _("signature image"),
        blank=True,
        **uploads.upload_options("signatures", uploads.IMAGES),
        help_text=_("PNG or JPEG, ideally on a transparent or white background."),
    )
    show_partner_logos = models.BooleanField(_("show the partners' logos"), default=True)
    funder_notice = models.CharField(
        _("funder's mandatory wording"),
        max_length=20,
        choices=FunderNotice.choices,
        default=FunderNotice.NONE,
        blank=True,
    )
    funder_notice_text = models.TextField(
        _("custom funder wording"),
        blank=True,
        help_text=_("Printed when the wording above is “Custom text”."),
    )

    class Meta:
        verbose_name = _("certificate design")
        verbose_name_plural = _("certificate designs")

    def __str__(self):
        return str(self.programme)


class CertificateQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(status=CertificateStatus.VALID)


class Certificate(models.Model):
    """One issued certificate of attendance: what was printed, and whether it still holds.

    Re-issuing makes a new record that ``replaces`` the old one, which is revoked: the chain
    is the history. The PDF in the certificate's language is kept as issued, with its hash.
    """

    uid = models.UUIDField(_("credential identifier"), default=uuid.uuid4, unique=True)
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    cohort = models.ForeignKey(
        "programmes.Cohort",
        verbose_name=_("cohort"),
        on_delete=models.SET_NULL,
        related_name="certificates",
        null=True,
        blank=True,
    )
    # Erasing an account erases its certificates: the holder's name is personal data.
    participant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="certificates",
    )
    holder_name = models.CharField(_("holder's name"), max_length=200)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    issued_at = models.DateTimeField(_("issued at"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    sessions = models.JSONField(
        _("sessions attended"),
        default=list,
        help_text=_("As printed: date, minutes and title in each language."),
    )
    minutes_attended = models.PositiveIntegerField(_("minutes attended"))
    code = models.CharField(
        _("verification code"), max_length=codes.LENGTH, unique=True, default=codes.new_code
    )
    pdf = models.FileField(_("PDF"), upload_to=certificate_upload_to, blank=True)
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CertificateStatus.choices,
        default=CertificateStatus.VALID,
        db_index=True,
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("replaces"),
        on_delete=models.SET_NULL,
        related_name="replaced_by",
        null=True,
        blank=True,
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            # Issuing twice (a double click, two batches) finds the first one instead.
            models.UniqueConstraint(
                fields=["participant", "programme"],
                condition=Q(status=CertificateStatus.VALID),
                name="certificate_one_valid_per_programme",
                violation_error_message=_("This person already has a valid certificate."),
            ),
            models.CheckConstraint(
                condition=Q(status=CertificateStatus.VALID) | Q(revoked_at__isnull=False),
                name="certificate_revoked_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.holder_name} – {self.programme}"

    @property
    def hours(self) -> Decimal:
        return (Decimal(self.minutes_attended) / 60).quantize(Decimal("0.1"), ROUND_HALF_UP)

    @property
    def is_valid(self) -> bool:
        return self.status == CertificateStatus.VALID

    @property
    def display_code(self) -> str:
        return codes.display(self.code)


class CertificateBatch(models.Model):
    """A coordinator's request to issue a cohort's or a programme's certificates, with its
    progress: the admin page reads it back, so it survives a reload."""

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="certificate_batches",
    )
    cohort = models.ForeignKey(
        "programmes.Cohort",
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="certificate_batches",
        null=True,
        blank=True,
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=BatchStatus.choices, default=BatchStatus.QUEUED
    )
    total = models.PositiveIntegerField(_("people"), default=0)
    processed = models.PositiveIntegerField(_("processed"), default=0)
    issued = models.PositiveIntegerField(_("issued"), default=0)
    already_issued = models.PositiveIntegerField(_("already issued"), default=0)
    not_eligible = models.PositiveIntegerField(_("not eligible"), default=0)
    failed = models.PositiveIntegerField(_("could not be issued"), default=0)
    archive = models.FileField(_("zip of the PDFs"), upload_to="certificate-batches/", blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("certificate batch")
        verbose_name_plural = _("certificate batches")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.cohort or self.programme} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def percent(self) -> int:
        return round(100 * self.processed / self.total) if self.total else 100

    @property
    def is_finished(self) -> bool:
        return self.status in {BatchStatus.DONE, BatchStatus.FAILED}
