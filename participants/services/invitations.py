"""Invitation links to invitation-only programmes: rows coordinators can see and revoke."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from participants import phrases
from participants.models import Invitation, User
from programmes.models import Cohort, Programme

from .enrolment import enrol
from .outcome import Outcome


def make_invitation(
    programme: Programme,
    *,
    cohort: Cohort | None = None,
    email: str = "",
    uses_allowed: int | None = 1,
    by: User | None = None,
) -> Invitation:
    """A new link for ``programme``; ``email`` binds it to one person, ``uses_allowed=None``
    lets any number of people enrol with it until it expires or is revoked."""
    return Invitation.objects.create(
        programme=programme,
        cohort=cohort,
        email=email.lower(),
        uses_allowed=uses_allowed,
        created_by=by,
    )


def invitation_refusal(invitation: Invitation | None, *, now) -> str | None:
    """Why the link cannot be used now, or None."""
    if invitation is None:
        return phrases.INVITATION_BAD
    if invitation.revoked_at is not None:
        return phrases.INVITATION_REVOKED
    if invitation.expires_at <= now:
        return phrases.INVITATION_EXPIRED
    if invitation.uses_allowed is not None and invitation.uses >= invitation.uses_allowed:
        return phrases.INVITATION_USED
    return None


def read_invitation(token: str, *, now=None) -> tuple[Invitation | None, str | None]:
    """The invitation behind a link, or None and the message explaining why not."""
    invitation = (
        Invitation.objects.select_related("programme", "cohort").filter(token=token).first()
    )
    refusal = invitation_refusal(invitation, now=now or timezone.now())
    if refusal is not None:
        return None, str(refusal)
    return invitation, None


def accept_invitation(
    participant: User, token: str, *, cohort: Cohort | None = None, now=None
) -> Outcome:
    """Enrol ``participant`` through the link, counting the use; the row lock keeps two people
    from taking the last use at once. ``cohort`` is the person's choice when the link names
    none and the programme has several."""
    now = now or timezone.now()
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",))
            .select_related("programme", "cohort")
            .filter(token=token)
            .first()
        )
        refusal = invitation_refusal(invitation, now=now)
        if refusal is not None:
            return Outcome.refused(refusal)
        if invitation.email and invitation.email != participant.email.lower():
            return Outcome.refused(phrases.INVITATION_OTHER_EMAIL)
        outcome = enrol(
            participant,
            invitation.programme,
            cohort=invitation.cohort or cohort,
            invited=True,
            now=now,
        )
        if outcome.ok:
            Invitation.objects.filter(pk=invitation.pk).update(uses=F("uses") + 1)
    return outcome


def revoke_invitations(invitations, *, now=None) -> int:
    """Stop the links working at once; they stay listed, with the date."""
    return invitations.filter(revoked_at__isnull=True).update(revoked_at=now or timezone.now())
