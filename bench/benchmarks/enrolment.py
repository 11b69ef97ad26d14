"""Enrolment under a rush: 200 people press "Enrol" at once for 50 seats.

Through the real HTTP stack: a gunicorn of its own (threaded workers, so that requests really
overlap; the runner's server has two sync workers), 200 participant accounts written to the
database with the privacy consent and a verified email, each signed in by a session made with
Django's SessionStore, each with its CSRF token from the programme page, then 200 simultaneous
POSTs to the enrol URL from 200 threads. What counts is read back from the database.

Prints confirmed / waiting / errors (target 50 / 150 / 0) and the throughput of the rush; the
runner then prints, like every benchmark's, the median latency of one client enrolling (and
cancelling, untimed) again and again on the runner's server, as a ratio to /healthz measured
beside it (target at most 15). The runner's ``--requests`` and ``--warmup`` do not apply.
Run it on PostgreSQL for figures that mean something
(``DATABASE_URL=postgres://... .venv/bin/python bench/run.py --only enrolment``); on SQLite
the writers queue behind one lock, and it still runs and reports.

Environment: ``BENCH_ENROL_WORKERS`` / ``BENCH_ENROL_THREADS`` size the server (default: one
worker per CPU, at least two, 16 threads each).
"""

import datetime as dt
import http.client
import os
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from bench.runner import Benchmark, Server, median_ms, sequential_gets

