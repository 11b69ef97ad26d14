"""Issue, re-issue and revoke certificates.

Eligibility is asked of ``participants.services.is_eligible`` (its one owner), on the summaries
``attendance_summaries`` computes. A certificate is rendered before its row is written, so a
PDF that cannot be produced leaves nothing behind; the partial unique constraint on valid
certificates turns a concurrent second issue into "already issued".
"""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from certificates import phrases
from certificates.enums import CertificateStatus
from certificates.models import Certificate
from certificates.rendering import Presentation, render_certificate, sha256
from lookingup.outbox import queue_mail
from lookingup.validators import single_line
from participants.enums import EnrolmentStatus
from participants.models import Enrolment, User
from participants.services import attendance_summaries, has_certificate_rule, is_eligible
from programmes.models import Programme
from sessions_app.models import Session

from .outcome import Outcome

logger = logging.getLogger(__name__)


@dataclass
class IssueContext:
    """What issuing needs about a programme, loaded once for a whole batch."""

    programme: Programme
    sessions: dict[int, Session] = field(default_factory=dict)
    presentation: Presentation | None = None
    cohorts: dict = field(default_factory=dict)
    # Each session's title in every language, worked out once for the whole batch.
    titles: dict[int, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, programme: Programme) -> "IssueContext":
        # With their programme, so that an untranslated title falls back to the programme's
        # original language, as on the pages.
        sessions = Session.objects.filter(programme=programme).select_related("programme")
        return cls(
            programme=programme,
            sessions={session.pk: session for session in sessions},
            presentation=Presentation.load(programme),
            cohorts={cohort.pk: cohort for cohort in programme.cohorts.all()},
        )

    def snapshot(self, summary) -> list[dict]:
        """The sessions attended as printed: date, minutes, title in each language."""
        attended = summary.attended_sessions
        attended = attended() if callable(attended) else attended
        entries = []
        for session_id, minutes in attended:
            session = self.sessions.get(session_id)
            if session is None:
                continue
            entries.append(
                {
                    "session": session.pk,
                    "starts_at": session.starts_at.isoformat(),
                    "minutes": int(minutes),
                    "titles": self._titles(session),
                }
            )
        entries.sort(key=lambda entry: entry["starts_at"])
        return entries

    def _titles(self, session: Session) -> dict[str, str]:
        if session.pk not in self.titles:
            titles = {}
            for code, _name in settings.LANGUAGES:
                with translation.override(code):
                    titles[code] = str(session.title)
            self.titles[session.pk] = titles
        # A copy: each certificate's snapshot is its own.
        return dict(self.titles[session.pk])


def summaries_for(programme: Programme, participant_ids: list[int]) -> dict:
    return attendance_summaries(programme, participant_ids=participant_ids)


def eligible(summary, programme: Programme) -> bool:
    """The programme's rule, asked of its one owner (participants.services.is_eligible)."""
    return summary is not None and is_eligible(summary, programme)


def _refusal(programme, participant, summary) -> Outcome | None:
    if not eligible(summary, programme):
        if not has_certificate_rule(programme):
            return Outcome.refused(phrases.NO_RULE, reason="not_eligible")
        message = phrases.NOT_ELIGIBLE % {"name": participant.get_full_name()}
        return Outcome.refused(message, reason="not_eligible")
    if not participant.full_name.strip():
        return Outcome.refused(phrases.NO_NAME % {"email": participant.email}, reason="no_name")
    return None


def _cohort_id(programme, participant) -> int | None:
    return (
        Enrolment.objects.filter(
            participant=participant, programme=programme, status=EnrolmentStatus.CONFIRMED
        )
        .values_list("cohort_id", flat=True)
        .first()
    )


def _build(context: IssueContext, participant, summary, *, cohort_id, by, now, replaces=None):
    """A certificate with its PDF rendered and stored, not yet saved."""
    certificate = Certificate(
        programme=context.programme,
        cohort=context.cohorts.get(cohort_id),
        participant=participant,
        holder_name=single_line(participant.full_name),
        language=participant.preferred_language,
        issued_at=now,
        issued_by=by,
        sessions=context.snapshot(summary),
        minutes_attended=int(summary.minutes_attended),
        replaces=replaces,
    )
    pdf = render_certificate(certificate, presentation=context.presentation)
    certificate.pdf_sha256 = sha256(pdf)
    certificate.pdf.save("certificate.pdf", ContentFile(pdf), save=False)
    return certificate


def _notify(certificate: Certificate, *, wake_now: bool = True) -> None:
    """Queue "your certificate is ready" in the transaction that issues it."""
    queue_mail(
        "certificate-ready",
        to=certificate.participant,
        key=f"certificate:{certificate.pk}:ready",
        context={"certificate_id": certificate.pk},
        programme_id=certificate.programme_id,
        wake_now=wake_now,
    )


