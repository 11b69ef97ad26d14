from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class LookingUpConfig(AppConfig):
    name = "lookingup"
    verbose_name = _("LOOKING UP")

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        from .uploads import connect_file_cleanup

        # Each app's emails.py registers its context builders (lookingup/emails.py).
        autodiscover_modules("emails")
        # Every model with a file, in every app: a deleted row takes its file with it.
        connect_file_cleanup(apps.get_models())
