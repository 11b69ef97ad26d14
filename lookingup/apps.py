from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class LookingUpConfig(AppConfig):
    name = "lookingup"
    verbose_name = _("LOOKING UP")

    def ready(self):
        from django.db.models.signals import post_migrate
        from django.utils.module_loading import autodiscover_modules

        from .site import sync_site_after_migrate
        from .uploads import connect_file_cleanup

        # Each app's emails.py registers its context builders (lookingup/emails.py).
        autodiscover_modules("emails")
        # Sent for the sites app, after its own receiver has created the default row.
        post_migrate.connect(
            sync_site_after_migrate,
            sender=apps.get_app_config("sites"),
            dispatch_uid="lookingup_sync_site",
        )
        # Every model with a file, in every app: a deleted row takes its file with it.
        connect_file_cleanup(apps.get_models())
