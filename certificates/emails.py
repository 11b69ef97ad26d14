"""Context builders for the certificates' emails (lookingup/emails.py).

The worker calls them when it sends the mail, in the recipient's language. A batch's "ready"
mails are sent together: their certificates are loaded in one query (``preload_certificates``).
"""

from django.urls import reverse
from django.utils import translation

from lookingup.emails import email

from .models import Certificate


def preload_certificates(contexts: list[dict]) -> dict[int, Certificate]:
    return Certificate.objects.select_related("participant", "programme").in_bulk(
        {context["certificate_id"] for context in contexts}
    )


@email("certificate-ready", preload=preload_certificates)
def build_certificate_ready(*, certificate_id: int, batch: dict[int, Certificate]):
    certificate = batch.get(certificate_id)
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
