from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from lookingup.cache import bump_content_version
from programmes.models import Cohort, Organisation, Partnership, Programme, Track

from .models import Material, Session, validate_cohorts_in_programme


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


PUBLIC_CONTENT = [Programme, Track, Cohort, Partnership, Organisation, Session, Material]


def content_changed(sender, **kwargs):
    """Cached fragments of the public pages (lookingup/cache.py) are stale now."""
    if kwargs.get("action", "post_save").startswith("pre_"):
        return
    # After the commit: a request served between a bump inside the transaction and its commit
    # would cache the old content under the new version, until the next change.
    transaction.on_commit(bump_content_version)


for _model in PUBLIC_CONTENT:
    post_save.connect(content_changed, sender=_model, dispatch_uid=f"content-{_model.__name__}")
    post_delete.connect(content_changed, sender=_model, dispatch_uid=f"content-d-{_model.__name__}")
m2m_changed.connect(content_changed, sender=Session.cohorts.through, dispatch_uid="content-m2m")
