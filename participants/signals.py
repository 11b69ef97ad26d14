from allauth.account.signals import password_reset
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from lookingup.cache import participation_changed
from programmes.models import Cohort, Programme
from sessions_app.models import Session

from . import services
from .models import Attendance, Enrolment, SessionRegistration, User


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


@receiver([post_save, post_delete], sender=Enrolment)
@receiver([post_save, post_delete], sender=SessionRegistration)
@receiver([post_save, post_delete], sender=Attendance)
@receiver(post_delete, sender=User)
def forget_reports(sender, raw=False, **kwargs):
    """Reports (services/reports.py) and the lists' kept counts (admin_lists.py) count these
    rows; a deleted account leaves its enrolments without a person. Bulk writes call
    ``participation_changed`` themselves."""
    if not raw:
        participation_changed()


@receiver(post_save, sender=User)
def forget_reports_on_profile_change(sender, instance, created, update_fields=None, **kwargs):
    """Reports break people down by role, lists are searched by name and email; a sign-in
    (which saves only ``last_login``) changes neither."""
    if not created and (update_fields is None or set(update_fields) - {"last_login"}):
        participation_changed()


@receiver(m2m_changed, sender=Programme.coordinators.through)
def forget_reports_on_coordinators_change(sender, action, **kwargs):
    """Lists kept in the cache are each coordinator's own."""
    if action.startswith("post_"):
        participation_changed()
