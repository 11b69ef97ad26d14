from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SessionKind(models.TextChoices):
    WORKSHOP = "workshop", _("In-person workshop")
    ONLINE = "online", _("Online session")
    STUDY_VISIT = "study_visit", _("Study visit")
    RESIDENCY = "residency", _("Residency")
    WEBINAR = "webinar", _("Webinar")
    TUTORING = "tutoring", _("Tutoring")
    LOCAL_WORKSHOP = "local_workshop", _("Local workshop")

    @classmethod
    def online_kinds(cls) -> set[str]:
        return {cls.ONLINE, cls.WEBINAR}


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", pgettext_lazy("session status", "Scheduled")
    POSTPONED = "postponed", pgettext_lazy("session status", "Postponed")
    CANCELLED = "cancelled", pgettext_lazy("session status", "Cancelled")


class MaterialKind(models.TextChoices):
    FILE = "file", pgettext_lazy("material kind", "File")
    LINK = "link", pgettext_lazy("material kind", "Link")
