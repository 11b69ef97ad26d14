"""A coordinator's batch issued by a real Celery worker, with real mail to an SMTP server."""

import io
import time
import zipfile

import pytest
from pypdf import PdfReader

from certificates import services
from certificates.enums import BatchStatus
from certificates.models import Certificate, CertificateBatch
from certificates.services.batches import CHUNK_SIZE
from participants.enums import AttendanceStatus
from participants.services import Mark, record_attendance
from tests.factories import EnrolmentFactory, ParticipantFactory
from tests.integration.conftest import (  # noqa: F401 - shared fixtures
    celery_broker,
    celery_worker,
    smtp_sink,
)

pytestmark = pytest.mark.integration

ELIGIBLE = CHUNK_SIZE + 3  # more than one chunk, so that the chunks' counters add up


def _wait_for(batch: CertificateBatch, timeout: float = 180) -> CertificateBatch:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        batch.refresh_from_db()
        if batch.is_finished:
            return batch
        time.sleep(0.5)
    raise AssertionError(f"Batch still {batch.status} at {batch.processed} of {batch.total}")


def _pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_worker_issues_a_cohorts_certificates_zips_them_and_mails_each_person(
    celery_worker,  # noqa: F811 - the fixtures imported above
    smtp_sink,  # noqa: F811
    looking_up,
    hub,
    looking_up_sessions,
    coordinator,
):
    people = [
        ParticipantFactory(
            email=f"hub{number}@example.org",
            full_name=f"Persona {number} Bianchi",
            preferred_language=["it", "en", "fr", "pt"][number % 4],
        )
        for number in range(ELIGIBLE + 1)
    ]
    for person in people:
        EnrolmentFactory(participant=person, programme=looking_up, cohort=hub)
    everyone = [Mark(person.pk, AttendanceStatus.PRESENT) for person in people[:ELIGIBLE]]
    for session in looking_up_sessions:
        assert record_attendance(session, everyone, by=coordinator).ok
    # The last one came to the workshop only.
    record_attendance(
        looking_up_sessions[0], [Mark(people[-1].pk, AttendanceStatus.PRESENT)], by=coordinator
    )

    batch = services.start_batch(
        CertificateBatch(programme=looking_up, cohort=hub, requested_by=coordinator)
    )
    batch = _wait_for(batch)

    assert batch.status == BatchStatus.DONE
    assert (batch.total, batch.processed) == (ELIGIBLE + 1, ELIGIBLE + 1)
    assert (batch.issued, batch.already_issued, batch.not_eligible, batch.failed) == (
        ELIGIBLE,
        0,
        1,
        0,
    )
    archive = zipfile.ZipFile(batch.archive.open("rb"))
    assert len(archive.namelist()) == ELIGIBLE
    first = sorted(archive.namelist())[0]
    assert first.startswith("persona-0-bianchi-")
    text = _pdf_text(archive.read(first))
    assert "Persona 0 Bianchi" in text
    assert "Certificato di partecipazione" in text

    messages = smtp_sink.wait_for(ELIGIBLE, timeout=120)
    by_address = {message["To"]: message for message in messages}
    assert set(by_address) == {person.email for person in people[:ELIGIBLE]}
    assert (
        by_address["hub1@example.org"]["Subject"].strip().startswith("Your certificate is ready: ")
    )
    body = by_address["hub1@example.org"].get_body(preferencelist=("plain",)).get_content()
    certificate = Certificate.objects.get(participant__email="hub1@example.org")
    assert "is ready (9.0 hours)." in body
    assert certificate.display_code in body
    assert f"/en/certificates/{certificate.pk}/en.pdf" in body
    assert (
        by_address["hub2@example.org"]["Subject"]
        .strip()
        .startswith("Votre attestation est prête : ")
    )


def test_second_batch_finds_everything_already_issued(
    celery_worker,  # noqa: F811 - the fixtures imported above
    smtp_sink,  # noqa: F811
    looking_up,
    hub,
    looking_up_sessions,
    coordinator,
):
    person = ParticipantFactory(full_name="Giulia Bianchi")
    EnrolmentFactory(participant=person, programme=looking_up, cohort=hub)
    for session in looking_up_sessions:
        record_attendance(session, [Mark(person.pk, AttendanceStatus.PRESENT)], by=coordinator)
    first = _wait_for(services.start_batch(CertificateBatch(programme=looking_up)))

    second = _wait_for(services.start_batch(CertificateBatch(programme=looking_up)))

    assert (first.issued, second.issued, second.already_issued) == (1, 0, 1)
    assert len(smtp_sink.wait_for(1)) == 1
