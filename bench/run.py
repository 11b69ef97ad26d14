"""Benchmarks against the real stack: gunicorn, production settings, 2,000 sessions.

    .venv/bin/python bench/run.py [--requests 200] [--warmup 20] [--only NAME]

Uses its own SQLite database under var/bench/ (or DATABASE_URL), seeds it, starts gunicorn on a
free port of 127.0.0.1 and prints, for each benchmark, the median time of sequential requests
and its ratio to /healthz measured alongside it (in alternating rounds, so that a machine
busy with other work slows both alike). Target: every ratio at most 10.
Add a benchmark as a module in bench/benchmarks/ defining ``benchmarks(data)``.
"""

import argparse
import importlib
import os
import pkgutil
import secrets
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.runner import Benchmark, Server, median_ms  # noqa: E402

VAR = ROOT / "var" / "bench"
ROUNDS = 5  # a GET benchmark alternates with /healthz in this many rounds
ROUND_WARMUP = 3  # requests on each round's new connection before measuring


def production_environment() -> dict:
    """Production-like: DEBUG off, a throwaway key, plain HTTP on loopback."""
    VAR.mkdir(parents=True, exist_ok=True)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"TESTING", "DEBUG", "CELERY_TASK_ALWAYS_EAGER"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="lookingup.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        SECURE_HSTS_SECONDS="0",
        VAR_DIR=str(VAR),
        STATIC_ROOT=str(VAR / "static"),
        EMAIL_URL=f"file://{VAR / 'mail'}",
        LOG_LEVEL="WARNING",
    )
    env.setdefault("DATABASE_URL", f"sqlite:///{VAR / 'bench.sqlite3'}")
    return env


def prepare_database(env: dict):
    os.environ.update(env)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    from django.db import connection

    from bench.seed import seed

    data = seed()
    if connection.vendor == "postgresql":
        # Each run deletes and writes the sessions again: without this, the tables fill with
        # dead rows that every scan reads, and the figures drift from run to run.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return data


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env: dict, port: int, workers: int) -> subprocess.Popen:
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
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"gunicorn exited with code {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    sys.exit("gunicorn did not start within 60 seconds")


def measure_against_healthz(
    benchmark: Benchmark, healthz: Benchmark, server: Server, *, requests: int, warmup: int
) -> tuple[list[float], list[float]]:
    """Durations of ``benchmark`` and of /healthz measured alongside it.

    On a shared machine the load drifts over a run: a baseline taken once at the start makes
    the later ratios depend on what else ran meanwhile. So a plain GET benchmark runs in
    rounds that alternate with rounds of /healthz, and any other shape has /healthz measured
    right before and right after it.
    """
    if benchmark.measure is not None:
        before = healthz.run(server, requests=requests, warmup=warmup)
        durations = benchmark.run(server, requests=requests, warmup=warmup)
        after = healthz.run(server, requests=requests, warmup=warmup)
        return durations, before + after
    durations, baseline = [], []
    per_round = max(1, requests // ROUNDS)
    for number in range(ROUNDS):
        round_warmup = warmup if number == 0 else ROUND_WARMUP
        durations += benchmark.run(server, requests=per_round, warmup=round_warmup)
        baseline += healthz.run(server, requests=per_round, warmup=round_warmup)
    return durations, baseline


def discover(data) -> list[Benchmark]:
    import bench.benchmarks

    found = []
    names = sorted(module.name for module in pkgutil.iter_modules(bench.benchmarks.__path__))
    for name in names:
        module = importlib.import_module(f"bench.benchmarks.{name}")
        found.extend(module.benchmarks(data))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200, help="measured requests each")
    parser.add_argument("--warmup", type=int, default=20, help="requests before measuring")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--only", help="run only the benchmarks whose name contains this")
    parser.add_argument("--fresh", action="store_true", help="start from an empty database")
    args = parser.parse_args()

    env = production_environment()
    if args.fresh and env["DATABASE_URL"].startswith("sqlite:"):
        shutil.rmtree(VAR, ignore_errors=True)
        env = production_environment()
    print(f"Database: {env['DATABASE_URL']}", flush=True)
    started = time.monotonic()
    data = prepare_database(env)
    print(
        f"Seeded {len(data.programme_slugs)} programmes and {len(data.session_ids)} sessions "
        f"in {time.monotonic() - started:.1f} s",
        flush=True,
    )
    benchmarks = discover(data)
    if args.only:
        benchmarks = [b for b in benchmarks if args.only.lower() in b.name.lower()]

    port = free_port()
    server_process = start_gunicorn(env, port, args.workers)
    server = Server("127.0.0.1", port)
    failures = 0
    try:
        healthz = Benchmark("/healthz", "/healthz")
        baseline = median_ms(healthz.run(server, requests=args.requests, warmup=args.warmup))
        print(f"\n{'benchmark':<40} {'median ms':>10} {'/healthz ms':>12} {'× /healthz':>11}")
        print(f"{'/healthz':<40} {baseline:>10.2f} {baseline:>12.2f} {1:>11.1f}")
        for benchmark in benchmarks:
            durations, healthz_durations = measure_against_healthz(
                benchmark, healthz, server, requests=args.requests, warmup=args.warmup
            )
            median, healthz_median = median_ms(durations), median_ms(healthz_durations)
            ratio = median / healthz_median
            over = ratio > benchmark.target_ratio
            failures += over
            flag = f"  over the {benchmark.target_ratio:g}× target" if over else ""
            columns = f"{median:>10.2f} {healthz_median:>12.2f} {ratio:>11.1f}"
            print(f"{benchmark.name:<40} {columns}{flag}", flush=True)
    finally:
        server_process.terminate()
        server_process.wait(timeout=30)
    print(
        f"\n{args.requests} requests each after {args.warmup} warm-up, "
        f"{args.workers} gunicorn workers."
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
