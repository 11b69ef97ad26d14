"""My space: the certificate of each programme, or how far the person is from it.

The attendance and the rule come from the dashboard's own ``progress`` (participants'
``progress_of``: a few queries however many programmes); this adds one query for the person's
certificates.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings

from certificates.models import Certificate
from participants.services import progress_of

register = template.Library()


@dataclass
class ProgrammeCertificate:
    programme: object
    certificate: Certificate | None
    summary: object
    eligible: bool


@register.inclusion_tag("certificates/_my_certificates.html", takes_context=True)
def my_certificates(context):
    user = context["request"].user
    progress = context.get("progress")
    if progress is None:
        progress = progress_of(user)
    certificates = {
        certificate.programme_id: certificate
        for certificate in Certificate.objects.valid()
        .filter(participant=user)
        .select_related("programme")
    }
    rows = []
    for item in progress:
        certificate = certificates.pop(item.programme.pk, None)
        if certificate is None and not item.has_rule:
            continue
        rows.append(ProgrammeCertificate(item.programme, certificate, item.summary, item.eligible))
    # Certificates of programmes the person is no longer confirmed in stay downloadable.
    rows += [
        ProgrammeCertificate(certificate.programme, certificate, None, True)
        for certificate in certificates.values()
    ]
    return {
        "rows": rows,
        "languages": settings.LANGUAGES,
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
    }
