from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from programmes.models import Cohort

from .models import Session, validate_cohorts_in_programme


@receiver(m2m_changed, sender=Session.cohorts.through)
def check_cohorts_belong_to_programme(sender, instance, action, pk_set, reverse, **kwargs):
    """Last line of defence: forms check this first and show the message to the user."""
    if action != "pre_add" or not pk_set:
        return
    if reverse:
        for session in Session.objects.filter(pk__in=pk_set):
            validate_cohorts_in_programme(session, [instance])
    else:
        validate_cohorts_in_programme(instance, Cohort.objects.filter(pk__in=pk_set))
