"""Certificates: one PDF's render time, and a batch of 2,160 through two worker processes.

1. Render: the median time of one certificate (twelve sessions, partner logos off, QR code,
   PDF/A-3b) over the median time of a minimal one-page WeasyPrint document, both rendered in
   this process, alternating. Target: at most 3×.
2. Batch: "Reti solidali e competenti" sized, 2,160 people in three hubs with twelve remote
   modules attended, issued as a coordinator does (``start_batch``) by a Celery worker with
   two processes (prefork, concurrency 2) on this run's database and broker. Prints the wall
   time from the request to the zip (target at most 3 minutes) and each worker process's
   resident memory after the first hundred certificates and at the end (target: flat).

Through the runner: ``.venv/bin/python bench/run.py --only certificate`` (the runner's ratio
column does not apply: these rows print their own figures and targets). On its own, without
gunicorn: ``.venv/bin/python -m bench.benchmarks.certificates [--people 2160] [--only render]``.
Use PostgreSQL (DATABASE_URL) for the batch: on SQLite two processes queue behind one lock.
Numbers taken on a machine busy with other work are noisy; the ratio is less so.
"""

import argparse
import datetime as dt
import os
import secrets
import statistics
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

from bench.runner import Benchmark

ROOT = Path(__file__).resolve().parent.parent.parent
TARGET_RENDER_RATIO = 3
TARGET_BATCH_SECONDS = 180
MODULES = 12
RENDERS = 40
MISSED = []


def benchmarks(data) -> list[Benchmark]:
    return [
        Benchmark("certificate render", measure=measure_render, target_ratio=float("inf")),
        Benchmark("certificate batch", measure=measure_batch, target_ratio=float("inf")),
    ]


# --- 1. One certificate against a minimal document


def _sample_certificate(run: str):
    from django.utils import timezone

    from certificates.models import Certificate
    from programmes.models import Programme

    programme = Programme.objects.create(
        title="Reti solidali e competenti",
        title_it="Reti solidali e competenti",
        slug=f"certificates-render-{run}",
        summary="12 moduli formativi da remoto in 3 hub.",
        start_date=dt.date(2022, 9, 1),
        end_date=dt.date(2023, 6, 30),
    )
    start = timezone.make_aware(dt.datetime(2022, 10, 3, 17))
    sessions = [
        {
            "session": number,
            "starts_at": (start + dt.timedelta(weeks=number)).isoformat(),
            "minutes": 120,
            "titles": {"it": f"Modulo {number + 1}: economia solidale e territori"},
        }
        for number in range(MODULES)
    ]
    certificate = Certificate(
        programme=programme,
        holder_name="Maria Anunciação Gonçalves",
        language="it",
        issued_at=timezone.now(),
        minutes_attended=120 * MODULES,
        sessions=sessions,
    )
    return certificate


def measure_render(server=None, requests: int = RENDERS, warmup: int = 3) -> list[float]:
    from weasyprint import HTML

    from certificates import rendering

    certificate = _sample_certificate(f"{os.getpid()}-{secrets.token_hex(3)}")
    count = min(max(requests, 10), RENDERS)
    minimal, full = [], []
    try:
        for number in range(warmup + count):
            started = time.perf_counter()
            HTML(string="<p>LOOKING UP</p>").write_pdf()
            middle = time.perf_counter()
            rendering.render_certificate(certificate)
            ended = time.perf_counter()
            if number >= warmup:
                minimal.append(middle - started)
                full.append(ended - middle)
    finally:
        certificate.programme.delete()
    minimal_ms = statistics.median(minimal) * 1000
    full_ms = statistics.median(full) * 1000
    ratio = full_ms / minimal_ms
    missed = ratio > TARGET_RENDER_RATIO
    if missed:
        MISSED.append("render")
    subset = "with" if rendering.has_harfbuzz_subset() else "WITHOUT"
    print(
        f"  certificate render: {full_ms:.1f} ms median, minimal document {minimal_ms:.1f} ms: "
        f"{ratio:.1f}× (target {TARGET_RENDER_RATIO}×{', MISSED' if missed else ''}); "
        f"{count} renders, {subset} libharfbuzz-subset",
        flush=True,
    )
    return full


# --- 2. A batch of 2,160 through two worker processes


def _seed_batch(run: str):
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from participants.enums import AttendanceStatus, EnrolmentStatus
    from participants.models import Attendance, Enrolment, User
    from programmes.models import Cohort, Programme
    from sessions_app.models import Session

    now = timezone.now()
    with transaction.atomic():
        programme = Programme.objects.create(
            title="Reti solidali e competenti",
            title_it="Reti solidali e competenti",
            slug=f"certificates-{run}",
            summary="12 moduli formativi da remoto in 3 hub: nord, centro e sud.",
            original_language="it",
            languages=["it"],
            status="published",
            start_date=(now - dt.timedelta(days=200)).date(),
            end_date=(now - dt.timedelta(days=10)).date(),
            certificate_min_share=Decimal("0.75"),
        )
        cohorts = Cohort.objects.bulk_create(
            Cohort(programme=programme, name=f"Hub {name}") for name in ("nord", "centro", "sud")
        )
        sessions = Session.objects.bulk_create(
            Session(
                programme=programme,
                kind="online",
                title=f"Modulo {number + 1}",
                title_it=f"Modulo {number + 1}",
                starts_at=now - dt.timedelta(days=180 - 14 * number),
                ends_at=now - dt.timedelta(days=180 - 14 * number, hours=-2),
                online_url="https://meet.example.org/reti",
                languages=["it"],
                duration_hours=Decimal("2"),
            )
            for number in range(MODULES)
        )
        password = make_password(None)
        people = User.objects.bulk_create(
            User(
                email=f"person{number}@{run}.example.org",
                full_name=f"Persona {number} Bianchi",
                preferred_language="it",
                password=password,
            )
            for number in range(int(os.environ.get("BENCH_CERTIFICATE_PEOPLE", "2160")))
        )
        enrolments = Enrolment.objects.bulk_create(
            Enrolment(
                participant=person,
                programme=programme,
                cohort=cohorts[number % 3],
                status=EnrolmentStatus.CONFIRMED,
            )
            for number, person in enumerate(people)
        )
        Attendance.objects.bulk_create(
            Attendance(
                session=session,
                participant=enrolment.participant,
                enrolment=enrolment,
                status=AttendanceStatus.PRESENT,
                recorded_at=now,
            )
            for enrolment in enrolments
            for session in sessions[:10]
        )
    return programme


