from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CertificateStatus(models.TextChoices):
    VALID = "valid", pgettext_lazy("certificate status", "Valid")
    REVOKED = "revoked", pgettext_lazy("certificate status", "Revoked")


class FunderNotice(models.TextChoices):
    NONE = "", _("None")
    ERASMUS_PLUS = "erasmus_plus", _("Erasmus+ co-funding disclaimer")
    CUSTOM = "custom", _("Custom text (below)")


class BatchStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("batch status", "Queued")
    RUNNING = "running", pgettext_lazy("batch status", "Running")
    DONE = "done", pgettext_lazy("batch status", "Done")
    FAILED = "failed", pgettext_lazy("batch status", "Failed")
