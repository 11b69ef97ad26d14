"""Certificates' fixtures: a programme like LOOKING UP with attended sessions.

``attendance`` stands in for the attendance feature (issue 9, built in parallel) until it lands
on main: it answers ``attendance_summaries`` / ``is_eligible`` under the agreed contract.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.utils import timezone

from participants import services as participant_services
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    OnlineSessionFactory,
    ParticipantFactory,
    ProgrammeFactory,
    SessionFactory,
)


@dataclass(frozen=True)
class Summary:
    participant_id: int
    programme_id: int
    sessions_total: int
    sessions_attended: int
    minutes_attended: int
    attended_sessions: list = field(default_factory=list)

    @property
    def hours_attended(self) -> Decimal:
        return (Decimal(self.minutes_attended) / 60).quantize(Decimal("0.1"), ROUND_HALF_UP)

    @property
    def share_attended(self) -> Decimal:
        if not self.sessions_total:
            return Decimal(0)
        return Decimal(self.sessions_attended) / Decimal(self.sessions_total)


class FakeAttendance:
    def __init__(self):
        self.records: dict[tuple[int, int], Summary] = {}

    def attend(self, participant, programme, sessions, *, total=None, minutes=None):
        attended = [
            (s.pk, minutes or int((s.ends_at - s.starts_at).total_seconds() // 60))
            for s in sessions
        ]
        self.records[(programme.pk, participant.pk)] = Summary(
            participant_id=participant.pk,
            programme_id=programme.pk,
            sessions_total=total if total is not None else len(sessions),
            sessions_attended=len(sessions),
            minutes_attended=sum(m for _pk, m in attended),
            attended_sessions=attended,
        )

    def attendance_summaries(self, programme, *, participant_ids=None):
        return {
            participant_id: summary
            for (programme_id, participant_id), summary in self.records.items()
            if programme_id == programme.pk
            and (participant_ids is None or participant_id in participant_ids)
        }

    @staticmethod
    def is_eligible(summary, programme) -> bool:
        share, hours = programme.certificate_min_share, programme.certificate_min_hours
        if share is None and hours is None:
            return False
        return (share is None or summary.share_attended >= share) and (
            hours is None or summary.hours_attended >= hours
        )


@pytest.fixture
def attendance(monkeypatch):
    fake = FakeAttendance()
    monkeypatch.setattr(
        participant_services, "attendance_summaries", fake.attendance_summaries, raising=False
    )
    monkeypatch.setattr(participant_services, "is_eligible", fake.is_eligible, raising=False)
    return fake


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
