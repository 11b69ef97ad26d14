"""Who takes part in what: the one owner of the rule.

A person takes part in a session when they hold a confirmed registration for it, if it needs
registration; otherwise when they are confirmed in one of its cohorts, or in its programme when
the session is for the whole programme (no cohorts). Registers, My space, the calendar feed,
reminders and certificates all ask the functions below.
"""

from django.db.models import Count, Exists, OuterRef, Q

from participants.enums import EnrolmentStatus as Status
from participants.models import Enrolment, SessionRegistration, User
from sessions_app.models import Session

_SessionCohort = Session.cohorts.through


def _session_ids(sessions):
    """A subquery of ids for a queryset; a list of ids for sessions or ids."""
    if hasattr(sessions, "values"):
        return sessions.order_by().values("pk")
    return [getattr(session, "pk", session) for session in sessions]


def taking_part_pairs(sessions):
    """(session_id, participant_id) of everyone taking part in any of ``sessions``: one query.

    ``sessions`` is a queryset, or an iterable of sessions or ids. The result is a values
    queryset (a UNION of the three ways of taking part) to iterate or to count. Each part
    selects plain field paths: a UNION may reorder annotation columns.
    """
    ids = _session_ids(sessions)
    confirmed = Enrolment.objects.filter(status=Status.CONFIRMED, participant__isnull=False)
    registered = SessionRegistration.objects.filter(
        session__in=ids,
        session__registration_required=True,
        status=Status.CONFIRMED,
        participant__isnull=False,
    ).values_list("session_id", "participant_id")
    in_cohort = confirmed.filter(
        cohort__sessions__in=ids, cohort__sessions__registration_required=False
    ).values_list("cohort__sessions", "participant_id")
    whole_programme_sessions = (
        Session.objects.filter(pk__in=ids, registration_required=False)
        .filter(~Exists(_SessionCohort.objects.filter(session=OuterRef("pk"))))
        .values("pk")
    )
    whole_programme = confirmed.filter(
        programme__sessions__in=whole_programme_sessions
    ).values_list("programme__sessions", "participant_id")
    return registered.order_by().union(in_cohort.order_by(), whole_programme.order_by())


def participants_by_session(sessions) -> dict[int, set[int]]:
    """session id → ids of the people taking part, for many sessions at once: the bulk
    counterpart of ``participants_of``. Every session given is a key. One query (two when
    given a queryset, which is listed first)."""
    if hasattr(sessions, "values_list"):
        ids = list(sessions.order_by().values_list("pk", flat=True))
    else:
        ids = _session_ids(sessions)
    result: dict[int, set[int]] = {pk: set() for pk in ids}
    if ids:
        for session_id, participant_id in taking_part_pairs(ids):
            result[session_id].add(participant_id)
    return result


def participants_of(session: Session):
    """The people (``User`` queryset) taking part in ``session``."""
    if session.registration_required:
        taking_part = SessionRegistration.objects.filter(
            session=session, status=Status.CONFIRMED
        ).values("participant_id")
    else:
        session_cohorts = _SessionCohort.objects.filter(session=session)
        confirmed = Enrolment.objects.filter(status=Status.CONFIRMED).order_by()
        # Two plain parts rather than one OR across a join, which PostgreSQL can only answer
        # by joining every enrolment to every cohort's sessions first.
        in_cohort = confirmed.filter(cohort__in=session_cohorts.values("cohort_id"))
        whole_programme = confirmed.filter(programme_id=session.programme_id).filter(
            ~Exists(session_cohorts)
        )
        taking_part = in_cohort.values("participant_id").union(
            whole_programme.values("participant_id"), all=True
        )
    # An IN over the few rows taking part, rather than a test of every account.
    return User.objects.filter(pk__in=taking_part)


def sessions_for(user: User):
    """The sessions ``user`` takes part in (the same rule as ``participants_of``, seen from
    the person)."""
    confirmed = Enrolment.objects.filter(participant=user, status=Status.CONFIRMED)
    whole_programme = confirmed.filter(programme=OuterRef("programme"))
    own_cohort = confirmed.filter(cohort__sessions=OuterRef("pk"))
    has_cohorts = _SessionCohort.objects.filter(session=OuterRef("pk"))
    registered = SessionRegistration.objects.filter(
        participant=user, status=Status.CONFIRMED, session=OuterRef("pk")
    )
    return Session.objects.filter(
        (
            Q(registration_required=False)
            & ((Exists(whole_programme) & ~Exists(has_cohorts)) | Exists(own_cohort))
        )
        | (Q(registration_required=True) & Exists(registered))
    )


def sessions_for_enrolment(enrolment: Enrolment):
    """The sessions a confirmed enrolment brings (registrations are their own)."""
    sessions = Session.objects.filter(
        programme_id=enrolment.programme_id, registration_required=False
    )
    has_cohorts = _SessionCohort.objects.filter(session=OuterRef("pk"))
    if enrolment.cohort_id:
        return sessions.filter(Q(cohorts=enrolment.cohort_id) | ~Exists(has_cohorts)).distinct()
    return sessions.filter(~Exists(has_cohorts))


def takes_part(user: User, session: Session) -> bool:
    return participants_of(session).filter(pk=user.pk).exists()


def regenerate_calendar_token(user: User) -> None:
    from participants.models import new_calendar_token

    user.calendar_token = new_calendar_token()
    user.save(update_fields=["calendar_token"])


def sessions_count_by_participant(sessions, *, participant_ids=None) -> dict[int, int]:
    """participant id → how many of ``sessions`` (all of one programme) they take part in.

    The counting form of the rule above, for reports over thousands of people: three queries
    whatever their number, returning one row per person, never one per session and person.
    Tests check it against ``taking_part_pairs``.
    """
    sessions = list(sessions)
    if not sessions:
        return {}
    programme_id = sessions[0].programme_id
    ids = [session.pk for session in sessions]
    cohorts_of: dict[int, set[int]] = {pk: set() for pk in ids}
    for session_id, cohort_id in _SessionCohort.objects.filter(session__in=ids).values_list(
        "session_id", "cohort_id"
    ):
        cohorts_of[session_id].add(cohort_id)
    open_sessions = [s for s in sessions if not s.registration_required]
    whole_programme = sum(1 for s in open_sessions if not cohorts_of[s.pk])
    per_cohort: dict[int, int] = {}
    for session in open_sessions:
        for cohort_id in cohorts_of[session.pk]:
            per_cohort[cohort_id] = per_cohort.get(cohort_id, 0) + 1
    enrolments = Enrolment.objects.filter(
        programme_id=programme_id, status=Status.CONFIRMED, participant__isnull=False
    )
    registrations = SessionRegistration.objects.filter(
        session__in=[s.pk for s in sessions if s.registration_required],
        status=Status.CONFIRMED,
        participant__isnull=False,
    )
    if participant_ids is not None:
        enrolments = enrolments.filter(participant__in=participant_ids)
        registrations = registrations.filter(participant__in=participant_ids)
    counts: dict[int, int] = {}
    for participant_id, cohort_id in enrolments.values_list("participant_id", "cohort_id"):
        counts[participant_id] = whole_programme + per_cohort.get(cohort_id, 0)
    for row in registrations.order_by().values("participant_id").annotate(n=Count("pk")):
        counts[row["participant_id"]] = counts.get(row["participant_id"], 0) + row["n"]
    return counts
