from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programmes")

    def ready(self):
        from django.db.models.signals import post_migrate

        # Not limited to this app's signal: sessions_app's permissions appear after ours.
        post_migrate.connect(_sync_coordinators_group, dispatch_uid="coordinators_group")


def _sync_coordinators_group(**kwargs):
    from .services import ensure_coordinators_group

    ensure_coordinators_group()
