from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LookingUpConfig(AppConfig):
    name = "lookingup"
    verbose_name = _("LOOKING UP")
