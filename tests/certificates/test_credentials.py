"""Open Badges 3.0 credentials: signed, verified, tampered with, revoked."""

import base64
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
)
from django.core.exceptions import ImproperlyConfigured

from certificates import credentials, services
from tests.certificates.factories import CertificateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(marta_attended, marta, looking_up):
    return services.issue_certificate(looking_up, marta).certificate


def test_credential_is_an_open_badge_with_the_verification_url_and_status(certificate, settings):
    credential = credentials.signed_credential(certificate)

    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert credential["id"] == f"urn:uuid:{certificate.uid}"
    subject = credential["credentialSubject"]
    assert subject["identifier"][0]["identityHash"] == "Marta Ferreira"
    assert subject["result"][0]["value"] == "9.0"
    assert subject["achievement"]["inLanguage"] == "pt"
    assert credential["evidence"][0]["id"] == f"{settings.SITE_URL}/v/{certificate.code}"
    assert credential["credentialStatus"]["type"] == "1EdTechRevocationList"
    assert credential["proof"]["cryptosuite"] == "eddsa-jcs-2022"
    assert credential["proof"]["verificationMethod"] == credentials.verification_method_url()


def test_check_credential_holds_for_an_untouched_valid_one(certificate):
    check = credentials.check_credential(credentials.credential_json(certificate))

    assert (check.readable, check.signature_valid, check.holds) == (True, True, True)
    assert check.certificate == certificate


@pytest.mark.parametrize(
    "tamper",
    [
        lambda c: c["credentialSubject"]["result"][0].update(value="90.0"),
        lambda c: c["credentialSubject"]["identifier"][0].update(identityHash="Mallory"),
        lambda c: c.update(validFrom="2020-01-01T00:00:00Z"),
        lambda c: c["proof"].update(created="2020-01-01T00:00:00Z"),
        lambda c: c["proof"].update(proofValue=c["proof"]["proofValue"][:-2] + "11"),
        lambda c: c.pop("credentialStatus"),
    ],
)
def test_check_credential_fails_on_any_change(certificate, tamper):
    document = credentials.signed_credential(certificate)
    tamper(document)

    check = credentials.check_credential(json.dumps(document).encode())

    assert (check.readable, check.signature_valid, check.holds) == (True, False, False)


def test_check_credential_says_a_revoked_certificate_does_not_hold(certificate, coordinator):
    content = credentials.credential_json(certificate)
    services.revoke_certificate(certificate, by=coordinator, reason="Attendance was mistyped")

    check = credentials.check_credential(content)

    assert check.signature_valid is True
    assert check.certificate.is_valid is False
    assert check.holds is False


def test_check_credential_from_another_key_does_not_hold(certificate, settings):
    content = credentials.credential_json(certificate)
    settings.CERTIFICATE_SIGNING_KEY = credentials.new_key()

    assert credentials.check_credential(content).signature_valid is False


@pytest.mark.parametrize(
    "content",
    [b"", b"not json", b"[]", b'{"a": 1}', b'{"proof": 1}', b"\xff\xfe", b"1" * 300_000],
)
def test_check_credential_refuses_what_is_not_one(content):
    check = credentials.check_credential(content)

    assert check.holds is False
    assert check.signature_valid is False


def test_signing_key_comes_from_the_setting_as_seed_or_pem(settings):
    key = Ed25519PrivateKey.generate()
    seed = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()).decode()
    expected = credentials._public_bytes(key.public_key())

    settings.CERTIFICATE_SIGNING_KEY = base64.urlsafe_b64encode(seed).decode().rstrip("=")
    assert credentials._public_bytes(credentials.signing_key().public_key()) == expected
    settings.CERTIFICATE_SIGNING_KEY = pem
    assert credentials._public_bytes(credentials.signing_key().public_key()) == expected


def test_signing_key_that_is_not_ed25519_is_refused(settings):
    settings.CERTIFICATE_SIGNING_KEY = "c2hvcnQ"

    with pytest.raises(ImproperlyConfigured):
        credentials.signing_key()


def test_verification_method_is_a_multikey_for_the_signing_key():
    method = credentials.verification_method()

    assert method["type"] == "Multikey"
    assert method["publicKeyMultibase"].startswith("z6Mk")  # Ed25519 in multibase base58btc
    assert method["id"].endswith(f"/certificates/keys/{credentials.key_id()}.json")


def test_revocation_list_names_only_revoked_credentials(looking_up, coordinator):
    valid = CertificateFactory(programme=looking_up)
    revoked = CertificateFactory(programme=looking_up)
    services.revoke_certificate(revoked, by=coordinator, reason="Duplicate")

    listed = credentials.revocation_list(looking_up.pk)["revokedCredentials"]

    assert listed == [{"id": f"urn:uuid:{revoked.uid}"}]
    assert str(valid.uid) not in json.dumps(listed)
