"""My space: progress towards each programme's certificate, and the certificates to download.

One query for all their certificates; the enrolments come from the dashboard's own list when
it has one. A programme with a certificate rule and no certificate yet adds the few aggregate
queries of the person's attendance summary.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings

from certificates.models import Certificate
from certificates.services.issuing import eligible, has_rule, summaries_for
from participants.enums import EnrolmentStatus
from participants.models import Enrolment

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
    certificates = {
        certificate.programme_id: certificate
        for certificate in Certificate.objects.valid().filter(participant=user)
    }
    enrolments = context.get("enrolments")
    if enrolments is None:
        enrolments = Enrolment.objects.filter(participant=user).select_related("programme")
    rows = []
    for enrolment in enrolments:
        if enrolment.status != EnrolmentStatus.CONFIRMED:
            continue
        programme = enrolment.programme
        certificate = certificates.get(programme.pk)
        if certificate is None and not has_rule(programme):
            continue
        # Progress only until the certificate is there: its queries are per programme.
        summary = None if certificate else summaries_for(programme, [user.pk]).get(user.pk)
        rows.append(
            ProgrammeCertificate(
                programme=programme,
                certificate=certificate,
                summary=summary,
                eligible=certificate is not None or eligible(summary, programme),
            )
        )
    return {
        "rows": rows,
        "languages": settings.LANGUAGES,
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
    }
