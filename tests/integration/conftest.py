"""Real services for integration tests: an SMTP sink and a Celery worker in a subprocess.

Use them together to test an email end to end::

    def test_something_sends_mail(celery_worker, smtp_sink):
        do_something()                      # queues a task, as in production
        [message] = smtp_sink.wait_for(1)   # the worker rendered and sent it

While ``celery_worker`` is active, tasks queued from the test process (``task.delay()``,
``queue_email``) go to the worker's broker instead of running eagerly. Tests must commit what the
worker reads, hence ``transactional_db``.
"""

import asyncio
import contextlib
import email
import email.policy
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

from lookingup.celery import app as celery_app

WORKER_START_TIMEOUT = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class SmtpSink:
    """What an aiosmtpd server on 127.0.0.1 received, as parsed messages.

    ``rcpt_delay`` holds each transaction at RCPT TO for that many seconds, before anything is
    accepted, so a test can kill a worker in the middle of a send; ``rcpt_seen`` counts them.
    """

    port: int
    messages: list = field(default_factory=list)
    rcpt_delay: float = 0.0
    rcpt_seen: int = 0
    _received: threading.Condition = field(default_factory=threading.Condition)

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        with self._received:
            self.rcpt_seen += 1
            self._received.notify_all()
        if self.rcpt_delay:
            await asyncio.sleep(self.rcpt_delay)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._received:
            self.messages.append(message)
            self._received.notify_all()
        return "250 Message accepted for delivery"

    def wait_for(self, count: int, timeout: float = 60) -> list:
        with self._received:
            if not self._received.wait_for(lambda: len(self.messages) >= count, timeout):
                raise AssertionError(
                    f"The SMTP sink received {len(self.messages)} message(s), expected {count}"
                )
            return list(self.messages)

    def wait_for_rcpt(self, count: int, timeout: float = 60) -> None:
        with self._received:
            if not self._received.wait_for(lambda: self.rcpt_seen >= count, timeout):
                raise AssertionError(f"The SMTP sink saw {self.rcpt_seen} RCPT, expected {count}")

    def recipients(self) -> list[str]:
        with self._received:
            return sorted(str(message["To"]) for message in self.messages)


@pytest.fixture
def smtp_sink():
    from aiosmtpd.controller import Controller

    sink = SmtpSink(port=free_port())
    controller = Controller(sink, hostname="127.0.0.1", port=sink.port)
    controller.start()
    yield sink
    controller.stop()


def worker_database_url() -> str:
    """The test database (already created by pytest-django) as a DATABASE_URL."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    if connection.vendor == "postgresql":
        credentials = quote(db["USER"] or "", safe="")
        if db["PASSWORD"]:
            credentials += ":" + quote(db["PASSWORD"], safe="")
        host = db["HOST"] or "localhost"
        port = db["PORT"] or 5432
        return f"postgres://{credentials}@{host}:{port}/{db['NAME']}"
    raise NotImplementedError(f"No worker database URL for {connection.vendor}")


def worker_broker(var_dir: Path) -> tuple[str, dict]:
    """Redis when the suite runs with one (CI), else a file-system broker private to the test."""
    url = os.environ.get("CELERY_BROKER_URL", "")
    if url.startswith("redis://"):
        # A database of its own, so leftovers of a development worker are never consumed;
        # TEST_BROKER_DB gives concurrent test runs on one Redis a database each.
        return url.rsplit("/", 1)[0] + "/" + os.environ.get("TEST_BROKER_DB", "15"), {}
    # The folder settings.py derives from the worker's VAR_DIR.
    queue = var_dir / "celery" / "queue"
    queue.mkdir(parents=True)
    return "filesystem://", {
        "data_folder_in": str(queue),
        "data_folder_out": str(queue),
        "control_folder": str(var_dir / "celery" / "control"),
        "store_processed": False,
    }


@dataclass
class Worker:
    process: subprocess.Popen
    env: dict
    output: list[str]


def _read_output(stream, lines: list[str], ready: threading.Event) -> None:
    for line in stream:
        lines.append(line)
        if " ready." in line:
            ready.set()


def _empty_redis_broker(broker_url: str) -> None:
    """Each test starts with an empty broker: a task the previous worker took but was killed
    before acknowledging (acks_late) would otherwise come back to this test's worker."""
    if broker_url.startswith("redis://"):
        import redis

        redis.Redis.from_url(broker_url).flushdb()


