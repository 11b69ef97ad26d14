"""Benchmark data: 10 programmes and 2,000 sessions, written with the models directly."""

import datetime as dt
import itertools
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

PROGRAMMES = 10
SESSIONS_PER_PROGRAMME = 200
LANGUAGE_SETS = [["it"], ["it", "en"], ["en", "fr", "pt"], ["fr"], ["pt", "en"]]
CITIES = [("Firenze", "IT"), ("Timisoara", "RO"), ("Lecce", "IT"), ("Lisboa", "PT"), ("", "")]


@dataclass
class SeedData:
    programme_slugs: list[str]
    session_ids: list[int]
    busy_month: str  # YYYY-MM with many sessions, for the filtered list


@transaction.atomic
def seed() -> SeedData:
    from goodpractices.models import GoodPractice
    from programmes.enums import EnrolmentMode, ProgrammeStatus
    from programmes.models import Cohort, Programme, Track
    from sessions_app.enums import SessionKind
    from sessions_app.models import Session

    # Practices keep their programme (PROTECT): the generated ones go first, and
    # bench/benchmarks/goodpractices.py makes them again.
    GoodPractice.objects.filter(programme__slug__startswith="bench-").delete()
    Programme.objects.filter(slug__startswith="bench-").delete()
    today = timezone.localdate()
    start = (timezone.now() + dt.timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
    slugs, session_ids = [], []
    for number in range(PROGRAMMES):
        programme = Programme.objects.create(
            title=f"LOOKING UP bench {number}",
            title_en=f"LOOKING UP bench {number}",
            slug=f"bench-{number}",
            summary="Peer-to-peer training path from local development to European strategies.",
            original_language="en",
            languages=["it", "en", "fr", "pt"],
            status=ProgrammeStatus.PUBLISHED,
            enrolment_mode=EnrolmentMode.OPEN,
            start_date=today - dt.timedelta(days=30),
            end_date=today + dt.timedelta(days=365),
        )
        tracks = Track.objects.bulk_create(
            Track(programme=programme, title=f"Track {order}", order=order) for order in range(3)
        )
        cohorts = Cohort.objects.bulk_create(
            Cohort(programme=programme, name=f"Hub {name}", language=language)
            for name, language in [("north", "it"), ("centre", "en"), ("south", "fr")]
        )
        sessions = Session.objects.bulk_create(
            Session(
                programme=programme,
                track=tracks[index % 3],
                kind=SessionKind.ONLINE if city == "" else SessionKind.WORKSHOP,
                title=f"Session {index} of programme {number}",
                starts_at=start + dt.timedelta(days=index * 365 // SESSIONS_PER_PROGRAMME),
                ends_at=start + dt.timedelta(days=index * 365 // SESSIONS_PER_PROGRAMME, hours=3),
                time_zone="Europe/Rome",
                venue_name=f"Casa delle associazioni {city}" if city else "",
                city=city,
                country=country,
                online_url="" if city else "https://meet.example.org/bench",
                languages=languages,
                duration_hours=Decimal("3"),
            )
            for index, languages, (city, country) in zip(
                range(SESSIONS_PER_PROGRAMME),
                itertools.cycle(LANGUAGE_SETS),
                itertools.cycle(CITIES),
                strict=False,
            )
        )
        through = Session.cohorts.through
        through.objects.bulk_create(
            through(session_id=session.pk, cohort_id=cohorts[index % 3].pk)
            for index, session in enumerate(sessions)
        )
        slugs.append(programme.slug)
        session_ids.extend(session.pk for session in sessions)
    busy_month = (start + dt.timedelta(days=45)).strftime("%Y-%m")
    return SeedData(programme_slugs=slugs, session_ids=session_ids, busy_month=busy_month)
