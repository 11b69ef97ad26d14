"""The emails that enrolment and registration changes send."""

from lookingup.emails import queue_email
from participants.enums import EnrolmentStatus as Status
from participants.models import Enrolment, SessionRegistration

EMAIL_NAMES = {
    Status.CONFIRMED: "confirmed",
    Status.PENDING: "pending",
    Status.WAITING: "waiting",
    "approved": "approved",
    "rejected": "rejected",
    "promoted": "promoted",
    "cancelled": "cancelled",
}


def send_notice(entry: Enrolment | SessionRegistration, event: str) -> None:
    """Queue the email for ``event``; it leaves only if the transaction commits."""
    participant = entry.participant
    if participant is None:
        return
    key = "enrolment_id" if isinstance(entry, Enrolment) else "registration_id"
    queue_email(
        f"enrolment-{EMAIL_NAMES[event]}",
        to=participant.email,
        language=participant.preferred_language,
        context_ids={key: entry.pk},
    )
