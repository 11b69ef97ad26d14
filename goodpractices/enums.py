from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# ESSGlobal, RIPESS's vocabulary for the SSE (purl.org/essglobal): its activities scheme gives
# the sector of a practice and, where one fits, the identifier of a theme.
ESSGLOBAL_ACTIVITIES = "http://purl.org/essglobal/standard/activities/"


class PracticeStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("practice status", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("practice status", "Submitted")
    IN_REVIEW = "in_review", pgettext_lazy("practice status", "In review")
    CHANGES_REQUESTED = "changes_requested", pgettext_lazy("practice status", "Changes requested")
    PUBLISHED = "published", pgettext_lazy("practice status", "Published")
    REJECTED = "rejected", pgettext_lazy("practice status", "Rejected")

    @classmethod
    def editable_by_submitter(cls) -> set[str]:
        return {cls.DRAFT, cls.CHANGES_REQUESTED}

    @classmethod
    def awaiting_review(cls) -> set[str]:
        return {cls.SUBMITTED, cls.IN_REVIEW}


class Visibility(models.TextChoices):
    PUBLIC = "public", pgettext_lazy("visibility", "Public")
    PARTNERS = "partners", pgettext_lazy("visibility", "Partners only")


class Territory(models.TextChoices):
    URBAN = "urban", pgettext_lazy("territory", "Urban")
    RURAL = "rural", pgettext_lazy("territory", "Rural")
    MIXED = "mixed", pgettext_lazy("territory", "Urban and rural")


class Sector(models.TextChoices):
    """SSE sectors: the ESSGlobal activities that the programmes' practices fall under."""

    AGRICULTURE = "A01", _("Agriculture and environment")
    MANUFACTURING = "A03", _("Craft and manufacturing")
    ENERGY = "A04", _("Energy production and distribution")
    RECYCLING = "A05", _("Recycling, waste and ecological restoration")
    TRADE = "A07", _("Trade and distribution")
    TRANSPORT = "A08", _("Transport and logistics")
    HOSPITALITY = "A09", _("Hospitality and food services")
    DIGITAL = "A10", _("Information and communication technologies")
    FINANCE = "A11", _("Finance and insurance")
    HOUSING = "A12", _("Habitat and housing")
    TOURISM = "A14", _("Tourism and services")
    PUBLIC = "A15", _("Public administration")
    EDUCATION = "A16", _("Education and training")
    SOCIAL = "A17", _("Social services, health and employment")
    CULTURE = "A18", _("Arts, culture and sport")

    @property
    def essglobal_uri(self) -> str:
        return ESSGLOBAL_ACTIVITIES + self.value


class LegalForm(models.TextChoices):
    SOCIAL_COOPERATIVE = "social_cooperative", _("Social cooperative")
    COOPERATIVE = "cooperative", _("Cooperative")
    ASSOCIATION = "association", _("Association")
    FOUNDATION = "foundation", _("Foundation")
    SOCIAL_ENTERPRISE = "social_enterprise", _("Social enterprise")
    MUTUAL = "mutual", _("Mutual society")
    NETWORK = "network", _("Network or district")
    PUBLIC_PRIVATE = "public_private", _("Public–private partnership")
    INFORMAL = "informal", _("Informal group")
    OTHER = "other", pgettext_lazy("legal form", "Other")


class Licence(models.TextChoices):
    """Open licences only: the public library is published as open data."""

    CC_BY = "CC-BY-4.0", "CC BY 4.0"
    CC_BY_SA = "CC-BY-SA-4.0", "CC BY-SA 4.0"
    CC0 = "CC0-1.0", "CC0 1.0"

    @property
    def url(self) -> str:
        return {
            "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
            "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
            "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
        }[self.value]


class MaterialKind(models.TextChoices):
    FILE = "file", pgettext_lazy("material kind", "File")
    LINK = "link", pgettext_lazy("material kind", "Link")


class Origin(models.TextChoices):
    CALL = "call", pgettext_lazy("practice origin", "Submitted to a call")
    SESSION = "session", pgettext_lazy("practice origin", "Presented at a session")
    STUDY_VISIT = "study_visit", pgettext_lazy("practice origin", "Seen on a study visit")
    CASE_STUDY = "case_study", pgettext_lazy("practice origin", "Case study of a programme")


class EventAction(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("practice event", "Submitted")
    COMMENTED = "commented", pgettext_lazy("practice event", "Comment")
    CHANGES_REQUESTED = "changes_requested", pgettext_lazy("practice event", "Changes requested")
    PUBLISHED = "published", pgettext_lazy("practice event", "Published")
    REJECTED = "rejected", pgettext_lazy("practice event", "Rejected")


class SortOrder(models.TextChoices):
    RELEVANCE = "relevance", _("Best match")
    NEWEST = "newest", _("Newest first")
    TITLE = "title", _("Title (A–Z)")
    OLDEST_STARTED = "year", _("Longest running")
