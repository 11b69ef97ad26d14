"""Certificates' fixtures: a programme like LOOKING UP with attended sessions.

Attendance is recorded through the register's own service (``record_attendance``), so
eligibility is what ``participants.services.is_eligible`` says about real rows.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from participants.enums import AttendanceStatus
from participants.services import Mark, record_attendance
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    OnlineSessionFactory,
    ParticipantFactory,
    ProgrammeFactory,
    SessionFactory,
)


class Register:
    """Marks people present, as a coordinator does from the register."""

    def attend(self, participant, programme, sessions, *, minutes=None):
        """``participant`` was present at each of ``sessions`` (``minutes`` of each, when
        given: partial attendance)."""
        for session in sessions:
            mark = Mark(participant.pk, AttendanceStatus.PRESENT, minutes)
            outcome = record_attendance(session, [mark], by=None)
            assert outcome.ok, outcome.message


@pytest.fixture
def attendance(db):
    return Register()


@pytest.fixture
def looking_up(coordinator):
    """LOOKING UP (Erasmus+): a workshop in Florence and online sessions; 75% or 9 hours."""
    programme = ProgrammeFactory(
        title_en="LOOKING UP – A training path towards European SSE strategies",
        title_it="LOOKING UP – Un percorso formativo verso le strategie europee dell'ESS",
        title_fr="LOOKING UP – Un parcours de formation vers les stratégies européennes de l'ESS",
        title_pt="LOOKING UP – Um percurso formativo rumo às estratégias europeias da ESS",
        slug="looking-up",
        start_date=dt.date(2024, 4, 1),
        end_date=dt.date(2025, 9, 30),
        certificate_min_share=Decimal("0.75"),
        certificate_min_hours=Decimal("9"),
    )
    programme.coordinators.add(coordinator)
    return programme


@pytest.fixture
def hub(looking_up):
    return CohortFactory(programme=looking_up, name="Firenze", language="it")


@pytest.fixture
def looking_up_sessions(looking_up):
    """The co-designed workshop in Florence (3 h) and three online sessions (2 h each)."""
    florence = timezone.make_aware(dt.datetime(2024, 6, 12, 9, 30))
    workshop = SessionFactory(
        programme=looking_up,
        title_en="Co-designed workshop in Florence",
        title_it="Laboratorio di co-progettazione a Firenze",
        starts_at=florence,
        ends_at=florence + dt.timedelta(hours=3),
    )
    online = [
        OnlineSessionFactory(
            programme=looking_up,
            title_en=f"Online session {n}: local participatory development",
            title_it=f"Sessione online {n}: sviluppo locale partecipativo",
            starts_at=timezone.make_aware(dt.datetime(2024, 10 + n, 8, 17)),
            ends_at=timezone.make_aware(dt.datetime(2024, 10 + n, 8, 19)),
            duration_hours=Decimal("2"),
        )
        for n in range(3)
    ]
    return [workshop, *online]


@pytest.fixture
def marta(looking_up, hub):
    """A participant of the Florence hub, confirmed."""
    person = ParticipantFactory(
        email="marta@example.org", full_name="Marta Ferreira", preferred_language="pt"
    )
    EnrolmentFactory(participant=person, programme=looking_up, cohort=hub)
    return person


@pytest.fixture
def marta_attended(attendance, marta, looking_up, looking_up_sessions):
    """Marta attended all four sessions: 9 hours."""
    attendance.attend(marta, looking_up, looking_up_sessions)
    return attendance
