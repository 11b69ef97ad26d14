from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

COORDINATOR_PERMISSIONS_HERE = [
    *(
        f"goodpractices.{action}_{model}"
        for model in ("call", "callquestion", "partneraccess", "practicematerial")
        for action in ("view", "add", "change", "delete")
    ),
    "goodpractices.view_goodpractice",
    "goodpractices.add_goodpractice",
    "goodpractices.change_goodpractice",
    "goodpractices.view_practiceevent",
    "goodpractices.view_theme",
]


class GoodPracticesConfig(AppConfig):
    name = "goodpractices"
    verbose_name = _("Good practices")

    def ready(self):
        from programmes.services import COORDINATOR_PERMISSIONS

        from . import signals  # noqa: F401

        # The admin narrows each of these to the programmes a coordinator runs (admin.py).
        for permission in COORDINATOR_PERMISSIONS_HERE:
            if permission not in COORDINATOR_PERMISSIONS:
                COORDINATOR_PERMISSIONS.append(permission)
