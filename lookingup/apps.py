from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LookingUpConfig(AppConfig):
    name = "lookingup"
    verbose_name = _("LOOKING UP")

    def ready(self):
        # Each app's emails.py registers its context builders (lookingup/emails.py).
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("emails")
