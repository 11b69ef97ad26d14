"""A person's choices about the mail they get: reminders off with one click, from the mail."""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from participants.models import User

REMINDERS_SALT = "participants.reminders-off"


def reminders_off_url(user: User) -> str:
    """The unsubscribe link of a reminder: signed, no sign-in needed, in the person's language."""
    token = signing.dumps(user.pk, salt=REMINDERS_SALT)
    with translation.override(user.preferred_language):
        path = reverse("participants:reminders_off", kwargs={"token": token})
    return f"{settings.SITE_URL}{path}"


def user_from_reminders_token(token: str) -> User | None:
    try:
        pk = signing.loads(token, salt=REMINDERS_SALT)
    except signing.BadSignature:
        return None
    return User.objects.filter(pk=pk, is_active=True).first()


def set_reminders(user: User, *, enabled: bool) -> None:
    if user.reminders_enabled != enabled:
        user.reminders_enabled = enabled
        user.save(update_fields=["reminders_enabled"])
