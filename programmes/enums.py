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


class EnrolmentMode(models.TextChoices):
    OPEN = "open", pgettext_lazy("enrolment mode", "Open")
    APPROVAL = "approval", pgettext_lazy("enrolment mode", "Approval required")
    INVITATION = "invitation", pgettext_lazy("enrolment mode", "Invitation only")
