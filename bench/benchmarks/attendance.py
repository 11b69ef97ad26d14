"""The coordinators' daily work at the scale of Reti solidali e competenti.

2,160 participants in three hubs of 720, twelve remote modules replicated in each hub (36
cohort sessions, all held, with their attendance: 25,920 rows), and a residency of 60 people.
Measured through the real stack, signed in as the programme's coordinator:

- the register of the residency (60 people), target at most 15× /healthz;
- the enrolment list (2,220 rows, paginated), target at most 15×;
- the funder report of the programme, target at most 20×;
- an import of 2,160 rows (preview, then write with accounts, enrolments and invitation
  emails), in-process, target under 30 s in all.

Each page's query count is printed too (measured in-process with Django's test client), and
must not grow with the number of people. The data is this run's own (its own slugs and email
domain) and is deleted at the end. Run it on PostgreSQL for figures that mean something:
``DATABASE_URL=postgres://... .venv/bin/python bench/run.py --only attendance``.
"""

import atexit
import datetime as dt
import os
import secrets
import time
from dataclasses import dataclass
from decimal import Decimal

from bench.runner import Benchmark, Server, median_ms

HUBS = 3
PER_HUB = 720
MODULES = 12
RESIDENCY = 60
IMPORT_ROWS = 2160
IMPORT_TARGET_SECONDS = 30
SLUG = "attendance-bench"
EMAIL_DOMAIN = "bench-attendance.example.org"


@dataclass
class Data:
    run: str
    cookie: str
    programme_id: int
    residency_session_id: int
    import_programme_id: int
    coordinator_id: int


_data: Data | None = None


def benchmarks(data) -> list[Benchmark]:
    return [
        Benchmark("register (60 people)", measure=_page("register"), target_ratio=15),
        Benchmark("enrolment list (2,220 rows)", measure=_page("changelist"), target_ratio=15),
        Benchmark("funder report (2,160 people)", measure=_page("report"), target_ratio=20),
        Benchmark("import 2,160 rows (seconds)", measure=_import, target_ratio=float("inf")),
    ]


# --- The data, once per run


