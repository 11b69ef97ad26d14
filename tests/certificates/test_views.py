"""The public verification page, the holder's downloads and the documents for verifiers."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from certificates import credentials, services
from certificates.models import Certificate

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(marta_attended, marta, looking_up):
    return services.issue_certificate(looking_up, marta).certificate


def pdf_text(content: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages
    )


# --- verification by code


def test_verify_page_shows_the_form(client):
    response = client.get("/en/certificates/verify/")

    assert response.status_code == 200
    assert "With the verification code" in response.content.decode()


def test_typed_code_leads_to_its_page(client, certificate):
    response = client.get("/en/certificates/verify/", {"code": certificate.display_code.lower()})

    assert response.status_code == 302
    assert response["Location"] == f"/en/certificates/verify/{certificate.code}/"


def test_malformed_typed_code_is_explained(client):
    response = client.get("/en/certificates/verify/", {"code": "1234"})

    assert response.status_code == 400
    assert "A verification code has 20 letters and digits" in response.content.decode()


def test_valid_code_shows_holder_programme_hours_date_and_status_only(client, certificate):
    response = client.get(f"/it/certificates/verify/{certificate.code}/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Certificato valido" in page
    assert "Marta Ferreira" in page
    assert "LOOKING UP – Un percorso formativo verso le strategie europee" in page
    assert "<dd>9,0</dd>" in page
    assert "marta@example.org" not in page
    assert "Firenze" not in page  # the cohort is not shown


def test_revoked_code_says_revoked_without_the_reason(client, certificate, coordinator):
    services.revoke_certificate(certificate, by=coordinator, reason="Attendance was mistyped")

    page = client.get(f"/en/certificates/verify/{certificate.code}/").content.decode()

    assert "This certificate has been revoked." in page
    assert "Attendance was mistyped" not in page


@pytest.mark.parametrize("code", ["ABCDEFGHJKMNPQRSTVWX", "not-a-code", "0000"])
def test_unknown_and_malformed_codes_get_the_same_answer(client, certificate, code):
    response = client.get(f"/en/certificates/verify/{code}/")

    assert response.status_code == 404
    assert "No certificate has this code." in response.content.decode()


def test_code_typed_with_dashes_in_the_address_is_tidied(client, certificate):
    response = client.get(f"/en/certificates/verify/{certificate.display_code.lower()}/")

    assert response["Location"] == f"/en/certificates/verify/{certificate.code}/"


def test_qr_link_opens_the_page_in_the_readers_language(client, certificate):
    response = client.get(f"/v/{certificate.code}", HTTP_ACCEPT_LANGUAGE="fr")

    assert response["Location"] == f"/fr/certificates/verify/{certificate.code}/"


def test_verification_is_rate_limited(client, certificate, settings):
    settings.CERTIFICATE_VERIFICATIONS_PER_HOUR = 3
    for _ in range(3):
        assert client.get(f"/en/certificates/verify/{certificate.code}/").status_code == 200

    response = client.get(f"/en/certificates/verify/{certificate.code}/")

    assert response.status_code == 429
    assert "Too many checks from your connection." in response.content.decode()


def test_verify_page_queries_are_constant(client, certificate):
    url = f"/en/certificates/verify/{certificate.code}/"
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert len(queries) == 1


# --- verification by credential file


def _upload(client, content: bytes):
    upload = SimpleUploadedFile("credential.json", content, "application/json")
    return client.post("/en/certificates/verify/", {"credential": upload})


def test_uploaded_valid_credential_holds(client, certificate):
    page = _upload(client, credentials.credential_json(certificate)).content.decode()

    assert "The signature holds: LOOKING UP issued this credential" in page
    assert "Valid certificate" in page
    assert "Marta Ferreira" in page


def test_uploaded_tampered_credential_does_not_hold(client, certificate):
    document = credentials.signed_credential(certificate)
    document["credentialSubject"]["result"][0]["value"] = "90.0"

    page = _upload(client, json.dumps(document).encode()).content.decode()

    assert "The signature does not hold" in page
    assert "Marta Ferreira" not in page


def test_uploaded_credential_of_a_revoked_certificate_says_revoked(
    client, certificate, coordinator
):
    content = credentials.credential_json(certificate)
    services.revoke_certificate(certificate, by=coordinator, reason="Duplicate")

    page = _upload(client, content).content.decode()

    assert "The signature holds" in page
    assert "This certificate has been revoked." in page


def test_uploaded_garbage_is_not_a_credential(client):
    page = _upload(client, b"\x89PNG not json").content.decode()

    assert "This file is not a credential issued by LOOKING UP." in page


def test_upload_without_a_file_is_explained(client):
    response = client.post("/en/certificates/verify/", {})

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


# --- documents for verifiers


def test_key_issuer_and_revocation_documents_are_published(client, certificate, coordinator):
    services.revoke_certificate(certificate, by=coordinator, reason="Duplicate")

    key = client.get(f"/certificates/keys/{credentials.key_id()}.json").json()
    issuer = client.get("/certificates/issuer.json").json()
    revoked = client.get(f"/certificates/revocations/{certificate.programme_id}.json").json()

    assert key["publicKeyMultibase"] == credentials.public_key_multibase()
    assert issuer["type"] == ["Profile"]
    assert revoked["revokedCredentials"] == [{"id": f"urn:uuid:{certificate.uid}"}]
    assert client.get("/certificates/keys/0000000000000000.json").status_code == 404


# --- the holder's downloads


def test_holder_downloads_the_issued_pdf_in_their_language(client, certificate, marta):
    client.force_login(marta)

    response = client.get(f"/en/certificates/{certificate.pk}/pt.pdf")

    content = b"".join(response.streaming_content)
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="certificate-looking-up-pt.pdf"' in response["Content-Disposition"]
    assert credentials.hashlib.sha256(content).hexdigest() == certificate.pdf_sha256
    assert "Certificado de participação" in pdf_text(content)


def test_holder_downloads_it_in_another_language(client, certificate, marta):
    client.force_login(marta)

    response = client.get(f"/en/certificates/{certificate.pk}/fr.pdf")

    assert "Attestation de participation" in pdf_text(response.content)
    assert "Marta Ferreira" in pdf_text(response.content)


def test_holder_downloads_the_credential(client, certificate, marta):
    client.force_login(marta)

    response = client.get(f"/en/certificates/{certificate.pk}/credential.json")

    assert response["Content-Type"] == "application/ld+json"
    assert credentials.check_credential(response.content).holds is True


@pytest.mark.parametrize("path", ["{pk}/pt.pdf", "{pk}/credential.json", "{pk}/xx.pdf"])
def test_others_cannot_download(client, certificate, alice, path):
    client.force_login(alice)

    assert client.get("/en/certificates/" + path.format(pk=certificate.pk)).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, certificate):
    response = client.get(f"/en/certificates/{certificate.pk}/pt.pdf")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_revoked_certificate_is_not_downloadable(client, certificate, marta, coordinator):
    services.revoke_certificate(certificate, by=coordinator, reason="Duplicate")
    client.force_login(marta)

    assert client.get(f"/en/certificates/{certificate.pk}/pt.pdf").status_code == 404


# --- My space


def test_my_space_shows_progress_before_eligibility(
    client, attendance, marta, looking_up, looking_up_sessions
):
    attendance.attend(marta, looking_up, looking_up_sessions[:2])
    client.force_login(marta)

    page = client.get("/en/me/").content.decode()

    assert "5.0 of 9.0 hours" in page
    assert "2 of 4 sessions" in page
    assert "at least 75% of them needed" in page
    assert "Get my certificate" not in page


def test_my_space_offers_the_certificate_once_eligible(client, marta_attended, marta, looking_up):
    client.force_login(marta)

    page = client.get("/en/me/").content.decode()
    response = client.post(f"/en/certificates/programmes/{looking_up.pk}/claim/", follow=True)

    certificate = Certificate.objects.get()
    assert "Get my certificate" in page
    assert "Your certificate is ready: download it below." in response.content.decode()
    assert f"/en/certificates/{certificate.pk}/pt.pdf" in response.content.decode()
    assert f"/en/certificates/{certificate.pk}/fr.pdf" in response.content.decode()


def test_claim_refused_below_the_rule_says_why(
    client, attendance, marta, looking_up, looking_up_sessions
):
    attendance.attend(marta, looking_up, looking_up_sessions[:1])
    client.force_login(marta)

    response = client.post(f"/en/certificates/programmes/{looking_up.pk}/claim/", follow=True)

    assert "has not reached the attendance this programme asks for." in response.content.decode()
    assert Certificate.objects.count() == 0


def test_claim_for_a_programme_one_is_not_in_is_404(client, alice, looking_up):
    client.force_login(alice)

    assert client.post(f"/en/certificates/programmes/{looking_up.pk}/claim/").status_code == 404


def test_claim_by_get_is_refused(client, marta, looking_up):
    client.force_login(marta)

    assert client.get(f"/en/certificates/programmes/{looking_up.pk}/claim/").status_code == 405


def test_my_space_queries_do_not_grow_with_certificates(client, coordinator):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.certificates.factories import CertificateFactory
    from tests.factories import EnrolmentFactory, ParticipantFactory, ProgrammeFactory

    person = ParticipantFactory()
    client.force_login(person)

    def queries() -> int:
        client.get("/en/me/")
        with CaptureQueriesContext(connection) as captured:
            client.get("/en/me/")
        return len(captured)

    programme = ProgrammeFactory()
    EnrolmentFactory(participant=person, programme=programme)
    CertificateFactory(participant=person, programme=programme)
    one = queries()
    for _ in range(5):
        programme = ProgrammeFactory()
        EnrolmentFactory(participant=person, programme=programme)
        CertificateFactory(participant=person, programme=programme)

    assert queries() == one
