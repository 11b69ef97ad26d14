from celery import shared_task

from . import services
from .models import CertificateBatch


def _batch(batch_id: int) -> CertificateBatch | None:
    return (
        CertificateBatch.objects.select_related("programme", "requested_by")
        .filter(pk=batch_id)
        .first()
    )


@shared_task(name="certificates.plan_batch")
def task_plan_batch(*, batch_id: int):
    """Split a batch into chunks, one task each, so that every worker process takes a share."""
    batch = _batch(batch_id)
    if batch is None:
        return
    chunks = services.plan_batch(batch)
    if not chunks:
        services.finish_when_complete(batch)
    for participant_ids in chunks:
        task_issue_chunk.delay(batch_id=batch_id, participant_ids=participant_ids)


@shared_task(name="certificates.issue_chunk")
def task_issue_chunk(*, batch_id: int, participant_ids: list[int]):
    batch = _batch(batch_id)
    if batch is None:
        return
    services.issue_chunk(batch, participant_ids)
