from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipantsConfig(AppConfig):
    name = "participants"
    verbose_name = _("Participants")

    def ready(self):
        from programmes.services import COORDINATOR_PERMISSIONS

        from . import emails, signals  # noqa: F401 - emails registers its builders
        from .permissions import COORDINATOR_PERMISSIONS as OURS

        COORDINATOR_PERMISSIONS.extend(p for p in OURS if p not in COORDINATOR_PERMISSIONS)
