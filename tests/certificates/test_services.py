"""Issue, re-issue, revoke: what the record holds and what people are told."""

import hashlib
import os
from decimal import Decimal

import pytest
from django.core import mail

from certificates import services
from certificates.enums import CertificateStatus
from certificates.models import Certificate
from tests.factories import EnrolmentFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


def test_issue_records_holder_hours_sessions_code_and_pdf_hash(
    marta_attended, marta, looking_up, hub
):
    outcome = services.issue_certificate(looking_up, marta)

    certificate = outcome.certificate
    assert (outcome.ok, outcome.created) == (True, True)
    assert outcome.message == "Certificate issued to Marta Ferreira."
    assert certificate.holder_name == "Marta Ferreira"
    assert certificate.language == "pt"
    assert certificate.cohort == hub
    assert certificate.minutes_attended == 540
    assert str(certificate.hours) == "9.0"
    assert [entry["minutes"] for entry in certificate.sessions] == [180, 120, 120, 120]
    assert certificate.sessions[0]["titles"]["it"] == "Laboratorio di co-progettazione a Firenze"
    assert certificate.pdf_sha256 == hashlib.sha256(certificate.pdf.read()).hexdigest()
    assert certificate.status == CertificateStatus.VALID


def test_issue_again_returns_the_same_record_and_code(
    marta_attended, marta, looking_up, attendance, looking_up_sessions
):
    first = services.issue_certificate(looking_up, marta).certificate
    attendance.attend(marta, looking_up, looking_up_sessions[:3])  # attendance changed since

    again = services.issue_certificate(looking_up, marta)

    assert (again.ok, again.created) == (True, False)
    assert again.certificate == first
    assert again.certificate.code == first.code
    assert Certificate.objects.count() == 1


def test_issue_emails_the_holder_in_their_language(
    marta_attended, marta, looking_up, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.issue_certificate(looking_up, marta).certificate

    [message] = mail.outbox
    assert message.to == ["marta@example.org"]
    assert message.subject == (
        "O seu certificado está pronto: "
        "LOOKING UP – Um percurso formativo rumo às estratégias europeias da ESS"
    )
    assert certificate.display_code in message.body
    assert "(9,0 horas)" in message.body
    assert f"/pt/certificates/{certificate.pk}/pt.pdf" in message.body


def test_issue_refuses_below_the_rule(attendance, marta, looking_up, looking_up_sessions):
    attendance.attend(marta, looking_up, looking_up_sessions[:2])  # 5 h, 2 of 4

    outcome = services.issue_certificate(looking_up, marta)

    assert outcome.ok is False
    assert (
        outcome.message == "Marta Ferreira has not reached the attendance this programme asks for."
    )
    assert Certificate.objects.count() == 0


def test_issue_refuses_a_programme_without_a_rule(marta_attended, marta, looking_up):
    looking_up.certificate_min_share = looking_up.certificate_min_hours = None
    looking_up.save()

    outcome = services.issue_certificate(looking_up, marta)

    assert outcome.message == "This programme gives no certificate: it has no attendance rule."


def test_issue_refuses_a_person_without_a_name(attendance, looking_up, looking_up_sessions):
    nameless = ParticipantFactory(email="anon@example.org", full_name="")
    EnrolmentFactory(participant=nameless, programme=looking_up)
    attendance.attend(nameless, looking_up, looking_up_sessions)

    outcome = services.issue_certificate(looking_up, nameless)

    assert outcome.message == (
        "anon@example.org has no name for certificates: add it to the profile first."
    )


def test_reissue_keeps_the_old_one_as_revoked_history(
    marta_attended, marta, looking_up, attendance, looking_up_sessions, coordinator
):
    looking_up.certificate_min_hours = Decimal("8")
    looking_up.save()
    old = services.issue_certificate(looking_up, marta).certificate
    # The register is corrected: Marta left the Florence workshop after two and a half hours.
    attendance.attend(marta, looking_up, looking_up_sessions[:1], minutes=150)

    outcome = services.reissue_certificate(old, by=coordinator)

    new = outcome.certificate
    old.refresh_from_db()
    assert outcome.message == "A new certificate replaces the previous one for Marta Ferreira."
    assert new.replaces == old
    assert new.code != old.code
    assert (old.minutes_attended, new.minutes_attended) == (540, 510)
    assert old.status == CertificateStatus.REVOKED
    assert old.revocation_reason == "Replaced by a new certificate after attendance changed."
    assert list(Certificate.objects.valid()) == [new]


def test_revoke_needs_a_reason_and_happens_once(marta_attended, marta, looking_up, coordinator):
    certificate = services.issue_certificate(looking_up, marta).certificate

    no_reason = services.revoke_certificate(certificate, by=coordinator, reason="  ")
    revoked = services.revoke_certificate(certificate, by=coordinator, reason="Issued in error")
    again = services.revoke_certificate(certificate, by=coordinator, reason="Twice")

    certificate.refresh_from_db()
    assert no_reason.message == "Say why the certificate is revoked."
    assert revoked.message == "The certificate of Marta Ferreira has been revoked."
    assert again.message == "This certificate was already revoked."
    assert (certificate.status, certificate.revoked_by) == ("revoked", coordinator)
    assert certificate.revocation_reason == "Issued in error"


def test_issue_after_revocation_gives_a_new_certificate(
    marta_attended, marta, looking_up, coordinator
):
    first = services.issue_certificate(looking_up, marta).certificate
    services.revoke_certificate(first, by=coordinator, reason="Issued in error")

    second = services.issue_certificate(looking_up, marta)

    assert second.created is True
    assert second.certificate.code != first.code


def test_deleting_the_account_erases_the_certificates(marta_attended, marta, looking_up):
    from participants.privacy import delete_account

    certificate = services.issue_certificate(looking_up, marta).certificate
    path = certificate.pdf.path

    delete_account(marta)

    assert Certificate.objects.count() == 0
    assert not os.path.exists(path)
