"""Context builders for the certificates' emails (see lookingup/tasks.py)."""

from django.urls import reverse
from django.utils import translation

from .models import Certificate


def register_builders() -> None:
    from lookingup.tasks import register_context_builder

    register_context_builder("certificate-ready", "certificates.emails:build_certificate_ready")


def build_certificate_ready(*, certificate_id: int):
    certificate = (
        Certificate.objects.select_related("participant", "programme")
        .filter(pk=certificate_id)
        .first()
    )
    if certificate is None or not certificate.is_valid:
        return None
    language = certificate.participant.preferred_language
    with translation.override(language):
        dashboard_path = reverse("participants:dashboard")
        download_path = reverse(
            "certificates:download", kwargs={"pk": certificate.pk, "language": language}
        )
        programme_title = str(certificate.programme.title)
    return {
        "participant": certificate.participant,
        "certificate": certificate,
        "programme_title": programme_title,
        "hours": certificate.hours,
        "code": certificate.display_code,
        "dashboard_path": dashboard_path,
        "download_path": download_path,
    }
