"""Export and erasure of a person's data (GDPR articles 15, 17 and 20)."""

from django.db import transaction
from django.utils import timezone

from lookingup import outbox
from programmes.services import discard_unused_organisation

from .enums import EnrolmentStatus
from .models import Attendance, Enrolment, SessionRegistration, User


def export_user_data(user: User) -> dict:
    """Everything stored about ``user``, as JSON-ready data."""
    from allauth.account.models import EmailAddress

    enrolments = Enrolment.objects.filter(participant=user).select_related("programme", "cohort")
    registrations = SessionRegistration.objects.filter(participant=user).select_related(
        "session__programme"
    )
    return {
        "exported_at": timezone.now(),
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "preferred_language": user.preferred_language,
            "time_zone": user.time_zone,
            "session_reminders": user.reminders_enabled,
            "organisation": user.organisation.name if user.organisation else "",
            "organisation_type": user.organisation_kind,
            "role": user.role,
            "country": str(user.country.code or ""),
            "listed_to_participants": user.listed_to_participants,
            "privacy_notice_version": user.privacy_consent_version,
            "privacy_notice_accepted_at": user.privacy_consent_at,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user)
        ],
        "enrolments": [
            {
                "programme": enrolment.programme.title,
                "cohort": enrolment.cohort.name if enrolment.cohort else "",
                "status": enrolment.status,
                "by_invitation": enrolment.invited,
                "waiting_since": enrolment.queued_at,
                "created_at": enrolment.created_at,
                "updated_at": enrolment.updated_at,
            }
            for enrolment in enrolments
        ],
        "session_registrations": [
            {
                "programme": registration.session.programme.title,
                "session": registration.session.title,
                "starts_at": registration.session.starts_at,
                "status": registration.status,
                "waiting_since": registration.queued_at,
                "created_at": registration.created_at,
            }
            for registration in registrations
        ],
        "attendance": [
            {
                "programme": attendance.session.programme.title,
                "session": attendance.session.title,
                "starts_at": attendance.session.starts_at,
                "status": attendance.status,
                "minutes": attendance.minutes,
                "recorded_at": attendance.recorded_at,
            }
            for attendance in Attendance.objects.filter(participant=user).select_related(
                "session__programme"
            )
        ],
    }


@transaction.atomic
def delete_account(user: User, *, now=None) -> None:
    """Erase ``user``: places not yet begun are given up (the queue moves on), and the rows
    funders count stay, detached from the person, with only organisation type and country."""
    from . import services

    now = now or timezone.now()
    active = EnrolmentStatus.active()
    for registration in SessionRegistration.objects.filter(
        participant=user, status__in=active
    ).select_related("session__programme"):
        if registration.status != EnrolmentStatus.CONFIRMED or registration.session.starts_at > now:
            services.cancel_registration(registration, now=now, force=True, notify=False)
    for enrolment in Enrolment.objects.filter(participant=user, status__in=active).select_related(
        "programme", "cohort"
    ):
        not_begun = services.programme_starts_at(enrolment.programme, enrolment.cohort) > now
        if enrolment.status != EnrolmentStatus.CONFIRMED or not_begun:
            services.cancel_enrolment(enrolment, now=now, force=True, notify=False)
    outbox.forget_recipient(user)
    # Enrolments and registrations have on_delete=SET_NULL: they stay as anonymous counts.
    organisation = user.organisation
    user.delete()
    # An organisation the person typed, that nobody confirmed or uses, goes with them.
    discard_unused_organisation(organisation)
