"""What a participant takes part in."""

from django.db.models import Exists, OuterRef, Q

from participants.enums import EnrolmentStatus as Status
from participants.models import Enrolment, SessionRegistration, User
from sessions_app.models import Session


def sessions_for(user: User):
    """The sessions ``user`` is confirmed for: through a programme enrolment (the whole
    programme or their cohort) when no registration is needed, or through a registration."""
    confirmed = Enrolment.objects.filter(participant=user, status=Status.CONFIRMED)
    whole_programme = confirmed.filter(programme=OuterRef("programme"))
    own_cohort = confirmed.filter(cohort__sessions=OuterRef("pk"))
    has_cohorts = Session.cohorts.through.objects.filter(session=OuterRef("pk"))
    registered = SessionRegistration.objects.filter(
        participant=user, status=Status.CONFIRMED, session=OuterRef("pk")
    )
    return Session.objects.filter(
        (
            Q(registration_required=False)
            & ((Exists(whole_programme) & ~Exists(has_cohorts)) | Exists(own_cohort))
        )
        | Exists(registered)
    )


def sessions_for_enrolment(enrolment: Enrolment):
    """The sessions a confirmed enrolment brings (registrations are their own)."""
    sessions = Session.objects.filter(
        programme_id=enrolment.programme_id, registration_required=False
    )
    has_cohorts = Session.cohorts.through.objects.filter(session=OuterRef("pk"))
    if enrolment.cohort_id:
        return sessions.filter(Q(cohorts=enrolment.cohort_id) | ~Exists(has_cohorts)).distinct()
    return sessions.filter(~Exists(has_cohorts))


def regenerate_calendar_token(user: User) -> None:
    from participants.models import new_calendar_token

    user.calendar_token = new_calendar_token()
    user.save(update_fields=["calendar_token"])
