"""Issue a cohort's or a programme's certificates as a background job.

``start_batch`` records the request and queues ``task_plan_batch``, which splits the people
into chunks, each a task of its own so that every worker process takes a share. Counters are
added with F() expressions, so the chunks never overwrite each other's progress; the chunk
that completes the count claims the last step, the zip of all PDFs.
"""

import logging
import zipfile
from pathlib import PurePath

from django.core.files import File
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from certificates.enums import BatchStatus
from certificates.models import Certificate, CertificateBatch
from lookingup import outbox
from participants.enums import EnrolmentStatus
from participants.models import Enrolment, User

from .issuing import IssueContext, issue_prepared, summaries_for

logger = logging.getLogger(__name__)

CHUNK_SIZE = 40


def start_batch(batch: CertificateBatch) -> CertificateBatch:
    """Save a new batch (programme, optional cohort, requested_by) and queue its job."""
    from certificates.tasks import task_plan_batch

    batch.save()
    transaction.on_commit(lambda: task_plan_batch.delay(batch_id=batch.pk))
    return batch


def _enrolments(batch: CertificateBatch):
    enrolments = Enrolment.objects.filter(
        programme_id=batch.programme_id,
        status=EnrolmentStatus.CONFIRMED,
        participant__isnull=False,
    )
    if batch.cohort_id:
        enrolments = enrolments.filter(cohort_id=batch.cohort_id)
    return enrolments


def plan_batch(batch: CertificateBatch) -> list[list[int]]:
    """Count the people and split them into chunks; the caller queues one task per chunk."""
    ids = list(
        _enrolments(batch).order_by("participant_id").values_list("participant_id", flat=True)
    )
    CertificateBatch.objects.filter(pk=batch.pk).update(
        status=BatchStatus.RUNNING, total=len(ids), processed=0
    )
    return [ids[i : i + CHUNK_SIZE] for i in range(0, len(ids), CHUNK_SIZE)]


def issue_chunk(batch: CertificateBatch, participant_ids: list[int]) -> None:
    """Issue for some of the batch's people, then add what happened to its counters."""
    programme = batch.programme
    context = IssueContext.load(programme)
    summaries = summaries_for(programme, participant_ids)
    cohorts = dict(
        _enrolments(batch)
        .filter(participant_id__in=participant_ids)
        .values_list("participant_id", "cohort_id")
    )
    valid = {
        certificate.participant_id: certificate
        for certificate in Certificate.objects.valid().filter(
            programme_id=batch.programme_id, participant_id__in=participant_ids
        )
    }
    counts = {"issued": 0, "already_issued": 0, "not_eligible": 0, "failed": 0}
    for participant in User.objects.filter(pk__in=participant_ids).order_by("pk"):
        outcome = issue_prepared(
            context,
            participant,
            summaries.get(participant.pk),
            cohort_id=cohorts.get(participant.pk),
            by=batch.requested_by,
            wake_now=False,
            valid=valid.get(participant.pk),
        )
        if outcome.created:
            counts["issued"] += 1
        elif outcome.ok:
            counts["already_issued"] += 1
        elif outcome.reason == "not_eligible":
            counts["not_eligible"] += 1
        else:
            # No name for the certificate, or a PDF that could not be made: a coordinator
            # looks at these (the log says which).
            counts["failed"] += 1
            logger.warning("Batch %s: user %s: %s", batch.pk, participant.pk, outcome.message)
    if counts["issued"]:
        outbox.wake()  # one delivery run for the chunk's "certificate ready" mails
    CertificateBatch.objects.filter(pk=batch.pk).update(
        processed=F("processed") + len(participant_ids),
        **{name: F(name) + value for name, value in counts.items()},
    )
    finish_when_complete(batch)


def finish_when_complete(batch: CertificateBatch) -> None:
    # The conditional update is the claim: exactly one chunk (or the planner, for an empty
    # batch) sees it succeed.
    claimed = CertificateBatch.objects.filter(
        pk=batch.pk, processed__gte=F("total"), finished_at__isnull=True
    ).update(finished_at=timezone.now())
    if claimed:
        finish_batch(CertificateBatch.objects.get(pk=batch.pk))


def batch_certificates(batch: CertificateBatch):
    people = _enrolments(batch).values("participant_id")
    return Certificate.objects.valid().filter(
        programme_id=batch.programme_id, participant_id__in=people
    )


def _archive_name(certificate: Certificate, used: set[str]) -> str:
    base = slugify(certificate.holder_name) or "certificate"
    name = f"{base}-{certificate.code[:4]}.pdf"
    while name in used:
        name = f"{base}-{certificate.code}.pdf"
    used.add(name)
    return name


def finish_batch(batch: CertificateBatch) -> None:
    """Zip every valid certificate of the batch's people (new and earlier ones)."""
    import tempfile

    try:
        with tempfile.TemporaryFile() as handle:
            used: set[str] = set()
            with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_STORED) as archive:
                certificates = batch_certificates(batch).only("pdf", "holder_name", "code")
                for certificate in certificates.iterator(chunk_size=500):
                    if certificate.pdf:
                        with certificate.pdf.open("rb") as pdf:
                            archive.writestr(_archive_name(certificate, used), pdf.read())
            handle.seek(0)
            name = PurePath(slugify(str(batch.cohort or batch.programme)) or "certificates")
            batch.archive.save(f"{name}-{batch.pk}.zip", File(handle), save=False)
        CertificateBatch.objects.filter(pk=batch.pk).update(
            archive=batch.archive.name, status=BatchStatus.DONE
        )
    except Exception as error:
        logger.exception("Batch %s: the zip could not be made", batch.pk)
        CertificateBatch.objects.filter(pk=batch.pk).update(
            status=BatchStatus.FAILED, error=str(error)[:1000]
        )
