from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OrganisationKind(models.TextChoices):
    COOPERATIVE = "cooperative", _("Cooperative")
    ASSOCIATION = "association", _("Association")
    SOCIAL_ENTERPRISE = "social_enterprise", _("Social enterprise")
    LOCAL_ACTION_GROUP = "lag", _("Local Action Group")
    PUBLIC_BODY = "public_body", _("Public body")
    NETWORK = "network", _("Network")
    UNIVERSITY = "university", _("University")
    INFORMAL_GROUP = "informal_group", _("Informal group")
    OTHER = "other", pgettext_lazy("organisation kind", "Other")


class PartnerRole(models.TextChoices):
    COORDINATOR = "coordinator", pgettext_lazy("partner role", "Coordinator")
    PARTNER = "partner", pgettext_lazy("partner role", "Partner")
    ASSOCIATED = "associated", pgettext_lazy("partner role", "Associated partner")


class ProgrammeStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("programme status", "Draft")
    PUBLISHED = "published", pgettext_lazy("programme status", "Published")
    ARCHIVED = "archived", pgettext_lazy("programme status", "Archived")

    @classmethod
    def public(cls) -> list[str]:
        """What "public" means, everywhere: shown on the site (archived ones as past)."""
        return [cls.PUBLISHED, cls.ARCHIVED]


class EnrolmentWindow(models.TextChoices):
    """Where a programme stands for enrolment (Programme.enrolment_window)."""

    NOT_PUBLISHED = "not_published"
    NOT_YET = "not_yet"
    OPEN = "open"
    CLOSED = "closed"


class EnrolmentMode(models.TextChoices):
    OPEN = "open", pgettext_lazy("enrolment mode", "Open")
    APPROVAL = "approval", pgettext_lazy("enrolment mode", "Approval required")
    INVITATION = "invitation", pgettext_lazy("enrolment mode", "Invitation only")