def _seed() -> Data:
    global _data
    if _data is not None:
        return _data
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.hashers import make_password
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import transaction
    from django.utils import timezone

    from participants.models import Attendance, Enrolment, User
    from programmes.enums import ProgrammeStatus
    from programmes.models import Cohort, Programme
    from programmes.services import ensure_coordinators_group
    from sessions_app.models import Session

    run = f"{os.getpid()}-{secrets.token_hex(3)}"
    started = time.monotonic()
    today = timezone.localdate()
    now = timezone.now().replace(microsecond=0)
    with transaction.atomic():
        coordinator = User.objects.create(
            email=f"coordinator-{run}@{EMAIL_DOMAIN}",
            full_name="Bench Coordinator",
            is_staff=True,
            password=make_password(None),
        )
        coordinator.groups.add(ensure_coordinators_group())
        programmes = []
        for suffix in ("reti", "import"):
            programme = Programme.objects.create(
                title="Reti solidali e competenti",
                title_it="Reti solidali e competenti",
                slug=f"{SLUG}-{run}-{suffix}",
                summary="Dodici moduli formativi a distanza replicati in tre hub.",
                original_language="it",
                languages=["it"],
                status=ProgrammeStatus.PUBLISHED,
                start_date=today - dt.timedelta(days=200),
                end_date=today + dt.timedelta(days=200),
                certificate_min_share=Decimal("0.75"),
            )
            programme.coordinators.add(coordinator)
            programmes.append(programme)
        reti, import_programme = programmes
        hubs = Cohort.objects.bulk_create(
            Cohort(programme=reti, name=name, language="it")
            for name in ("Hub Nord", "Hub Centro", "Hub Sud", "Residenza Lecce")
        )
        Cohort.objects.bulk_create(
            Cohort(programme=import_programme, name=name, language="it")
            for name in ("Hub Nord", "Hub Centro", "Hub Sud")
        )
        people = User.objects.bulk_create(
            User(
                email=f"p{n}-{run}@{EMAIL_DOMAIN}",
                full_name=f"Partecipante {n}",
                password=make_password(None),
                country="IT",
                organisation_kind="cooperative",
                role="worker",
            )
            for n in range(HUBS * PER_HUB + RESIDENCY)
        )
        enrolments = Enrolment.objects.bulk_create(
            Enrolment(
                participant=person,
                programme=reti,
                cohort=hubs[min(n // PER_HUB, HUBS)],
                status="confirmed",
                country="IT",
                organisation_kind="cooperative",
            )
            for n, person in enumerate(people)
        )
        sessions = []
        for module in range(MODULES):
            starts = now - dt.timedelta(days=150 - module * 10)
            for hub in hubs[:HUBS]:
                sessions.append(
                    Session(
                        programme=reti,
                        kind="online",
                        title=f"Modulo {module + 1} – {hub.name}",
                        starts_at=starts,
                        ends_at=starts + dt.timedelta(hours=3),
                        online_url="https://meet.example.org/reti",
                        languages=["it"],
                        duration_hours=Decimal("3"),
                    )
                )
        residency_starts = now - dt.timedelta(minutes=20)
        sessions.append(
            Session(
                programme=reti,
                kind="residency",
                title="Residenza Lecce",
                starts_at=residency_starts,
                ends_at=residency_starts + dt.timedelta(hours=8),
                venue_name="Manifatture Knos",
                city="Lecce",
                languages=["it"],
                duration_hours=Decimal("8"),
            )
        )
        sessions = Session.objects.bulk_create(sessions)
        through = Session.cohorts.through
        through.objects.bulk_create(
            through(session_id=session.pk, cohort_id=hubs[index % HUBS].pk)
            for index, session in enumerate(sessions[:-1])
        )
        through.objects.create(session_id=sessions[-1].pk, cohort_id=hubs[HUBS].pk)
        by_hub = {hub.pk: [] for hub in hubs}
        for enrolment in enrolments:
            by_hub[enrolment.cohort_id].append(enrolment)
        rows = []
        for index, session in enumerate(sessions[:-1]):
            for number, enrolment in enumerate(by_hub[hubs[index % HUBS].pk]):
                status = "present" if (number + index) % 5 else "absent"
                rows.append(
                    Attendance(
                        session=session,
                        participant_id=enrolment.participant_id,
                        enrolment=enrolment,
                        status=status,
                        source="meeting_report",
                        recorded_at=now,
                    )
                )
        Attendance.objects.bulk_create(rows, batch_size=2000)
    from django.db import connection

    if connection.vendor == "postgresql":
        # Fresh statistics, as autovacuum would have them in production after such a load.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    store = SessionStore()
    store[SESSION_KEY] = str(coordinator.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = coordinator.get_session_auth_hash()
    store.set_expiry(3600)
    store.create()
    _data = Data(
        run=run,
        cookie=f"{settings.SESSION_COOKIE_NAME}={store.session_key}",
        programme_id=reti.pk,
        residency_session_id=sessions[-1].pk,
        import_programme_id=import_programme.pk,
        coordinator_id=coordinator.pk,
    )
    atexit.register(_forget, run)
    print(
        f"\nAttendance data: {len(people)} people, {len(sessions)} sessions, "
        f"{len(rows)} attendance rows in {time.monotonic() - started:.1f} s",
        flush=True,
    )
    return _data


def _forget(run: str) -> None:
    """Delete this run's data (attendance and enrolments first: they protect the rest)."""
    from lookingup.models import Mail
    from participants.models import Attendance, Enrolment, User
    from programmes.models import Organisation, Programme

    prefix = f"{SLUG}-{run}"
    Mail.objects.filter(programme__slug__startswith=prefix).delete()
    Attendance.objects.filter(session__programme__slug__startswith=prefix).delete()
    Enrolment.objects.filter(programme__slug__startswith=prefix).delete()
    Programme.objects.filter(slug__startswith=prefix).delete()
    User.objects.filter(email__endswith=f"-{run}@{EMAIL_DOMAIN}").delete()
    Organisation.objects.filter(name__startswith=f"Cooperativa bench {run} ").delete()


# --- Pages


def _paths(data: Data) -> dict[str, str]:
    from django.urls import reverse
    from django.utils import translation

    with translation.override("en"):
        return {
            "register": reverse(
                "admin:participants_attendance_register", args=[data.residency_session_id]
            ),
            "changelist": reverse("admin:participants_enrolment_changelist"),
            "report": reverse("admin:participants_attendance_report", args=[data.programme_id]),
        }


def _query_count(path: str) -> int:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from participants.models import User

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(pk=_seed().coordinator_id))
    client.get(path)  # warm the per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"GET {path} answered {response.status_code} in-process")
    return len(queries)


def _page(name: str):
    def measure(server: Server, requests: int, warmup: int) -> list[float]:
        data = _seed()
        path = _paths(data)[name]
        durations = []
        headers = {"Host": server.host, "Cookie": data.cookie}
        connection = server.connection()
        try:
            for number in range(warmup + requests):
                started = time.perf_counter()
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                elapsed = time.perf_counter() - started
                if response.status != 200:
                    raise RuntimeError(f"GET {path} answered {response.status}")
                if number >= warmup:
                    durations.append(elapsed)
        finally:
            connection.close()
        print(
            f"  {name}: {_query_count(path)} queries; median {median_ms(durations):.1f} ms",
            flush=True,
        )
        return durations

    return measure


# --- The import


def _import(server: Server, requests: int, warmup: int) -> list[float]:
    """Preview and write an import of 2,160 rows, once (not over HTTP: the parts that grow
    with the file are the reading, the checks and the writes)."""
    from participants.models import User
    from participants.services import imports
    from programmes.models import Programme

    data = _seed()
    programme = Programme.objects.get(pk=data.import_programme_id)
    hubs = ["Hub Nord", "Hub Centro", "Hub Sud"]
    lines = ["name,email,organisation,country,language,cohort"]
    lines += [
        f"Persona {n},import{n}-{data.run}@{EMAIL_DOMAIN},"
        f"Cooperativa bench {data.run} {n % 40},IT,it,{hubs[n % 3]}"
        for n in range(IMPORT_ROWS)
    ]
    content = "\n".join(lines).encode()
    started = time.perf_counter()
    preview = imports.preview_import(programme, content, "people.csv")
    previewed = time.perf_counter()
    outcome = imports.apply_import(
        programme,
        preview.token,
        valid_only=False,
        by=User.objects.get(pk=data.coordinator_id),
    )
    written = time.perf_counter()
    total = written - started
    verdict = "" if outcome.ok and total < IMPORT_TARGET_SECONDS else "  MISSED"
    print(
        f"  import of {IMPORT_ROWS} rows: preview {previewed - started:.1f} s, "
        f"write {written - previewed:.1f} s ({outcome.enrolled} enrolled), "
        f"total {total:.1f} s (target < {IMPORT_TARGET_SECONDS} s){verdict}",
        flush=True,
    )
    return [total]
