import uuid
import zoneinfo
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from lookingup import uploads
from lookingup.fields import LanguagesField
from lookingup.validators import validate_single_line
from programmes.enums import ProgrammeStatus
from programmes.models import Cohort, Programme, TimeZoneField, Track

from .enums import MaterialKind, SessionKind, SessionStatus


class SessionQuerySet(models.QuerySet):
    def public(self):
        """Sessions of public programmes (programmes.enums.ProgrammeStatus.public)."""
        return self.filter(programme__status__in=ProgrammeStatus.public())

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now()).exclude(
            status=SessionStatus.CANCELLED
        )


class Session(models.Model):
    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="sessions"
    )
    track = models.ForeignKey(
        Track,
        verbose_name=_("track"),
        on_delete=models.SET_NULL,
        related_name="sessions",
        null=True,
        blank=True,
    )
    cohorts = models.ManyToManyField(
        Cohort,
        verbose_name=_("cohorts"),
        related_name="sessions",
        blank=True,
        help_text=_("Leave empty when the session is for the whole programme."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=SessionKind.choices)
    title = models.CharField(_("title"), max_length=200, validators=[validate_single_line])
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    time_zone = TimeZoneField(_("time zone"))
    venue_name = models.CharField(
        _("venue"), max_length=200, blank=True, validators=[validate_single_line]
    )
    venue_address = models.CharField(
        _("address"), max_length=300, blank=True, validators=[validate_single_line]
    )
    city = models.CharField(
        _("city"), max_length=120, blank=True, db_index=True, validators=[validate_single_line]
    )
    country = CountryField(_("country"), blank=True)
    online_url = models.URLField(
        _("online meeting link"),
        blank=True,
        help_text=_("Shown only to confirmed participants."),
    )
    languages = LanguagesField(_("languages"))
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use only the cohort's capacity."),
    )
    registration_required = models.BooleanField(
        _("registration required"),
        default=False,
        help_text=_("Otherwise everyone enrolled in the session's cohorts takes part."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED
    )
    duration_hours = models.DecimalField(
        _("hours counted for certificates"),
        max_digits=5,
        decimal_places=1,
        default=Decimal("0"),
        validators=[MinValueValidator(0)],
    )
    uid = models.UUIDField(_("calendar UID"), default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(_("calendar revision"), default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["programme", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="session_ends_after_start",
                violation_error_message=_("A session must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(duration_hours__gte=0),
                name="session_duration_not_negative",
                violation_error_message=_("Hours cannot be negative."),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Calendar clients only take an update whose SEQUENCE is higher than the one they hold.
        if self.pk is not None and not kwargs.get("force_insert"):
            self.sequence += 1
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("sessions_app:detail", kwargs={"pk": self.pk})

    def clean(self):
        errors = {}
        if self.track_id and self.programme_id and self.track.programme_id != self.programme_id:
            errors["track"] = _("This track belongs to another programme.")
        if self.kind in SessionKind.online_kinds() and not self.online_url:
            errors.setdefault("online_url", _("An online session needs a meeting link."))
        if errors:
            raise ValidationError(errors)

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at, self.zone)

    @property
    def local_end(self):
        return timezone.localtime(self.ends_at, self.zone)

    @property
    def is_online(self) -> bool:
        return bool(self.online_url) and not self.venue_name and not self.city

    @property
    def is_cancelled(self) -> bool:
        return self.status == SessionStatus.CANCELLED


def validate_cohorts_in_programme(session: Session, cohorts) -> None:
    """A session is only for cohorts of its own programme (checked on every m2m change)."""
    foreign = [cohort for cohort in cohorts if cohort.programme_id != session.programme_id]
    if foreign:
        raise ValidationError(
            _("The cohort “%(cohort)s” belongs to another programme."),
            params={"cohort": foreign[0]},
            code="cohort_other_programme",
        )


class Material(models.Model):
    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="materials"
    )
    title = models.CharField(_("title"), max_length=200, validators=[validate_single_line])
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    kind = models.CharField(_("kind"), max_length=10, choices=MaterialKind.choices)
    file = models.FileField(
        _("file"),
        blank=True,
        **uploads.upload_options("materials", uploads.SESSION_MATERIALS),
    )
    url = models.URLField(_("link"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["session", "order", "language", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind=MaterialKind.FILE) & ~Q(file=""))
                | (Q(kind=MaterialKind.LINK) & ~Q(url="")),
                name="material_has_file_or_link",
                violation_error_message=_("A file needs an upload; a link needs an address."),
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.language})"

    @property
    def href(self) -> str:
        return self.file.url if self.kind == MaterialKind.FILE and self.file else self.url


class SessionChange(models.Model):
    """A change of a session's time, place or link not yet told to its participants.

    Edits within ``CHANGE_NOTICE_DELAY_MINUTES`` of each other make one notice: ``before`` keeps
    the values from before the first of them, and the notice says old → new when it goes
    (sessions_app/notices.py).
    """

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="changes"
    )
    before = models.JSONField(_("before"))
    due_at = models.DateTimeField(_("due at"), db_index=True)
    sent_at = models.DateTimeField(_("told at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("session change")
        verbose_name_plural = _("session changes")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["session"],
                condition=Q(sent_at__isnull=True),
                name="session_change_one_pending",
            )
        ]

    def __str__(self):
        return f"{self.session} ({self.created_at:%Y-%m-%d %H:%M})"
