"""Enrolment, session registration, waiting lists: the domain operations of participants.

Every operation returns an ``Outcome`` whose message the view shows as it is. A seat is taken
under a row lock on its capacity holder (the cohort for a programme, the session for a
registration), taken as late as possible; the partial unique constraints on active enrolments
and registrations turn a double click into "already enrolled". On SQLite, the settings open
every transaction with BEGIN IMMEDIATE, which serialises writers the same way.

The package is split by topic; callers import from here: ``from participants import services``.
"""

from .availability import Places, cohort_places, session_places
from .enrolment import (
    approve,
    cancel_enrolment,
    cancellation_deadline,
    enrol,
    programme_starts_at,
    reject,
)
from .invitations import (
    INVITATION_SALT,
    Invitation,
    accept_invitation,
    make_invitation,
    read_invitation,
)
from .outcome import Outcome
from .queues import promote_waiting, waiting_position
from .registration import cancel_registration, register_for_session
from .taking_part import regenerate_calendar_token, sessions_for, sessions_for_enrolment

__all__ = [
    "INVITATION_SALT",
    "Invitation",
    "Outcome",
    "Places",
    "accept_invitation",
    "approve",
    "cancel_enrolment",
    "cancel_registration",
    "cancellation_deadline",
    "cohort_places",
    "enrol",
    "make_invitation",
    "programme_starts_at",
    "promote_waiting",
    "read_invitation",
    "regenerate_calendar_token",
    "register_for_session",
    "reject",
    "session_places",
    "sessions_for",
    "sessions_for_enrolment",
    "waiting_position",
]