# ``issue_prepared`` looks the person's valid certificate up itself unless told.
LOOK_UP = object()


def issue_prepared(
    context: IssueContext,
    participant: User,
    summary,
    *,
    cohort_id=None,
    by=None,
    now=None,
    wake_now: bool = True,
    valid=LOOK_UP,
) -> Outcome:
    """Issue with what a batch has already loaded (see ``issue_certificate``); a batch wakes
    the mail delivery once per chunk (``wake_now=False``) and passes each person's ``valid``
    certificate (or None), looked up for the whole chunk at once."""
    now = now or timezone.now()
    existing = Certificate.objects.valid().filter(
        participant=participant, programme=context.programme
    )
    found = existing.first() if valid is LOOK_UP else valid
    if found is not None:
        return Outcome(
            True,
            str(phrases.ALREADY_ISSUED % {"name": found.holder_name}),
            found,
            level="info",
        )
    refusal = _refusal(context.programme, participant, summary)
    if refusal is not None:
        return refusal
    try:
        certificate = _build(context, participant, summary, cohort_id=cohort_id, by=by, now=now)
    except Exception:
        logger.exception("Certificate for user %s could not be rendered", participant.pk)
        return Outcome.refused(phrases.RENDER_FAILED, reason="failed")
    try:
        with transaction.atomic():
            certificate.save()
            _notify(certificate, wake_now=wake_now)
    except IntegrityError:
        # Issued meanwhile by someone else (another batch, a double click): that one stands.
        certificate.pdf.delete(save=False)
        found = existing.first()
        return Outcome(True, str(phrases.ALREADY_ISSUED % {"name": found.holder_name}), found)
    return Outcome(
        True,
        str(phrases.ISSUED % {"name": certificate.holder_name}),
        certificate,
        created=True,
    )


def issue_certificate(programme: Programme, participant: User, *, by=None, now=None) -> Outcome:
    """Issue ``participant``'s certificate for ``programme``, or return the one they have.

    Idempotent: a second call returns the same record and code, whatever changed since; an
    explicit ``reissue_certificate`` is the way to print new attendance. The holder gets an
    email once the row is committed.
    """
    summary = summaries_for(programme, [participant.pk]).get(participant.pk)
    return issue_prepared(
        IssueContext.load(programme),
        participant,
        summary,
        cohort_id=_cohort_id(programme, participant),
        by=by,
        now=now,
    )


def reissue_certificate(certificate: Certificate, *, by: User, now=None) -> Outcome:
    """Replace a certificate with one printed from today's attendance; the old one is revoked
    (it says it was replaced) and stays as history."""
    now = now or timezone.now()
    programme, participant = certificate.programme, certificate.participant
    summary = summaries_for(programme, [participant.pk]).get(participant.pk)
    refusal = _refusal(programme, participant, summary)
    if refusal is not None:
        return refusal
    context = IssueContext.load(programme)
    with transaction.atomic():
        old = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if not old.is_valid:
            return Outcome.refused(phrases.ALREADY_REVOKED, old)
        _revoke(old, by=by, reason=str(phrases.REISSUE_REASON), now=now)
        try:
            new = _build(
                context,
                participant,
                summary,
                cohort_id=_cohort_id(programme, participant),
                by=by,
                now=now,
                replaces=old,
            )
        except Exception:
            logger.exception("Certificate %s could not be re-rendered", certificate.pk)
            transaction.set_rollback(True)
            return Outcome.refused(phrases.RENDER_FAILED, old, reason="failed")
        new.save()
        _notify(new)
    return Outcome(True, str(phrases.REISSUED % {"name": new.holder_name}), new, created=True)


def _revoke(certificate: Certificate, *, by, reason: str, now) -> None:
    certificate.status = CertificateStatus.REVOKED
    certificate.revoked_at, certificate.revoked_by = now, by
    certificate.revocation_reason = reason
    certificate.save(update_fields=["status", "revoked_at", "revoked_by", "revocation_reason"])


def revoke_certificate(certificate: Certificate, *, by: User, reason: str, now=None) -> Outcome:
    """Withdraw a certificate: verification says "revoked" from now on."""
    reason = (reason or "").strip()
    if not reason:
        return Outcome.refused(phrases.REASON_REQUIRED, certificate)
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if not certificate.is_valid:
            return Outcome.refused(phrases.ALREADY_REVOKED, certificate)
        _revoke(certificate, by=by, reason=reason, now=now or timezone.now())
    return Outcome(True, str(phrases.REVOKED % {"name": certificate.holder_name}), certificate)
