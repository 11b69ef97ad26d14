"""Self check-in: a short code that changes every 30 seconds, shown by the coordinator.

The code is derived from a per-session secret (an HMAC of the session's UID under the site's
secret key) and the time, like a one-time password: nothing is written when it changes, and
nobody can work out the next code from the ones they saw. The code of the previous period is
still taken, so that someone typing as it changes is not turned away.
"""

import datetime as dt
import hashlib
import hmac
import struct

from django.core.cache import cache
from django.utils import formats, timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from participants.enums import AttendanceSource, AttendanceStatus
from participants.models import Attendance, User
from sessions_app.models import Session

from .attendance import Mark, record_attendance, register_opens_at
from .outcome import Outcome
from .taking_part import takes_part

STEP_SECONDS = 30
DIGITS = 6
# Wrong codes one person may type for one session in ten minutes.
MAX_FAILURES = 10
FAILURE_WINDOW_SECONDS = 600

SESSION_CANCELLED = _("This session has been cancelled.")
NOT_OPEN_YET = _("Check-in opens at %(time)s, 30 minutes before the session starts.")
CLOSED = _("Check-in for this session has closed: it has ended.")
NOT_TAKING_PART = _(
    "You are not among this session's participants, so you cannot check in. If you think "
    "this is a mistake, please tell the coordinators."
)
ALREADY = _("You have already checked in to this session.")
BAD_FORMAT = _("The check-in code is the six digits shown on the coordinators' screen.")
EXPIRED = _("This code has expired: please type the code shown now.")
WRONG = _("This is not the code of this session. Check that you are on the right session's page.")
TOO_MANY = _("Too many wrong codes: please wait a few minutes, or ask the coordinators.")
CHECKED_IN = _("You are checked in to “%(session)s”. Welcome!")


def _secret(session: Session) -> bytes:
    return salted_hmac("participants.check_in", str(session.uid)).digest()


def _step(at: dt.datetime) -> int:
    return int(at.timestamp()) // STEP_SECONDS


def _code_for_step(session: Session, step: int) -> str:
    digest = hmac.new(_secret(session), struct.pack(">Q", step), hashlib.sha256).digest()
    # RFC 4226's dynamic truncation.
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**DIGITS).zfill(DIGITS)


def check_in_code(session: Session, *, at: dt.datetime | None = None) -> str:
    """The code to show now (or at ``at``)."""
    return _code_for_step(session, _step(at or timezone.now()))


def seconds_to_next_code(*, at: dt.datetime | None = None) -> int:
    at = at or timezone.now()
    return STEP_SECONDS - int(at.timestamp()) % STEP_SECONDS


def is_check_in_open(session: Session, *, now=None) -> bool:
    now = now or timezone.now()
    return not session.is_cancelled and register_opens_at(session) <= now <= session.ends_at


def _code_refusal(session: Session, code: str, now) -> str | None:
    code = "".join(code.split())
    if not (code.isdigit() and len(code) == DIGITS):
        return BAD_FORMAT
    current = _step(now)
    if code in {_code_for_step(session, current), _code_for_step(session, current - 1)}:
        return None
    # Codes of the last four hours at most: enough to tell "expired" from "wrong".
    first = max(_step(register_opens_at(session)), current - 480)
    if any(code == _code_for_step(session, step) for step in range(first, current - 1)):
        return EXPIRED
    return WRONG


def _failures_key(participant: User, session: Session) -> str:
    return f"check-in-failures:{session.pk}:{participant.pk}"


def check_in(participant: User, session: Session, code: str, *, now=None) -> Outcome:
    """Mark ``participant`` present in ``session`` if ``code`` is the one shown now."""
    now = now or timezone.now()
    if session.is_cancelled:
        return Outcome.refused(SESSION_CANCELLED)
    if now < register_opens_at(session):
        opens = timezone.localtime(register_opens_at(session), session.zone)
        return Outcome.refused(NOT_OPEN_YET % {"time": formats.time_format(opens, "TIME_FORMAT")})
    if now > session.ends_at:
        return Outcome.refused(CLOSED)
    if not takes_part(participant, session):
        return Outcome.refused(NOT_TAKING_PART)
    attended = Attendance.objects.filter(
        session=session, participant=participant, status__in=AttendanceStatus.attended()
    )
    if attended.exists():
        return Outcome(False, str(ALREADY), level="warning")
    failures_key = _failures_key(participant, session)
    if cache.get(failures_key, 0) >= MAX_FAILURES:
        return Outcome.refused(TOO_MANY)
    refusal = _code_refusal(session, code, now)
    if refusal is not None:
        cache.add(failures_key, 0, FAILURE_WINDOW_SECONDS)
        cache.incr(failures_key)
        return Outcome.refused(refusal)
    recorded = record_attendance(
        session,
        [Mark(participant.pk, AttendanceStatus.PRESENT)],
        by=participant,
        source=AttendanceSource.CHECK_IN,
        now=now,
    )
    if not recorded.ok:
        return Outcome.refused(recorded.message)
    return Outcome(True, str(CHECKED_IN % {"session": session.title}))