def _forget_batch(programme) -> None:
    from certificates.models import Certificate, CertificateBatch
    from lookingup.models import Mail
    from participants.models import Attendance, Enrolment, User

    Attendance.objects.filter(session__programme=programme).delete()
    Mail.objects.filter(programme=programme).delete()
    Enrolment.objects.filter(programme=programme).delete()
    for certificate in Certificate.objects.filter(programme=programme).iterator():
        certificate.delete()
    CertificateBatch.objects.filter(programme=programme).delete()
    User.objects.filter(
        email__endswith=f"@{programme.slug.removeprefix('certificates-')}.example.org"
    ).delete()
    programme.delete()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _start_worker(log: Path) -> subprocess.Popen:
    env = {**os.environ, "CELERY_TASK_ALWAYS_EAGER": "0", "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "celery", "-A", "lookingup", "worker"]
    command += ["--pool=prefork", "--concurrency=2", "--loglevel=WARNING"]
    command += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
    command += ["--hostname", f"bench-{secrets.token_hex(3)}@%h"]
    handle = log.open("w")
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT)


def measure_batch(server=None, requests: int = 0, warmup: int = 0) -> list[float]:
    from django.conf import settings

    from certificates import services
    from certificates.models import CertificateBatch

    run = f"{os.getpid()}-{secrets.token_hex(3)}"
    programme = _seed_batch(run)
    worker = _start_worker(Path(settings.VAR_DIR) / f"certificates-worker-{run}.log")
    memory_at_100: list[float] = []
    try:
        time.sleep(3)  # the pool forks before the first task
        started = time.monotonic()
        batch = services.start_batch(CertificateBatch(programme=programme))
        batch_id = batch.pk  # queued at once: no transaction is open here
        while True:
            batch = CertificateBatch.objects.get(pk=batch_id)
            if not memory_at_100 and batch.processed >= 100:
                memory_at_100 = [_rss_mb(pid) for pid in _children(worker.pid)]
            if batch.is_finished:
                break
            if worker.poll() is not None:
                raise RuntimeError("The worker stopped; see its log in VAR_DIR")
            if time.monotonic() - started > 20 * TARGET_BATCH_SECONDS:
                raise RuntimeError(f"Gave up after {time.monotonic() - started:.0f} s")
            time.sleep(0.5)
        wall = time.monotonic() - started
        memory_at_end = [_rss_mb(pid) for pid in _children(worker.pid)]
        # What the batch cost in CPU, whatever else the machine was doing meanwhile.
        cpu = sum(_cpu_seconds(pid) for pid in [worker.pid, *_children(worker.pid)])
    finally:
        worker.terminate()
        worker.wait(timeout=60)
        _forget_batch(programme)
    missed = wall > TARGET_BATCH_SECONDS
    growth = max(
        (end - first) / first * 100 if first else 0
        for first, end in zip(memory_at_100 or [0], memory_at_end or [0], strict=False)
    )
    if missed:
        MISSED.append("batch")
    print(
        f"  certificate batch: {batch.issued} issued of {batch.total} in {wall:.1f} s "
        f"({batch.total / wall:.1f}/s; target {TARGET_BATCH_SECONDS} s"
        f"{', MISSED' if missed else ''}), status {batch.status}\n"
        f"  worker CPU time {cpu:.0f} s, i.e. {cpu / 2:.0f} s of wall time on two idle cores\n"
        f"  worker processes' memory after 100: "
        f"{', '.join(f'{mb:.0f} MB' for mb in memory_at_100)}; at the end: "
        f"{', '.join(f'{mb:.0f} MB' for mb in memory_at_end)} (largest growth {growth:+.0f}%)",
        flush=True,
    )
    return [wall]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=["render", "batch"])
    parser.add_argument("--people", type=int, help="default 2160 (BENCH_CERTIFICATE_PEOPLE)")
    args = parser.parse_args()
    if args.people:
        os.environ["BENCH_CERTIFICATE_PEOPLE"] = str(args.people)

    sys.path.insert(0, str(ROOT))
    from bench.run import production_environment

    env = production_environment()
    os.environ.update(env)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    print(f"Database: {env['DATABASE_URL']}", flush=True)
    if args.only in (None, "render"):
        measure_render()
    if args.only in (None, "batch"):
        measure_batch()
    return 1 if MISSED else 0


if __name__ == "__main__":
    sys.exit(main())
