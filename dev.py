#!/usr/bin/env python3
"""The two commands a developer needs, with nothing but Python 3.11+ installed.

    python3 dev.py up     # the demo site on http://127.0.0.1:8000 with a Celery worker and beat
    python3 dev.py test   # the whole test suite; extra arguments go to pytest

Both create ``.venv`` and install the project into it on first use (again whenever
pyproject.toml changes), then run inside it. Everything lives under the git-ignored ``var/``:
a SQLite database, Celery's file-system broker, and mail written to files in ``var/mail/``.
"""

import argparse
import contextlib
import hashlib
import os
import signal
import socket
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".lookingup-installed"

DEMO_EMAIL = "admin@lookingup.test"
COORDINATOR_EMAIL = "coordinator@lookingup.test"
DEMO_PASSWORD = "lookingup-demo"  # noqa: S105 - the documented demo account, never production


def say(message: str) -> None:
    print(f"==> {message}", flush=True)


# --- The virtual environment
def _requirements_digest() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_venv() -> None:
    """Create .venv and install the project with its dev extras when missing or stale."""
    if not PYTHON.exists():
        say(f"Creating {VENV.relative_to(ROOT)}")
        try:
            venv.create(VENV, with_pip=True)
        except (subprocess.CalledProcessError, OSError) as error:
            sys.exit(
                f"Could not create {VENV}: {error}\n"
                "On Debian or Ubuntu, install the venv module first: apt-get install python3-venv"
            )
    digest = _requirements_digest()
    if STAMP.exists() and STAMP.read_text().strip() == digest:
        return
    say('Installing the project and its dev tools (pip install -e ".[dev]")')
    subprocess.run(
        [
            str(PYTHON),
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "--quiet",
            "-e",
            ".[dev]",
        ],
        cwd=ROOT,
        check=True,
    )
    STAMP.write_text(digest + "\n")


def in_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


# --- dev.py up
def prepare_database() -> None:
    """Migrate, compile the translations and load the demo data, in this process."""
    import django
    from django.core.management import call_command, get_commands

    django.setup()
    say("Migrating the database")
    call_command("migrate", interactive=False, verbosity=0)
    say("Compiling translations")
    call_command("compiletranslations", verbosity=0)
    if "load_demo" in get_commands():
        say("Loading the demo data")
        call_command("load_demo")
    else:
        say("No load_demo command yet: the site starts empty")


def start(name: str, command: list[str]) -> subprocess.Popen:
    # Each child leads its own process group, so stopping it also stops what it spawned
    # (runserver's autoreloader, Celery's pool).
    process = subprocess.Popen(command, cwd=ROOT, start_new_session=True)
    say(f"Started {name} (pid {process.pid})")
    return process


def stop(processes: dict[str, subprocess.Popen]) -> None:
    for process in processes.values():
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + 10
    for process in processes.values():
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def up(args: argparse.Namespace) -> int:
    if not port_is_free(args.port):
        say(f"Port {args.port} is in use: stop what runs there, or pass --port {args.port + 1}")
        return 1
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lookingup.settings")
    os.environ.setdefault("SITE_URL", f"http://127.0.0.1:{args.port}")
    # Mail shows up in var/mail/ within seconds rather than the production minutes.
    os.environ.setdefault("OUTBOX_SWEEP_SECONDS", "15")
    os.environ.setdefault("REMINDER_SCAN_SECONDS", "30")
    prepare_database()
    python = sys.executable
    processes = {
        "web": start("web", [python, "manage.py", "runserver", f"127.0.0.1:{args.port}"]),
        "worker": start(
            "Celery worker",
            [python, "-m", "celery", "-A", "lookingup", "worker", "--pool=solo", "--loglevel=INFO"],
        ),
        "beat": start(
            "Celery beat", [python, "-m", "celery", "-A", "lookingup", "beat", "--loglevel=INFO"]
        ),
    }
    print(
        f"\n  LOOKING UP runs on http://127.0.0.1:{args.port}/\n"
        f"  Demo accounts: {DEMO_EMAIL} (superuser) and {COORDINATOR_EMAIL} (coordinator),\n"
        f"  password {DEMO_PASSWORD}. Administration: http://127.0.0.1:{args.port}/it/admin/\n"
        "  Emails are written to var/mail/. Press Ctrl+C to stop everything.\n",
        flush=True,
    )

    def _terminate(signum, frame):
        raise KeyboardInterrupt

    # Also SIGINT: a shell starting dev.py in the background may have told it to ignore Ctrl+C.
    signal.signal(signal.SIGINT, _terminate)
    signal.signal(signal.SIGTERM, _terminate)
    exit_code = 0
    try:
        while True:
            for name, process in processes.items():
                if process.poll() is not None:
                    say(f"{name} stopped (exit code {process.returncode}): stopping the rest")
                    exit_code = process.returncode or 1
                    raise KeyboardInterrupt
            time.sleep(0.5)
    except KeyboardInterrupt:
        say("Stopping")
    finally:
        stop(processes)
    return exit_code


# --- dev.py test
def test(pytest_args: list[str]) -> int:
    return subprocess.run([sys.executable, "-m", "pytest", *pytest_args], cwd=ROOT).returncode


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="dev.py", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    up_parser = commands.add_parser("up", help="run the demo site, a Celery worker and beat")
    up_parser.add_argument("--port", type=int, default=8000)
    commands.add_parser("test", help="run the test suite (extra arguments go to pytest)")
    # Everything after "test" belongs to pytest, "-h" included.
    args = parser.parse_args(argv[:1] if argv[:1] == ["test"] else argv)

    if not in_venv():
        ensure_venv()
        # Continue inside the venv, where Django and the project are importable.
        os.execv(str(PYTHON), [str(PYTHON), str(Path(__file__).resolve()), *argv])  # noqa: S606

    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    if args.command == "up":
        return up(args)
    return test(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
