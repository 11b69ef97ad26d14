"""Enrolment, session registration, waiting lists: the domain operations of participants.

Every operation returns an ``Outcome`` whose message the view shows as it is. A seat is taken
under a row lock on its capacity holder (the cohort for a programme, the session for a
registration), taken as late as possible; the partial unique constraints on active enrolments
and registrations turn a double click into "already enrolled". On SQLite, the settings open
every transaction with BEGIN IMMEDIATE, which serialises writers the same way.

The package is split by topic; callers import from here: ``from participants import services``.
"""

from .attendance import (
    AttendanceSummary,
    Mark,
    RecordOutcome,
    attendance_summaries,
    counted_sessions,
    has_certificate_rule,
    is_eligible,
    progress_of,
    record_attendance,
    session_minutes,
)
from .availability import Places, cohort_places, session_places
from .cancellation import cancellation_deadline
from .dates import programme_starts_at
from .digest import queue_weekly_digests, weekly_digest
from .enrolment import approve, cancel_enrolment, enrol, reject
from .invitations import (
    accept_invitation,
    invitation_refusal,
    make_invitation,
    read_invitation,
    revoke_invitations,
)
from .outcome import Outcome
from .preferences import reminders_off_url, set_reminders, user_from_reminders_token
from .queues import promote_waiting, waiting_position
from .registration import cancel_registration, register_for_session
from .taking_part import (
    participants_by_session,
    participants_of,
    regenerate_calendar_token,
    sessions_count_by_participant,
    sessions_for,
    sessions_for_enrolment,
    takes_part,
    taking_part_pairs,
)

__all__ = [
    "AttendanceSummary",
    "Mark",
    "RecordOutcome",
    "attendance_summaries",
    "counted_sessions",
    "has_certificate_rule",
    "is_eligible",
    "participants_by_session",
    "participants_of",
    "progress_of",
    "record_attendance",
    "session_minutes",
    "sessions_count_by_participant",
    "takes_part",
    "taking_part_pairs",
    "Outcome",
    "Places",
    "accept_invitation",
    "approve",
    "cancel_enrolment",
    "cancel_registration",
    "cancellation_deadline",
    "cohort_places",
    "enrol",
    "invitation_refusal",
    "make_invitation",
    "programme_starts_at",
    "promote_waiting",
    "read_invitation",
    "regenerate_calendar_token",
    "register_for_session",
    "queue_weekly_digests",
    "reject",
    "reminders_off_url",
    "set_reminders",
    "user_from_reminders_token",
    "revoke_invitations",
    "session_places",
    "sessions_for",
    "sessions_for_enrolment",
    "waiting_position",
    "weekly_digest",
]
