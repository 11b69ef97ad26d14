"""Certificates as Open Badges 3.0 credentials: W3C Verifiable Credentials in JSON-LD.

Each one is signed with the platform's Ed25519 key as a Data Integrity proof, cryptosuite
``eddsa-jcs-2022`` (W3C Data Integrity EdDSA Cryptosuites v1.0): the JSON is canonicalised
with RFC 8785 (JCS), so verifying needs no JSON-LD processor and no remote context. The public
key is published as a Multikey document at a stable URL; revocation is published per
programme as a ``1EdTechRevocationList``. Credentials are signed when downloaded, from the
database, so they always carry the current status.
"""

import base64
import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache

import rfc8785
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import timezone, translation

from .enums import CertificateStatus
from .models import Certificate

CONTEXTS = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
CRYPTOSUITE = "eddsa-jcs-2022"
ED25519_MULTICODEC = b"\xed\x01"
BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
MAX_CREDENTIAL_BYTES = 256 * 1024


# --- The key


def _base58(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    encoded = ""
    while number:
        number, remainder = divmod(number, 58)
        encoded = BASE58[remainder] + encoded
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + encoded


def _unbase58(text: str) -> bytes:
    number = 0
    for char in text:
        number = number * 58 + BASE58.index(char)
    body = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


@lru_cache(maxsize=4)
def _load_key(configured: str, secret_key: str) -> Ed25519PrivateKey:
    if not configured:
        # Derived from SECRET_KEY, so development and tests need nothing; production should
        # set its own key so that rotating SECRET_KEY leaves issued credentials verifiable.
        seed = HKDF(
            algorithm=SHA256(), length=32, salt=None, info=b"lookingup certificate signing key"
        ).derive(secret_key.encode())
        return Ed25519PrivateKey.from_private_bytes(seed)
    try:
        if configured.lstrip().startswith("-----BEGIN"):
            key = serialization.load_pem_private_key(configured.encode(), password=None)
        else:
            seed = base64.urlsafe_b64decode(configured + "=" * (-len(configured) % 4))
            key = Ed25519PrivateKey.from_private_bytes(seed)
    except ValueError as error:
        raise ImproperlyConfigured(
            f"CERTIFICATE_SIGNING_KEY is not an Ed25519 key: {error}"
        ) from error
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured("CERTIFICATE_SIGNING_KEY must be an Ed25519 key.")
    return key


def signing_key() -> Ed25519PrivateKey:
    return _load_key(settings.CERTIFICATE_SIGNING_KEY, settings.SECRET_KEY)


def new_key() -> str:
    """A fresh key, in the form CERTIFICATE_SIGNING_KEY takes (base64url of the seed)."""
    seed = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return base64.urlsafe_b64encode(seed).decode().rstrip("=")


def _public_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_key_multibase() -> str:
    return "z" + _base58(ED25519_MULTICODEC + _public_bytes(signing_key().public_key()))


def key_id() -> str:
    """Names the key in its URL: a new key gets a new URL, the old one keeps its meaning."""
    return hashlib.sha256(_public_bytes(signing_key().public_key())).hexdigest()[:16]


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def issuer_url() -> str:
    return _absolute(reverse("certificate_issuer"))


def verification_method_url() -> str:
    return _absolute(reverse("certificate_key", kwargs={"key_id": key_id()}))


def revocation_list_url(programme_id: int) -> str:
    return _absolute(reverse("certificate_revocations", kwargs={"programme_id": programme_id}))


def verification_method() -> dict:
    return {
        "@context": ["https://w3id.org/security/multikey/v1"],
        "id": verification_method_url(),
        "type": "Multikey",
        "controller": issuer_url(),
        "publicKeyMultibase": public_key_multibase(),
    }


def issuer_profile() -> dict:
    return {
        "@context": CONTEXTS,
        "id": issuer_url(),
        "type": ["Profile"],
        "name": "LOOKING UP",
        "url": settings.SITE_URL + "/",
    }


def revocation_list(programme_id: int) -> dict:
    revoked = Certificate.objects.filter(
        programme_id=programme_id, status=CertificateStatus.REVOKED
    ).values_list("uid", flat=True)
    return {
        "id": revocation_list_url(programme_id),
        "issuer": issuer_url(),
        "revokedCredentials": [{"id": f"urn:uuid:{uid}"} for uid in revoked],
    }


# --- The credential


def _iso(moment) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def build_credential(certificate: Certificate) -> dict:
    """The unsigned credential, its texts in the certificate's language."""
    from .rendering import verification_url

    programme = certificate.programme
    with translation.override(certificate.language):
        achievement_id = _absolute(programme.get_absolute_url())
        title = str(programme.title)
        summary = str(programme.summary)
        hours_id = f"{achievement_id}#hours"
        name = translation.gettext("Certificate of attendance – %(programme)s") % {
            "programme": title
        }
        hours_name = translation.gettext("Hours attended")
    return {
        "@context": CONTEXTS,
        "id": f"urn:uuid:{certificate.uid}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": name,
        "issuer": {
            "id": issuer_url(),
            "type": ["Profile"],
            "name": "LOOKING UP",
            "url": settings.SITE_URL + "/",
        },
        "validFrom": _iso(certificate.issued_at),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "name",
                    "hashed": False,
                    "identityHash": certificate.holder_name,
                }
            ],
            "activityStartDate": f"{programme.start_date.isoformat()}T00:00:00Z",
            "activityEndDate": f"{programme.end_date.isoformat()}T00:00:00Z",
            "achievement": {
                "id": achievement_id,
                "type": ["Achievement"],
                "achievementType": "Certificate",
                "name": title,
                "description": summary,
                "criteria": {"narrative": name},
                "inLanguage": certificate.language,
                "resultDescription": [
                    {
                        "id": hours_id,
                        "type": ["ResultDescription"],
                        "name": hours_name,
                        "resultType": "RawScore",
                    }
                ],
            },
            "result": [
                {"type": ["Result"], "resultDescription": hours_id, "value": str(certificate.hours)}
            ],
        },
        "evidence": [
            {
                "id": verification_url(certificate),
                "type": ["Evidence"],
                "name": certificate.display_code,
            }
        ],
        "credentialStatus": {
            "id": revocation_list_url(certificate.programme_id),
            "type": "1EdTechRevocationList",
        },
    }


