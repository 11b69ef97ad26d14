import datetime
import zoneinfo
from functools import cache

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from lookingup import uploads
from lookingup.fields import LanguagesField
from lookingup.validators import validate_single_line

from .enums import EnrolmentMode, EnrolmentWindow, OrganisationKind, PartnerRole, ProgrammeStatus


@cache
def known_time_zones() -> frozenset[str]:
    """The IANA zones of the installed tzdata. Read once per process: listing them walks the
    zone files on disk, milliseconds that every page in a visitor's zone would pay."""
    return frozenset(zoneinfo.available_timezones())


@cache
def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in sorted(known_time_zones()) if "/" in name]


def validate_time_zone(value: str) -> None:
    if value not in known_time_zones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


class TimeZoneField(models.CharField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("default", "Europe/Rome")
        kwargs.setdefault("validators", [validate_time_zone])
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        # Offered as a list, stored as text: the IANA list changes with tzdata releases.
        return forms.TypedChoiceField(
            choices=time_zone_choices(),
            label=self.verbose_name,
            help_text=self.help_text,
            required=not self.blank,
            initial=self.default,
        )


def parse_hours_list(value: str) -> list[int]:
    return sorted({int(part) for part in value.replace(" ", "").split(",") if part}, reverse=True)


def validate_hours_list(value: str) -> None:
    try:
        hours = parse_hours_list(value)
    except ValueError:
        hours = None
    if hours is None or any(hour <= 0 for hour in hours):
        raise ValidationError(
            _("Write whole numbers of hours separated by commas, for example 168,24.")
        )


class OrganisationQuerySet(models.QuerySet):
    def listed_for(self, user=None):
        """What a person may pick in a form: confirmed organisations, and their own."""
        condition = Q(confirmed=True)
        if user is not None and getattr(user, "organisation_id", None):
            condition |= Q(pk=user.organisation_id)
        return self.filter(condition)


class Organisation(models.Model):
    name = models.CharField(
        _("name"), max_length=200, unique=True, validators=[validate_single_line]
    )
    kind = models.CharField(
        _("type"), max_length=30, choices=OrganisationKind.choices, default=OrganisationKind.OTHER
    )
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(
        _("logo"), blank=True, **uploads.upload_options("logos", uploads.IMAGES)
    )
    confirmed = models.BooleanField(
        _("confirmed"),
        default=True,
        help_text=_(
            "Offered to everyone in the sign-up and profile forms. An organisation a participant "
            "typed stays private to the people who typed it until a coordinator confirms it."
        ),
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        permissions = [
            ("confirm_organisation", _("Can confirm organisations typed by participants"))
        ]

    def __str__(self):
        return self.name


def last_day_open(now) -> datetime.date:
    """The oldest end date of a programme still open for enrolment at ``now``: today, in the
    site's time zone (a programme ending on 10 January takes people until midnight in Rome)."""
    return timezone.localdate(now)


class ProgrammeQuerySet(models.QuerySet):
    def public(self):
        """Shown on the site: published, and archived ones as past programmes."""
        return self.filter(status__in=ProgrammeStatus.public())

    def published(self):
        return self.filter(status=ProgrammeStatus.PUBLISHED)

    def coordinated_by(self, user):
        if user.is_superuser:
            return self
        return self.filter(coordinators=user)

    def open_for_enrolment(self, now=None):
        """``Programme.enrolment_window`` is OPEN, in SQL: keep the two in step (one test
        checks them against each other at the edges)."""
        now = now or timezone.now()
        return self.published().filter(
            Q(enrolment_opens_at__isnull=True) | Q(enrolment_opens_at__lte=now),
            Q(enrolment_closes_at__isnull=True) | Q(enrolment_closes_at__gt=now),
            end_date__gte=last_day_open(now),
        )


class Programme(models.Model):
    title = models.CharField(_("title"), max_length=200, validators=[validate_single_line])
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    summary = models.TextField(_("summary"), max_length=600)
    description = models.TextField(_("description"), blank=True)
    funder = models.ForeignKey(
        Organisation,
        verbose_name=_("funder"),
        on_delete=models.PROTECT,
        related_name="funded_programmes",
        null=True,
        blank=True,
    )
    funding_line = models.CharField(
        _("funding line"),
        max_length=200,
        blank=True,
        help_text=_("For example: Erasmus+ KA2."),
        validators=[validate_single_line],
    )
    partners = models.ManyToManyField(
        Organisation, through="Partnership", related_name="programmes", blank=True
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    original_language = models.CharField(
        _("original language"), max_length=5, choices=settings.LANGUAGES, default="it"
    )
    languages = LanguagesField(_("languages offered"))
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinators"),
        related_name="coordinated_programmes",
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ProgrammeStatus.choices, default=ProgrammeStatus.DRAFT
    )
    enrolment_mode = models.CharField(
        _("enrolment mode"),
        max_length=20,
        choices=EnrolmentMode.choices,
        default=EnrolmentMode.OPEN,
    )
    enrolment_opens_at = models.DateTimeField(_("enrolment opens"), null=True, blank=True)
    enrolment_closes_at = models.DateTimeField(_("enrolment closes"), null=True, blank=True)
    cancellation_notice_hours = models.PositiveIntegerField(
        _("self-cancellation notice (hours)"),
        default=48,
        help_text=_("Participants may cancel until this many hours before a session starts."),
    )
    reminder_hours = models.CharField(
        _("reminders (hours before each session)"),
        max_length=60,
        blank=True,
        default="168,24",
        validators=[validate_hours_list],
        help_text=_(
            "Comma-separated: 168,24 reminds a week and a day before. Empty: no reminders."
        ),
    )
    online_reminder_minutes = models.PositiveIntegerField(
        _("last reminder before online sessions (minutes)"),
        default=60,
        help_text=_("With the link to join. 0: none."),
    )
    certificate_min_share = models.DecimalField(
        _("certificate: minimum share of sessions attended"),
        max_digits=3,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("Between 0 and 1, e.g. 0.75 for three sessions out of four."),
    )
    certificate_min_hours = models.DecimalField(
        _("certificate: minimum hours attended"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["-start_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="programme_ends_after_start",
                violation_error_message=_("The programme must end on or after its start date."),
            ),
            models.CheckConstraint(
                condition=Q(enrolment_closes_at__isnull=True)
                | Q(enrolment_opens_at__isnull=True)
                | Q(enrolment_closes_at__gt=models.F("enrolment_opens_at")),
                name="programme_enrolment_closes_after_opening",
                violation_error_message=_("Enrolment must close after it opens."),
            ),
            models.CheckConstraint(
                condition=Q(certificate_min_share__isnull=True)
                | Q(certificate_min_share__gte=0, certificate_min_share__lte=1),
                name="programme_certificate_share_between_0_and_1",
                violation_error_message=_("The minimum share must be between 0 and 1."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programmes:detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.languages and self.original_language not in self.languages:
            raise ValidationError(
                {"languages": _("The languages offered must include the original language.")}
            )

    def enrolment_window(self, now=None) -> str:
        """The one rule for "is enrolment open": pages, the enrol POST and the list of open
        programmes all ask it (``open_for_enrolment`` is its SQL twin). Who may enrol while it
        is open (invitations, approval) is the enrolment service's business."""
        now = now or timezone.now()
        if self.status != ProgrammeStatus.PUBLISHED:
            return EnrolmentWindow.NOT_PUBLISHED
        if self.enrolment_opens_at is not None and now < self.enrolment_opens_at:
            return EnrolmentWindow.NOT_YET
        if (
            self.enrolment_closes_at is not None and now >= self.enrolment_closes_at
        ) or self.end_date < last_day_open(now):
            return EnrolmentWindow.CLOSED
        return EnrolmentWindow.OPEN

    def reminder_offsets(self, *, online: bool) -> list[datetime.timedelta]:
        """How long before a session its reminders go, longest first."""
        offsets = [datetime.timedelta(hours=h) for h in parse_hours_list(self.reminder_hours)]
        if online and self.online_reminder_minutes:
            offsets.append(datetime.timedelta(minutes=self.online_reminder_minutes))
        return sorted(set(offsets), reverse=True)

    @property
    def is_enrolment_open(self) -> bool:
        return self.enrolment_window() == EnrolmentWindow.OPEN

    def phase(self, today=None) -> str:
        today = today or timezone.localdate()
        if self.end_date < today:
            return "past"
        if self.start_date > today:
            return "upcoming"
        return "ongoing"


class Partnership(models.Model):
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="partnerships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="partnerships",
    )
    role = models.CharField(
        _("role"), max_length=20, choices=PartnerRole.choices, default=PartnerRole.PARTNER
    )

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["role", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "organisation"],
                name="partnership_unique_per_programme",
                violation_error_message=_("This organisation is already a partner."),
            )
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"


class Track(models.Model):
    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="tracks"
    )
    title = models.CharField(_("title"), max_length=200, validators=[validate_single_line])
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("track")
        verbose_name_plural = _("tracks")
        ordering = ["programme", "order", "pk"]

    def __str__(self):
        return self.title


class Cohort(models.Model):
    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="cohorts"
    )
    name = models.CharField(_("name"), max_length=120, validators=[validate_single_line])
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="it"
    )
    time_zone = TimeZoneField(_("time zone"))

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["programme", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "name"],
                name="cohort_name_unique_per_programme",
                violation_error_message=_("This programme already has a cohort with this name."),
            )
        ]

    def __str__(self):
        return self.name
