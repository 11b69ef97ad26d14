"""Context builders for the certificates' emails (lookingup/emails.py).

The worker calls them when it sends the mail, in the recipient's language.
"""

from django.urls import reverse
from django.utils import translation

from lookingup.emails import email

from .models import Certificate


@email("certificate-ready")
def build_certificate_ready(*, certificate_id: int):
    certificate = (
        Certificate.objects.select_related("participant", "programme")
        .filter(pk=certificate_id)
        .first()
    )
    if certificate is None or not certificate.is_valid:
        return None
    language = translation.get_language()
    return {
        "participant": certificate.participant,
        "certificate": certificate,
        "programme_title": certificate.programme.title,
        "hours": certificate.hours,
        "code": certificate.display_code,
        "dashboard_path": reverse("participants:dashboard"),
        "download_path": reverse(
            "certificates:download", kwargs={"pk": certificate.pk, "language": language}
        ),
    }