@dataclass
class Broker:
    """A broker for a test's workers. On the file system, workers find its folders through
    their VAR_DIR, so every worker of a test shares ``var_dir``."""

    url: str
    options: dict
    var_dir: Path


def start_worker(
    broker: Broker,
    *,
    smtp_sink: SmtpSink,
    pool: str = "solo",
    beat: bool = False,
    extra_env: dict | None = None,
) -> Worker:
    """Start ``celery worker`` in a subprocess and wait until it is ready.

    ``pool="prefork"`` runs tasks in one pool child (which a test may kill); ``beat`` embeds
    Celery beat, which sends the periodic tasks of the settings (the outbox's sweep).
    """
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lookingup.settings",
        "TESTING": "1",
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "DATABASE_URL": worker_database_url(),
        "CELERY_BROKER_URL": broker.url,
        "EMAIL_URL": smtp_sink.url,
        "VAR_DIR": str(broker.var_dir),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PYTHONUNBUFFERED": "1",
        **(extra_env or {}),
    }
    pool_options = ["--pool=solo"] if pool == "solo" else ["--pool=prefork", "--concurrency=1"]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lookingup",
            "worker",
            *pool_options,
            *(["--beat"] if beat else []),
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--hostname",
            f"test-{secrets.token_hex(4)}@%h",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        # Its own process group: killing the group stops the pool children too.
        start_new_session=True,
    )
    output: list[str] = []
    ready = threading.Event()
    threading.Thread(target=_read_output, args=(process.stdout, output, ready), daemon=True).start()
    started = time.monotonic()
    while not ready.wait(0.2):
        if process.poll() is not None or time.monotonic() - started > WORKER_START_TIMEOUT:
            process.kill()
            pytest.fail("The Celery worker did not start:\n" + "".join(output[-40:]))
    return Worker(process=process, env=env, output=output)


def pool_children(worker: Worker) -> list[int]:
    """The pids of the worker's child processes (its pool, with ``pool="prefork"``)."""
    pid = worker.process.pid
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(child) for child in children]


def stop_worker(worker: Worker) -> None:
    """SIGKILL the worker and its pool: what a crash or an OOM kill does. Its log is printed,
    so that pytest shows it when the test fails."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(worker.process.pid, signal.SIGKILL)
    worker.process.wait()
    print(f"--- worker {worker.process.pid} log (last lines)\n" + "".join(worker.output[-60:]))


@contextlib.contextmanager
def broker_for_test_process(broker: Broker):
    """Tasks queued by the test process go to ``broker`` instead of running eagerly."""
    saved = {
        key: celery_app.conf[key]
        for key in ("broker_url", "broker_transport_options", "task_always_eager")
    }
    # Celery prefers the CELERY_BROKER_URL variable to its configuration.
    saved_env = os.environ.get("CELERY_BROKER_URL")
    os.environ["CELERY_BROKER_URL"] = broker.url
    celery_app.conf.update(
        broker_url=broker.url,
        broker_transport_options=broker.options,
        task_always_eager=False,
    )
    _forget_connections()
    try:
        yield
    finally:
        celery_app.conf.update(saved)
        if saved_env is None:
            os.environ.pop("CELERY_BROKER_URL", None)
        else:
            os.environ["CELERY_BROKER_URL"] = saved_env
        _forget_connections()


@pytest.fixture
def celery_broker(tmp_path) -> Broker:
    """The broker of this test's workers, empty at the start and at the end."""
    var_dir = tmp_path / "var"
    broker_url, transport_options = worker_broker(var_dir)
    _empty_redis_broker(broker_url)
    yield Broker(broker_url, transport_options, var_dir)
    _empty_redis_broker(broker_url)


@pytest.fixture
def celery_worker(transactional_db, smtp_sink, celery_broker):
    worker = start_worker(celery_broker, smtp_sink=smtp_sink)
    try:
        with broker_for_test_process(celery_broker):
            yield worker
    finally:
        # The test is over and nothing is left to finish: a warm shutdown would only wait for
        # the broker's next poll.
        stop_worker(worker)


def _forget_connections() -> None:
    """Drop Celery's pooled broker connections so the next task uses the current broker."""
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
