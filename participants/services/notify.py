"""The emails that enrolment and registration changes send."""

from lookingup.outbox import queue_mail
from participants.models import Enrolment, SessionRegistration

# The event (a status the entry enters, or what happened to it) → the email's kind.
KINDS = {
    "confirmed": "enrolment-confirmed",
    "pending": "enrolment-pending",
    "waiting": "enrolment-waiting",
    "approved": "enrolment-approved",
    "rejected": "enrolment-rejected",
    "promoted": "enrolment-promoted",
    "cancelled": "enrolment-cancelled",
}


def send_notice(entry: Enrolment | SessionRegistration, event: str) -> None:
    """Queue the email for ``event`` in the current transaction: it leaves if that commits.

    Each entry goes through each event at most once, so (entry, event) is the mail's cause.
    """
    participant = entry.participant
    if participant is None:
        return
    if isinstance(entry, Enrolment):
        ids, programme_id, session_id = {"enrolment_id": entry.pk}, entry.programme_id, None
    else:
        ids = {"registration_id": entry.pk}
        programme_id, session_id = entry.session.programme_id, entry.session_id
    queue_mail(
        KINDS[event],
        to=participant,
        key=f"{entry._meta.model_name}:{entry.pk}:{event}",
        context=ids,
        programme_id=programme_id,
        session_id=session_id,
    )
