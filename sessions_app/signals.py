from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from programmes.models import Cohort, Programme, Track

from .forms import forget_session_filter_choices
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


@receiver([post_save, post_delete], sender=Session)
@receiver([post_save, post_delete], sender=Programme)
@receiver([post_save, post_delete], sender=Track)
def forget_filter_choices(**kwargs):
    """The session list offers only programmes, tracks and places that have sessions."""
    forget_session_filter_choices()
