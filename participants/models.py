import datetime as dt
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from lookingup.validators import validate_single_line
from programmes.enums import OrganisationKind
from programmes.models import validate_time_zone

from .enums import AttendanceSource, AttendanceStatus, EnrolmentStatus, ParticipantRole


def new_calendar_token() -> str:
    return secrets.token_urlsafe(32)


class UserManager(BaseUserManager):
    """Users sign in with their email address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with an account; the profile is these few fields, nothing more.

    Only what coordinators (certificates, who is who) and funders (anonymous counts by
    organisation type and country) need; see the privacy notice.
    """

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(
        _("full name"),
        max_length=200,
        blank=True,
        help_text=_("As it must appear on a certificate."),
        validators=[validate_single_line],
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    organisation = models.ForeignKey(
        "programmes.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        related_name="members",
        null=True,
        blank=True,
    )
    organisation_kind = models.CharField(
        _("organisation type"), max_length=30, choices=OrganisationKind.choices, blank=True
    )
    role = models.CharField(_("role"), max_length=20, choices=ParticipantRole.choices, blank=True)
    country = CountryField(_("country"), blank=True)
    privacy_consent_version = models.CharField(
        _("privacy notice version accepted"), max_length=20, blank=True
    )
    privacy_consent_at = models.DateTimeField(
        _("privacy notice accepted at"), null=True, blank=True
    )
    listed_to_participants = models.BooleanField(
        _("visible to other participants"),
        default=False,
        help_text=_(
            "Other participants of the same programmes may see your name and organisation."
        ),
    )
    approval_digest = models.BooleanField(
        _("daily digest of requests"),
        default=False,
        help_text=_(
            "For coordinators: one email a day listing the requests awaiting approval, "
            "instead of one email for each request."
        ),
    )
    reminders_enabled = models.BooleanField(
        _("session reminders"),
        default=True,
        help_text=_("An email before each of your sessions, with the place or the link."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_("Emails give session times in it too, when it differs from the session's."),
    )
    weekly_digest = models.BooleanField(
        _("weekly digest for coordinators"),
        default=True,
        help_text=_(
            "On Mondays: next week's sessions of your programmes and last week's attendance."
        ),
    )
    calendar_token = models.CharField(
        _("calendar feed token"),
        max_length=64,
        unique=True,
        default=new_calendar_token,
        editable=False,
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def has_current_consent(self) -> bool:
        return (
            self.privacy_consent_at is not None
            and self.privacy_consent_version == settings.PRIVACY_NOTICE_VERSION
        )


class QueueQuerySet(models.QuerySet):
    """Shared by enrolments and registrations: both queue FIFO behind a capacity holder."""

    holder_field: str = ""

    def active(self):
        return self.filter(status__in=EnrolmentStatus.active())

    def waiting_in_order(self):
        return self.filter(status=EnrolmentStatus.WAITING).order_by("queued_at", "pk")

    def with_waiting_position(self):
        """Annotate ``waiting_position`` (1 = next in line; 0 when not waiting), in one query."""
        ahead = (
            self.model.objects.filter(
                **{self.holder_field: OuterRef(self.holder_field)},
                status=EnrolmentStatus.WAITING,
            )
            .filter(
                Q(queued_at__lt=OuterRef("queued_at"))
                | Q(queued_at=OuterRef("queued_at"), pk__lt=OuterRef("pk"))
            )
            .order_by()
            .values(self.holder_field)
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(
            waiting_position=models.Case(
                models.When(
                    status=EnrolmentStatus.WAITING,
                    then=Coalesce(Subquery(ahead), Value(0)) + 1,
                ),
                default=Value(0),
            )
        )


class EnrolmentQuerySet(QueueQuerySet):
    holder_field = "cohort"


class RegistrationQuerySet(QueueQuerySet):
    holder_field = "session"


class Participation(models.Model):
    """What enrolments and session registrations share."""

    status = models.CharField(
        _("status"), max_length=20, choices=EnrolmentStatus.choices, db_index=True
    )
    queued_at = models.DateTimeField(
        _("waiting since"),
        null=True,
        blank=True,
        help_text=_("The waiting list is first come, first served."),
    )
    # Copied at creation and kept after the account is deleted: funders' reports count these.
    organisation_kind = models.CharField(
        _("organisation type"), max_length=30, choices=OrganisationKind.choices, blank=True
    )
    country = CountryField(_("country"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True

    @property
    def is_active(self) -> bool:
        return self.status in EnrolmentStatus.active()


class Enrolment(Participation):
    participant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.SET_NULL,
        related_name="enrolments",
        null=True,
        blank=True,
        help_text=_("Emptied when the person deletes their account."),
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    cohort = models.ForeignKey(
        "programmes.Cohort",
        verbose_name=_("cohort"),
        on_delete=models.PROTECT,
        related_name="enrolments",
        null=True,
        blank=True,
    )
    invited = models.BooleanField(_("by invitation"), default=False)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    decision_reason = models.TextField(
        _("reason given"),
        blank=True,
        help_text=_("Sent to the person with a rejection or a cancellation by the coordinators."),
    )

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["cohort", "status", "queued_at"]),
            # The coordinators' list: its order, read backwards and stopped after a page,
            # and "the latest attempt per person" (no later row of the same person).
            models.Index(fields=["created_at", "id"], name="enrolment_list_order"),
            models.Index(fields=["participant", "programme", "id"], name="enrolment_attempts"),
        ]
        constraints = [
            # The last line against double clicks and replayed POSTs.
            models.UniqueConstraint(
                fields=["participant", "programme"],
                condition=Q(status__in=EnrolmentStatus.active()),
                name="enrolment_one_active_per_programme",
                violation_error_message=_("You are already enrolled in this programme."),
            ),
            models.CheckConstraint(
                condition=~Q(status=EnrolmentStatus.WAITING) | Q(queued_at__isnull=False),
                name="enrolment_waiting_has_queue_time",
            ),
        ]

    def __str__(self):
        return f"{self.participant or _('deleted account')} – {self.programme}"


class SessionRegistration(Participation):
    participant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.SET_NULL,
        related_name="session_registrations",
        null=True,
        blank=True,
        help_text=_("Emptied when the person deletes their account."),
    )
    session = models.ForeignKey(
        "sessions_app.Session",
        verbose_name=_("session"),
        # Calling a session off is cancelling it (people are told), never deleting it.
        on_delete=models.PROTECT,
        related_name="registrations",
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("session registration")
        verbose_name_plural = _("session registrations")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["session", "status", "queued_at"]),
            # As for enrolments: the list's order and the latest attempt per person.
            models.Index(fields=["created_at", "id"], name="registration_list_order"),
            models.Index(fields=["participant", "session", "id"], name="registration_attempts"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "session"],
                condition=Q(status__in=EnrolmentStatus.active()),
                name="registration_one_active_per_session",
                violation_error_message=_("You are already registered for this session."),
            ),
            models.CheckConstraint(
                condition=~Q(status=EnrolmentStatus.WAITING) | Q(queued_at__isnull=False),
                name="registration_waiting_has_queue_time",
            ),
        ]

    def __str__(self):
        return f"{self.participant or _('deleted account')} – {self.session}"

    @property
    def programme(self):
        return self.session.programme


def new_invitation_token() -> str:
    """Opaque: the link says nothing about the programme or the person (192 random bits)."""
    return secrets.token_urlsafe(24)


def default_invitation_expiry():
    return timezone.now() + dt.timedelta(days=settings.INVITATION_MAX_AGE_DAYS)


class Invitation(models.Model):
    """A link to an invitation-only programme, which coordinators can see and revoke."""

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    cohort = models.ForeignKey(
        "programmes.Cohort",
        verbose_name=_("group"),
        on_delete=models.PROTECT,
        related_name="invitations",
        null=True,
        blank=True,
        help_text=_("Empty: the person chooses a group when the programme has several."),
    )
    email = models.EmailField(
        _("email address"),
        blank=True,
        help_text=_("Optional: only the person with this address can use the link."),
    )
    uses_allowed = models.PositiveIntegerField(
        _("uses allowed"),
        null=True,
        blank=True,
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("How many people can enrol with the link. Empty: no limit."),
    )
    uses = models.PositiveIntegerField(_("uses"), default=0, editable=False)
    expires_at = models.DateTimeField(_("expires at"), default=default_invitation_expiry)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)
    token = models.CharField(
        _("token"), max_length=64, unique=True, default=new_invitation_token, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(uses_allowed__isnull=True) | Q(uses__lte=models.F("uses_allowed")),
                name="invitation_uses_within_allowed",
                violation_error_message=_("This link has been used as many times as allowed."),
            )
        ]

    def __str__(self):
        return f"{self.programme} – {self.email or _('anyone with the link')}"

    def get_absolute_url(self):
        return reverse("participants:invitation", kwargs={"token": self.token})

    def clean(self):
        if self.cohort_id and self.programme_id and self.cohort.programme_id != self.programme_id:
            raise ValidationError({"cohort": _("This group belongs to another programme.")})


