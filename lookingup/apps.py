from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class LookingUpConfig(AppConfig):
    name = "lookingup"
    verbose_name = _("LOOKING UP")

    def ready(self):
        from django.core.signals import request_finished, request_started
        from django.db.models.signals import post_migrate
        from django.utils.module_loading import autodiscover_modules

        from .outbox import collect_wake_ups, send_wake_ups
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
        # The outbox's broker wake-ups wait for the response to be sent (lookingup/outbox.py).
        request_started.connect(collect_wake_ups, dispatch_uid="lookingup_collect_wake_ups")
        request_finished.connect(send_wake_ups, dispatch_uid="lookingup_send_wake_ups")
