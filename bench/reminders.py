"""Reminders at Reti solidali's scale: one worker sends 2,160 of them to an SMTP server.

    .venv/bin/python bench/reminders.py            # SQLite and a file-system broker under var/
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lookingup_bench \\
    CELERY_BROKER_URL=redis://127.0.0.1:6379/13 .venv/bin/python bench/reminders.py

Seeds a programme of three hubs of 720 confirmed people each and 36 sessions (12 modules per
hub), the first module of each hub starting tomorrow: its day-before reminder is due for all
2,160 people. Starts one Celery worker (solo pool, the production settings otherwise) and an
aiosmtpd server, asks the worker for a reminder scan as beat would, and prints: the time until
every mail was accepted by the server, mails per second, the worker's peak memory, and
duplicates (must be 0). Target: at most 60 seconds. The exit code is 1 when a target is missed.
"""

import datetime as dt
import email
import email.policy
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VAR = ROOT / "var" / "bench-reminders"
HUBS = 3
PEOPLE_PER_HUB = 720
MODULES = 12
TARGET_SECONDS = 60
LANGUAGES = ["it", "en", "fr", "pt"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Sink:
    """An SMTP server that counts what it accepted, by recipient."""

    def __init__(self):
        self.recipients: Counter = Counter()
        self.last_at = 0.0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.recipients[str(message["To"])] += 1
            self.last_at = time.monotonic()
        return "250 OK"

    @property
    def total(self) -> int:
        with self.lock:
            return sum(self.recipients.values())


def environment(smtp_port: int) -> dict:
    VAR.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lookingup.settings",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "VAR_DIR": str(VAR),
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "LOG_LEVEL": "WARNING",
        # Beat is not running: the scan is asked for once, below.
        "OUTBOX_SWEEP_SECONDS": "3600",
    }
    env.setdefault("DATABASE_URL", f"sqlite:///{VAR / 'db.sqlite3'}")
    return env


def seed(now) -> None:
    """The programme, its hubs, sessions and 2,160 confirmed people (bulk inserts)."""
    from django.core.management import call_command

    from lookingup.models import Mail
    from participants.models import Enrolment, User
    from programmes.models import Cohort, Programme
    from sessions_app.models import Session

    call_command("migrate", verbosity=0, interactive=False)
    Mail.objects.all().delete()
    Enrolment.objects.filter(programme__slug="bench-reminders").delete()
    Session.objects.filter(programme__slug="bench-reminders").delete()
    Cohort.objects.filter(programme__slug="bench-reminders").delete()
    Programme.objects.filter(slug="bench-reminders").delete()
    User.objects.filter(email__endswith="@bench-reminders.example.org").delete()
    programme = Programme.objects.create(
        slug="bench-reminders",
        title_it="Reti solidali e competenti (benchmark)",
        title_en="Reti solidali e competenti (benchmark)",
        summary="12 modules × 3 hubs",
        status="published",
        start_date=now.date(),
        end_date=now.date() + dt.timedelta(days=120),
        original_language="it",
        languages=LANGUAGES,
    )
    people = User.objects.bulk_create(
        User(
            email=f"person{n:04}@bench-reminders.example.org",
            full_name=f"Persona {n}",
            preferred_language=LANGUAGES[n % len(LANGUAGES)],
            password="!",  # noqa: S106 - unusable: nobody signs in
            calendar_token=secrets.token_urlsafe(32),
        )
        for n in range(HUBS * PEOPLE_PER_HUB)
    )
    if people[0].pk is None:  # SQLite before RETURNING: read the ids back
        people = list(User.objects.filter(email__endswith="@bench-reminders.example.org"))
    tomorrow = now + dt.timedelta(hours=20)
    for hub in range(HUBS):
        cohort = Cohort.objects.create(
            programme=programme, name_it=f"Hub {hub + 1}", capacity=PEOPLE_PER_HUB
        )
        for module in range(MODULES):
            starts = tomorrow + dt.timedelta(weeks=module)
            session = Session.objects.create(
                programme=programme,
                kind="online",
                title_it=f"Modulo {module + 1}",
                title_en=f"Module {module + 1}",
                starts_at=starts,
                ends_at=starts + dt.timedelta(hours=3),
                online_url="https://meet.example.org/reti",
                languages=["it"],
            )
            session.cohorts.add(cohort)
        members = people[hub * PEOPLE_PER_HUB : (hub + 1) * PEOPLE_PER_HUB]
        Enrolment.objects.bulk_create(
            Enrolment(participant=person, programme=programme, cohort=cohort, status="confirmed")
            for person in members
        )
    Enrolment.objects.filter(programme=programme).update(created_at=now - dt.timedelta(days=30))


def peak_memory_kib(pid: int) -> int:
    """VmHWM: the most resident memory the process ever had."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def main() -> int:
    from aiosmtpd.controller import Controller

    sink = Sink()
    smtp_port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    env = environment(smtp_port)
    os.environ.update(env)
    import django

    django.setup()
    from django.utils import timezone

    from lookingup.models import Mail

    now = timezone.now()
    started = time.monotonic()
    seed(now)
    total = HUBS * PEOPLE_PER_HUB
    print(f"Database: {env['DATABASE_URL']}")
    print(f"Seeded {total} people, {HUBS * MODULES} sessions in {time.monotonic() - started:.1f} s")

    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "lookingup", "worker", "--pool=solo"]
        + ["--loglevel=WARNING", "--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=ROOT,
        env=env,
    )
    try:
        time.sleep(3)  # the worker connects to the broker
        from sessions_app.tasks import task_queue_due_reminders

        asked = time.monotonic()
        task_queue_due_reminders.delay()
        deadline = asked + 10 * TARGET_SECONDS
        while sink.total < total and time.monotonic() < deadline:
            time.sleep(0.2)
        done = sink.last_at - asked if sink.total >= total else float("inf")
        time.sleep(3)  # anything sent twice arrives now
        peak = peak_memory_kib(worker.pid)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        controller.stop()
    duplicates = sink.total - len(sink.recipients)
    queued = Mail.objects.filter(kind="session-reminder").count()
    print(f"\nreminders queued          {queued}")
    print(f"mails accepted            {sink.total} ({len(sink.recipients)} people)")
    print(f"time to the last mail     {done:.1f} s (target ≤ {TARGET_SECONDS} s)")
    print(f"mails per second          {sink.total / done if done else 0:.0f}")
    print(f"worker peak memory        {peak / 1024:.0f} MiB")
    print(f"duplicates                {duplicates} (target 0)")
    return 0 if done <= TARGET_SECONDS and duplicates == 0 and sink.total == total else 1


if __name__ == "__main__":
    sys.exit(main())
