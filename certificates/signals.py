from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Certificate, CertificateBatch


@receiver(post_delete, sender=Certificate)
def delete_certificate_file(sender, instance, **kwargs):
    # An erased account leaves no PDF with its name behind.
    if instance.pdf:
        instance.pdf.delete(save=False)


@receiver(post_delete, sender=CertificateBatch)
def delete_batch_archive(sender, instance, **kwargs):
    if instance.archive:
        instance.archive.delete(save=False)
