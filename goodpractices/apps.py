from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoodPracticesConfig(AppConfig):
    name = "goodpractices"
    verbose_name = _("Good practices")

    def ready(self):
        from . import signals  # noqa: F401
        from .emails import register_builders

        register_builders()