ROOT = Path(__file__).resolve().parent.parent.parent
PEOPLE = 200
SEATS = 50
SEQUENTIAL = 50
SEQUENTIAL_WARMUP = 5
TARGET_RATIO = 15
SLUG = "enrolment-rush"  # not "bench-": seed.py deletes those, and cohorts are protected
EMAIL_DOMAIN = "bench-enrolment.example.org"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Client:
    """One signed-in participant, as a browser would be after opening the programme page."""

    user_id: int
    cookies: dict[str, str]
    csrf_token: str = ""

    @property
    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def post(self, connection: http.client.HTTPConnection, path: str, fields: dict) -> int:
        body = urlencode({"csrfmiddlewaretoken": self.csrf_token, **fields})
        connection.request(
            "POST",
            path,
            body=body,
            headers={
                "Cookie": self.cookie_header,
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        response = connection.getresponse()
        response.read()
        return response.status


def benchmarks(data) -> list[Benchmark]:
    return [
        Benchmark("enrolment (200 at once, 50 seats)", measure=measure, target_ratio=TARGET_RATIO)
    ]


def measure(runner_server: Server, requests: int, warmup: int) -> list[float]:
    """The runner's hook. Reports the rush on its own; returns the sequential enrol
    latencies, which the runner compares with /healthz (one definition of the ratio).

    The rush runs on a threaded gunicorn of its own; the one-client latency on the runner's
    server.
    """
    from django.db import connection as db

    # Data of this run only: two runs on one database (a colleague's) must not collide.
    run = f"{os.getpid()}-{secrets.token_hex(3)}"
    try:
        burst_programme, sequential_programme = _programmes(run)
        people = _participants(PEOPLE, prefix="rush", run=run)
        [solo] = _participants(1, prefix="solo", run=run)
        workers, threads = _server_size()
        with _gunicorn(workers, threads) as server:
            _prepare(server, people, burst_programme.slug)
            burst = _rush(server, people, burst_programme.slug)
        counts = _counts(burst_programme)
        _prepare(runner_server, [solo], sequential_programme.slug)
        enrol_durations = _enrol_then_cancel(runner_server, solo, sequential_programme)
    finally:
        _forget(run)

    errors = PEOPLE - counts["confirmed"] - counts["waiting"]
    enrol = median_ms(enrol_durations)
    expected = (SEATS, PEOPLE - SEATS, 0)
    missed = "  MISSED"
    statuses = ", ".join(f"{n} × {code}" for code, n in sorted(burst["statuses"].items()))
    if burst["failures"]:
        statuses += f"; {len(burst['failures'])} failed, e.g. {burst['failures'][0]}"
    report = [
        f"Enrolment rush on {db.vendor}, gunicorn {workers} workers × {threads} threads:",
        f"  confirmed {counts['confirmed']} / waiting {counts['waiting']} / errors {errors}"
        f"   (target {SEATS} / {PEOPLE - SEATS} / 0)"
        + ("" if (counts["confirmed"], counts["waiting"], errors) == expected else missed),
        f"  HTTP answers: {statuses}",
        f"  throughput {PEOPLE / burst['elapsed']:.1f} requests/s"
        f" ({PEOPLE} POSTs in {burst['elapsed']:.2f} s); under the rush each took"
        f" {burst['median']:.0f} ms (median), {burst['max']:.0f} ms at most",
        f"  one client, enrol then cancel {len(enrol_durations)} times:"
        f" enrol median {enrol:.2f} ms (its ratio to /healthz is the runner's row below,"
        f" target ≤ {TARGET_RATIO}×)",
    ]
    print("\n" + "\n".join(report), flush=True)
    return enrol_durations


# --- Data, written with the models directly


def _forget(run: str) -> None:
    """Delete this run's programmes and people (enrolments first: they protect cohorts)."""
    from participants.models import Enrolment, User
    from programmes.models import Programme

    Enrolment.objects.filter(programme__slug__startswith=f"{SLUG}-{run}").delete()
    Programme.objects.filter(slug__startswith=f"{SLUG}-{run}").delete()
    User.objects.filter(email__endswith=f"-{run}@{EMAIL_DOMAIN}").delete()


def _programmes(run: str):
    from django.utils import timezone

    from programmes.enums import EnrolmentMode, ProgrammeStatus
    from programmes.models import Cohort, Programme

    today = timezone.localdate()
    programmes = []
    for suffix, title in [("rush", "Reti solidali e competenti: hub sud"), ("one", "SSE Academy")]:
        programme = Programme.objects.create(
            title=title,
            title_en=title,
            slug=f"{SLUG}-{run}-{suffix}",
            summary="Remote training modules replicated in three hubs, north, centre and south.",
            original_language="it",
            languages=["it", "en"],
            status=ProgrammeStatus.PUBLISHED,
            enrolment_mode=EnrolmentMode.OPEN,
            # In the future, so that a confirmed place can still be given up (enrol then cancel).
            start_date=today + dt.timedelta(days=60),
            end_date=today + dt.timedelta(days=400),
        )
        Cohort.objects.create(programme=programme, name="Hub sud", language="it", capacity=SEATS)
        programmes.append(programme)
    return programmes


def _participants(count: int, *, prefix: str, run: str) -> list[Client]:
    """Accounts as the sign-up form leaves them (consent, verified email), signed in."""
    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.hashers import make_password
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import transaction
    from django.utils import timezone

    from participants.models import User

    now = timezone.now()
    with transaction.atomic():
        users = User.objects.bulk_create(
            User(
                email=f"{prefix}-{number}-{run}@{EMAIL_DOMAIN}",
                full_name=f"Participant {prefix} {number}",
                password=make_password(None),
                organisation_kind="cooperative",
                role="worker",
                country="IT",
                preferred_language="it",
                privacy_consent_version=settings.PRIVACY_NOTICE_VERSION,
                privacy_consent_at=now,
            )
            for number in range(count)
        )
        EmailAddress.objects.bulk_create(
            EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users
        )
    clients = []
    for user in users:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.set_expiry(3600)  # gone at the next clearsessions
        session.create()
        clients.append(Client(user.pk, {settings.SESSION_COOKIE_NAME: session.session_key}))
    return clients


def _counts(programme) -> dict[str, int]:
    from django.db.models import Count

    rows = programme.enrolments.values("status").annotate(n=Count("pk"))
    return {"confirmed": 0, "waiting": 0} | {row["status"]: row["n"] for row in rows}


# --- The server


def _server_size() -> tuple[int, int]:
    workers = int(os.environ.get("BENCH_ENROL_WORKERS", max(2, os.cpu_count() or 1)))
    threads = int(os.environ.get("BENCH_ENROL_THREADS", 16))
    return workers, threads


@contextmanager
def _gunicorn(workers: int, threads: int):
    """gunicorn with threaded workers on a free port, in the runner's environment."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"TESTING", "DEBUG", "CELERY_TASK_ALWAYS_EAGER"}
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "lookingup.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            "gthread",
            "--threads",
            str(threads),
            "--backlog",
            "1024",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        server = Server("127.0.0.1", port)
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with code {process.returncode}")
            try:
                # Every worker must be up before the rush: poll the health check a few times.
                sequential_gets(server, "/healthz", requests=workers * 2, warmup=0)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not start within 60 seconds") from None
                time.sleep(0.2)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=30)


# --- The requests


def _prepare(server: Server, clients: list[Client], slug: str) -> None:
    """Open the programme page as each person: the CSRF cookie and the form's token."""

    def fetch(client: Client) -> None:
        connection = server.connection()
        try:
            connection.request(
                "GET", f"/it/programmes/{slug}/", headers={"Cookie": client.cookie_header}
            )
            response = connection.getresponse()
            html = response.read().decode()
            if response.status != 200:
                raise RuntimeError(f"The programme page answered {response.status}")
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    client.cookies[name] = rest.split(";", 1)[0]
            match = CSRF_INPUT.search(html)
            if match is None:
                raise RuntimeError("No enrol form on the programme page: not signed in?")
            client.csrf_token = match.group(1)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(fetch, clients))


def _rush(server: Server, clients: list[Client], slug: str) -> dict:
    """Every client connected and waiting at a barrier, then all POST at once."""
    path = f"/it/me/programmes/{slug}/enrol/"
    barrier = threading.Barrier(len(clients) + 1)
    statuses: dict[int, int] = {}
    failures: list[str] = []
    durations: list[float] = []
    lock = threading.Lock()

    def enrol(client: Client) -> None:
        connection = server.connection()
        try:
            connection.connect()
            barrier.wait()
            started = time.perf_counter()
            status = client.post(connection, path, {"next": f"/it/programmes/{slug}/"})
            elapsed = time.perf_counter() - started
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
                durations.append(elapsed)
        except Exception as error:  # noqa: BLE001 - counted and shown, never hidden
            with lock:
                failures.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=enrol, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {
        "elapsed": elapsed,
        "statuses": statuses,
        "failures": failures,
        "median": median_ms(durations) if durations else 0.0,
        "max": max(durations, default=0.0) * 1000,
    }


def _enrol_then_cancel(server: Server, client: Client, programme) -> list[float]:
    """One person, one connection: enrol (timed), then cancel (not timed), again and again."""
    from participants.models import Enrolment

    enrol_path = f"/it/me/programmes/{programme.slug}/enrol/"
    connection = server.connection()
    durations = []
    try:
        for number in range(SEQUENTIAL_WARMUP + SEQUENTIAL):
            started = time.perf_counter()
            status = client.post(connection, enrol_path, {})
            elapsed = time.perf_counter() - started
            enrolment = Enrolment.objects.filter(
                participant_id=client.user_id, programme=programme, status="confirmed"
            ).first()
            if status != 302 or enrolment is None:
                raise RuntimeError(f"Enrolment {number} failed: HTTP {status}")
            status = client.post(connection, f"/it/me/enrolments/{enrolment.pk}/cancel/", {})
            if status != 302:
                raise RuntimeError(f"Cancellation {number} failed: HTTP {status}")
            if number >= SEQUENTIAL_WARMUP:
                durations.append(elapsed)
    finally:
        connection.close()
    return durations


# A lone run, without the 2,000 seeded sessions: ``python -m bench.benchmarks.enrolment``.
if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    from bench import run

    environment = run.production_environment()
    os.environ.update(environment)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    print(f"Database: {environment['DATABASE_URL']}")
    # The runner's default server: two workers, one request at a time each.
    with _gunicorn(workers=2, threads=1) as default_server:
        measure(default_server, PEOPLE, 0)