def _hash_data(document: dict, proof_options: dict) -> bytes:
    unsecured = {key: value for key, value in document.items() if key != "proof"}
    config = {**proof_options, "@context": unsecured.get("@context")}
    config.pop("proofValue", None)
    return (
        hashlib.sha256(rfc8785.dumps(config)).digest()
        + hashlib.sha256(rfc8785.dumps(unsecured)).digest()
    )


def sign(document: dict, *, now=None) -> dict:
    proof = {
        "type": "DataIntegrityProof",
        "cryptosuite": CRYPTOSUITE,
        "created": _iso(now or timezone.now()),
        "verificationMethod": verification_method_url(),
        "proofPurpose": "assertionMethod",
    }
    signature = signing_key().sign(_hash_data(document, proof))
    return {**document, "proof": {**proof, "proofValue": "z" + _base58(signature)}}


def signed_credential(certificate: Certificate) -> dict:
    return sign(build_credential(certificate))


def credential_json(certificate: Certificate) -> bytes:
    return json.dumps(signed_credential(certificate), ensure_ascii=False, indent=2).encode()


# --- Checking a credential someone hands us


@dataclass(frozen=True)
class CredentialCheck:
    """What the verification page says about an uploaded credential."""

    readable: bool
    signature_valid: bool = False
    certificate: Certificate | None = None

    @property
    def holds(self) -> bool:
        return self.signature_valid and self.certificate is not None and self.certificate.is_valid


def _verify_signature(document: dict) -> bool:
    proof = document.get("proof")
    if not isinstance(proof, dict):
        return False
    if (
        proof.get("type") != "DataIntegrityProof"
        or proof.get("cryptosuite") != CRYPTOSUITE
        or proof.get("verificationMethod") != verification_method_url()
    ):
        # Another issuer's credential, or one signed with a key this platform no longer has.
        return False
    value = proof.get("proofValue")
    if not isinstance(value, str) or not value.startswith("z"):
        return False
    try:
        signature = _unbase58(value[1:])
        signing_key().public_key().verify(signature, _hash_data(document, proof))
    except (ValueError, InvalidSignature, TypeError):
        return False
    return True


def check_credential(content: bytes) -> CredentialCheck:
    """Is this file one of our credentials, unaltered, and does its certificate still hold?"""
    if len(content) > MAX_CREDENTIAL_BYTES:
        return CredentialCheck(readable=False)
    try:
        document = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return CredentialCheck(readable=False)
    if not isinstance(document, dict) or "proof" not in document:
        return CredentialCheck(readable=False)
    try:
        valid = _verify_signature(document)
    except (TypeError, ValueError):
        # rfc8785 refuses what JSON allows but JCS does not (huge integers, NaN).
        valid = False
    if not valid:
        return CredentialCheck(readable=True)
    uid = str(document.get("id", "")).removeprefix("urn:uuid:")
    certificate = (
        Certificate.objects.select_related("programme").filter(uid=uid).first()
        if _is_uuid(uid)
        else None
    )
    return CredentialCheck(readable=True, signature_valid=True, certificate=certificate)


def _is_uuid(value: str) -> bool:
    import uuid

    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True
