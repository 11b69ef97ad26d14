from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class LookingUpConfig(AppConfig):
    name = "lookingup"
    verbose_name = _("LOOKING UP")

    def ready(self):
        from .uploads import connect_file_cleanup

        # Every model with a file, in every app: a deleted row takes its file with it.
        connect_file_cleanup(apps.get_models())
