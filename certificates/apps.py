from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from celery.signals import worker_ready

        from programmes.services import COORDINATOR_PERMISSIONS

        from . import signals  # noqa: F401
        from .permissions import COORDINATOR_PERMISSIONS as OURS
        from .rendering import warn_without_harfbuzz_subset

        COORDINATOR_PERMISSIONS.extend(p for p in OURS if p not in COORDINATOR_PERMISSIONS)
        # Subsetting fonts without HarfBuzz's library falls back to fontTools, about 3× slower:
        # say so once, where the batch jobs run.
        worker_ready.connect(warn_without_harfbuzz_subset, weak=False)
