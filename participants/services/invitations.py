"""Invitation links to invitation-only programmes."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core import signing

from participants import phrases
from participants.models import User
from programmes.models import Cohort, Programme

from .enrolment import enrol
from .outcome import Outcome

INVITATION_SALT = "participants.invitation"


def make_invitation(programme: Programme, *, cohort: Cohort | None = None, email: str = "") -> str:
    """A signed token for an invitation link; ``email`` (optional) binds it to one person."""
    payload = {"p": programme.pk, "c": cohort.pk if cohort else None, "e": email.lower()}
    return signing.dumps(payload, salt=INVITATION_SALT, compress=True)


@dataclass(frozen=True)
class Invitation:
    programme: Programme
    cohort: Cohort | None
    email: str


def read_invitation(token: str) -> tuple[Invitation | None, str | None]:
    """The invitation a token carries, or None and the message explaining why not."""
    max_age = dt.timedelta(days=settings.INVITATION_MAX_AGE_DAYS)
    try:
        payload = signing.loads(token, salt=INVITATION_SALT, max_age=max_age)
        programme = Programme.objects.get(pk=payload["p"])
        cohort = programme.cohorts.get(pk=payload["c"]) if payload.get("c") else None
    except signing.SignatureExpired:
        return None, str(phrases.INVITATION_EXPIRED)
    except (
        signing.BadSignature,
        KeyError,
        TypeError,
        ValueError,
        Programme.DoesNotExist,
        Cohort.DoesNotExist,
    ):
        return None, str(phrases.INVITATION_BAD)
    return Invitation(programme, cohort, payload.get("e") or ""), None


def accept_invitation(participant: User, token: str, *, now=None) -> Outcome:
    invitation, error = read_invitation(token)
    if invitation is None:
        return Outcome.refused(error)
    if invitation.email and invitation.email != participant.email.lower():
        return Outcome.refused(phrases.INVITATION_OTHER_EMAIL)
    return enrol(participant, invitation.programme, cohort=invitation.cohort, invited=True, now=now)