class Attendance(models.Model):
    """Whether one person attended one session, and how long; every change is kept in
    ``history`` (django-simple-history) for auditors.

    ``minutes`` is the time attended when only part of the session was (a meeting report
    gives it, a coordinator may type it); empty on present or late means the whole session.
    The person's enrolment is kept alongside: after an account is deleted, the row stays as
    an anonymous count attached to the enrolment (cohort, country, organisation type).
    """

    session = models.ForeignKey(
        "sessions_app.Session",
        verbose_name=_("session"),
        on_delete=models.PROTECT,
        related_name="attendances",
    )
    participant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.SET_NULL,
        related_name="attendances",
        null=True,
        blank=True,
        help_text=_("Emptied when the person deletes their account."),
    )
    enrolment = models.ForeignKey(
        Enrolment,
        verbose_name=_("enrolment"),
        on_delete=models.SET_NULL,
        related_name="attendances",
        null=True,
        blank=True,
    )
    status = models.CharField(_("attendance"), max_length=20, choices=AttendanceStatus.choices)
    minutes = models.PositiveIntegerField(
        _("minutes attended"),
        null=True,
        blank=True,
        help_text=_("Only for partial attendance; empty means the whole session."),
    )
    source = models.CharField(
        _("recorded through"),
        max_length=20,
        choices=AttendanceSource.choices,
        default=AttendanceSource.REGISTER,
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    history = HistoricalRecords(verbose_name=_("historical attendance"))

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["session", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "participant"],
                condition=Q(participant__isnull=False),
                name="attendance_one_per_session_and_person",
                violation_error_message=_("This person's attendance is already recorded."),
            ),
        ]

    def __str__(self):
        person = self.participant or _("deleted account")
        return f"{person} – {self.session}: {self.get_status_display()}"
