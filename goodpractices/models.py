"""The good-practice library: themes, calls, partner access, practices, materials, history.

Rules that involve several models (who may see, submit, review) live in ``services/``.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from lookingup import uploads
from lookingup.validators import validate_single_line

from .enums import (
    EventAction,
    LegalForm,
    Licence,
    MaterialKind,
    Origin,
    PracticeStatus,
    Sector,
    Territory,
    Visibility,
)

CURRENT_YEAR_BOUND = 2100


class Theme(models.Model):
    """The managed taxonomy: the themes the programmes work on."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120, validators=[validate_single_line])
    essglobal_id = models.CharField(
        _("ESSGlobal activity"),
        max_length=10,
        blank=True,
        help_text=_("Code of the matching ESSGlobal activity (e.g. A16), where one exists."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["order", "slug"]

    def __str__(self):
        return self.name


class CallQuerySet(models.QuerySet):
    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(programme__status="published", opens_at__lte=now, closes_at__gt=now)


class Call(models.Model):
    """A thematic call for practices, run by a programme; its coordinators review."""

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="practice_calls",
    )
    title = models.CharField(_("title"), max_length=200, validators=[validate_single_line])
    description = models.TextField(_("description"), blank=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"), help_text=_("The deadline for submissions."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = CallQuerySet.as_manager()

    class Meta:
        verbose_name = _("call for practices")
        verbose_name_plural = _("calls for practices")
        ordering = ["-closes_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="call_closes_after_opening",
                violation_error_message=_("A call must close after it opens."),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("goodpractices:call", kwargs={"pk": self.pk})

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at


class CallQuestion(models.Model):
    """An extra question a call asks every submitter."""

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="questions"
    )
    text = models.CharField(_("question"), max_length=300, validators=[validate_single_line])
    required = models.BooleanField(_("required"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("extra question")
        verbose_name_plural = _("extra questions")
        ordering = ["call", "order", "pk"]

    def __str__(self):
        return self.text


class PartnerAccess(models.Model):
    """Partner access to a programme's partners-only practices, for a person or for everyone
    of a partner organisation (granted by the programme's coordinators)."""

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="partner_accesses",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="partner_accesses",
        null=True,
        blank=True,
    )
    organisation = models.ForeignKey(
        "programmes.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="partner_accesses",
        null=True,
        blank=True,
        help_text=_("Everyone whose profile names this partner organisation."),
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
        editable=False,
    )
    granted_at = models.DateTimeField(_("granted"), auto_now_add=True)

    class Meta:
        verbose_name = _("partner access")
        verbose_name_plural = _("partner accesses")
        ordering = ["programme", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=True, organisation__isnull=False)
                | Q(user__isnull=False, organisation__isnull=True),
                name="partner_access_person_or_organisation",
                violation_error_message=_("Grant access to a person or to an organisation."),
            ),
            models.UniqueConstraint(
                fields=["programme", "user"],
                name="partner_access_unique_person",
                violation_error_message=_("This person already has partner access."),
            ),
            models.UniqueConstraint(
                fields=["programme", "organisation"],
                name="partner_access_unique_organisation",
                violation_error_message=_("This organisation already has partner access."),
            ),
        ]

    def __str__(self):
        return f"{self.user or self.organisation} – {self.programme}"

    def clean(self):
        if (
            self.organisation_id
            and self.programme_id
            and not self.programme.partnerships.filter(organisation=self.organisation_id).exists()
        ):
            raise ValidationError(
                {"organisation": _("This organisation is not a partner of the programme.")}
            )


class PracticeManager(models.Manager):
    def get_queryset(self):
        # The search vector (every language, every field) is large and only ever read inside
        # the database: never load it into Python.
        return super().get_queryset().defer("search_vector")


class GoodPractice(models.Model):
    # What it is (translated text; rich text fields are sanitised by the forms)
    title = models.CharField(_("title"), max_length=200, validators=[validate_single_line])
    slug = models.SlugField(_("slug"), max_length=90, unique=True)
    summary = models.TextField(_("summary"), max_length=600)
    description = models.TextField(_("description"), blank=True)
    strengths = models.TextField(_("strengths"), blank=True)
    weaknesses = models.TextField(_("weaknesses"), blank=True)
    lessons = models.TextField(_("lessons learnt"), blank=True)
    transferability = models.TextField(_("transferability"), blank=True)
    original_language = models.CharField(
        _("original language"), max_length=5, choices=settings.LANGUAGES, default="it"
    )
    # Who and where
    organisations = models.ManyToManyField(
        "programmes.Organisation",
        verbose_name=_("organisations"),
        related_name="good_practices",
        blank=True,
    )
    organisation_name = models.CharField(
        _("organisation behind it"),
        max_length=300,
        blank=True,
        validators=[validate_single_line],
        help_text=_("As the submitter wrote it; coordinators may link known organisations."),
    )
    country = CountryField(_("country"), blank=True, db_index=True)
    region = models.CharField(
        _("region"), max_length=120, blank=True, validators=[validate_single_line]
    )
    place = models.CharField(
        _("place"), max_length=120, blank=True, validators=[validate_single_line]
    )
    territory = models.CharField(
        _("territory"), max_length=10, choices=Territory.choices, blank=True
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    # What kind
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), related_name="practices", blank=True
    )
    sector = models.CharField(_("SSE sector"), max_length=5, choices=Sector.choices, blank=True)
    legal_form = models.CharField(
        _("legal form"), max_length=30, choices=LegalForm.choices, blank=True
    )
    year_started = models.PositiveSmallIntegerField(
        _("year started"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(CURRENT_YEAR_BOUND)],
    )
    people_involved = models.PositiveIntegerField(_("people involved"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    # Where it came from
    origin = models.CharField(_("origin"), max_length=20, choices=Origin.choices, blank=True)
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="good_practices",
        null=True,
        blank=True,
    )
    call = models.ForeignKey(
        Call,
        verbose_name=_("call"),
        on_delete=models.PROTECT,
        related_name="practices",
        null=True,
        blank=True,
    )
    sessions = models.ManyToManyField(
        "sessions_app.Session",
        verbose_name=_("presented at"),
        related_name="good_practices",
        blank=True,
        help_text=_("Sessions or study visits where the practice was presented."),
    )
    answers = models.JSONField(_("answers to the call's questions"), default=dict, blank=True)
    # Publication
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PracticeStatus.choices,
        default=PracticeStatus.DRAFT,
        db_index=True,
    )
    licence = models.CharField(
        _("licence"),
        max_length=20,
        choices=Licence.choices,
        default=Licence.CC_BY,
        help_text=_("The open licence under which the library publishes the text."),
    )
    is_example = models.BooleanField(
        _("example"),
        default=False,
        help_text=_("Written for the demonstration where the sources give no detail."),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        related_name="good_practices",
        null=True,
        blank=True,
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # PostgreSQL full text: every language's text with its own configuration (services/search.py).
    # Filled by services/search.py after each save (stays empty on SQLite); GIN-indexed by a
    # PostgreSQL-only migration.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = PracticeManager()

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["status", "visibility", "-published_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("goodpractices:detail", kwargs={"slug": self.slug})

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def is_published(self) -> bool:
        return self.status == PracticeStatus.PUBLISHED


class PracticeMaterial(models.Model):
    """A file or a link, in one language: the same presentation may exist in EN, FR and PT."""

    practice = models.ForeignKey(
        GoodPractice,
        verbose_name=_("practice"),
        on_delete=models.CASCADE,
        related_name="materials",
    )
    title = models.CharField(_("title"), max_length=200, validators=[validate_single_line])
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    kind = models.CharField(_("kind"), max_length=10, choices=MaterialKind.choices)
    # Always private storage: the practice's visibility may change, and a view checks it.
    file = models.FileField(
        _("file"),
        blank=True,
        storage=uploads.PrivateStorage(),
        **uploads.upload_options("practices", uploads.DOCUMENTS),
    )
    file_name = models.CharField(_("file name"), max_length=200, blank=True, editable=False)
    url = models.URLField(_("link"), blank=True)
    partners_only = models.BooleanField(
        _("partners only"),
        default=False,
        help_text=_("Only partners see it, even when the practice is public."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["practice", "order", "language", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind=MaterialKind.FILE) & ~Q(file=""))
                | (Q(kind=MaterialKind.LINK) & ~Q(url="")),
                name="practice_material_has_file_or_link",
                violation_error_message=_("A file needs an upload; a link needs an address."),
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.language})"

    def get_absolute_url(self):
        if self.kind == MaterialKind.LINK:
            return self.url
        return reverse("goodpractices:material", kwargs={"pk": self.pk})


class PracticeEvent(models.Model):
    """The history of a practice: every submission and review step, never edited."""

    practice = models.ForeignKey(
        GoodPractice, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="events"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    action = models.CharField(_("action"), max_length=20, choices=EventAction.choices)
    from_status = models.CharField(_("from"), max_length=20, choices=PracticeStatus.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=PracticeStatus.choices)
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("history entry")
        verbose_name_plural = _("history")
        ordering = ["practice", "created_at", "pk"]

    def __str__(self):
        return f"{self.get_action_display()} – {self.practice}"
