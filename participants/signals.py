from allauth.account.signals import password_reset
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from programmes.models import Cohort
from sessions_app.models import Session

from . import services


@receiver(post_save, sender=Cohort)
@receiver(post_save, sender=Session)
def promote_after_capacity_change(sender, instance, created, raw=False, **kwargs):
    """A coordinator raised a capacity (or removed it): give the free seats to the queue."""
    if created or raw:
        return
    transaction.on_commit(lambda: services.promote_waiting(instance))


@receiver(password_reset)
def verify_email_on_password_reset(sender, request, user, **kwargs):
    """The reset link went to the person's address: following it proves they own it. People
    imported by coordinators set their first password this way (participants/services/
    imports.py) and need no second email to confirm their address."""
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user=user, email__iexact=user.email).update(verified=True)
