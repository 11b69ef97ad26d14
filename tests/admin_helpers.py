"""What tests of the Django admin pages share."""

from django.urls import reverse
from django.utils import translation


def admin_url(name: str, *args) -> str:
    with translation.override("en"):
        return reverse(f"admin:{name}", args=args)


def management(prefix: str, total: int = 0, initial: int = 0) -> dict:
    """The management form of an inline formset, as the admin posts it."""
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
