"""Real services for integration tests: an SMTP sink and a Celery worker in a subprocess.

Use them together to test an email end to end::

    def test_something_sends_mail(celery_worker, smtp_sink):
        do_something()                      # queues a task, as in production
        [message] = smtp_sink.wait_for(1)   # the worker rendered and sent it

While ``celery_worker`` is active, tasks queued from the test process (``task.delay()``,
``queue_email``) go to the worker's broker instead of running eagerly. Tests must commit what the
worker reads, hence ``transactional_db``.
"""

import email
import email.policy
import os
import secrets
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
    """What an aiosmtpd server on 127.0.0.1 received, as parsed messages."""

    port: int
    messages: list = field(default_factory=list)
    _received: threading.Condition = field(default_factory=threading.Condition)

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._received:
            self.messages.append(message)
            self._received.notify_all()
        return "250 Message accepted for delivery"

    def wait_for(self, count: int, timeout: float = 30) -> list:
        with self._received:
            if not self._received.wait_for(lambda: len(self.messages) >= count, timeout):
                raise AssertionError(
                    f"The SMTP sink received {len(self.messages)} message(s), expected {count}"
                )
            return list(self.messages)


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


@pytest.fixture
def celery_worker(transactional_db, smtp_sink, tmp_path, monkeypatch):
    var_dir = tmp_path / "var"
    broker_url, transport_options = worker_broker(var_dir)
    _empty_redis_broker(broker_url)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lookingup.settings",
        "TESTING": "1",
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "DATABASE_URL": worker_database_url(),
        "CELERY_BROKER_URL": broker_url,
        "EMAIL_URL": smtp_sink.url,
        "VAR_DIR": str(var_dir),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PYTHONUNBUFFERED": "1",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lookingup",
            "worker",
            "--pool=solo",
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
    )
    output: list[str] = []
    ready = threading.Event()
    threading.Thread(target=_read_output, args=(process.stdout, output, ready), daemon=True).start()
    started = time.monotonic()
    while not ready.wait(0.2):
        if process.poll() is not None or time.monotonic() - started > WORKER_START_TIMEOUT:
            process.kill()
            pytest.fail("The Celery worker did not start:\n" + "".join(output[-40:]))

    saved = {
        key: celery_app.conf[key]
        for key in ("broker_url", "broker_transport_options", "task_always_eager")
    }
    # Celery prefers the CELERY_BROKER_URL variable to its configuration.
    monkeypatch.setenv("CELERY_BROKER_URL", broker_url)
    celery_app.conf.update(
        broker_url=broker_url,
        broker_transport_options=transport_options,
        task_always_eager=False,
    )
    _forget_connections()
    try:
        yield Worker(process=process, env=env, output=output)
    finally:
        celery_app.conf.update(saved)
        _forget_connections()
        # The test is over and nothing is left to finish: a warm shutdown would only wait for
        # the broker's next poll.
        process.kill()
        process.wait()
        _empty_redis_broker(broker_url)


def _forget_connections() -> None:
    """Drop Celery's pooled broker connections so the next task uses the current broker."""
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
