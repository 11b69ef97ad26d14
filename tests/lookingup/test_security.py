"""Production settings hold: Django's deploy checks pass, and the CSP forbids inline code."""

import os
import secrets
import subprocess
import sys

from django.conf import settings


def _production_env(tmp_path, **overrides) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "TESTING",
            "DEBUG",
            "CELERY_TASK_ALWAYS_EAGER",
            "SECRET_KEY",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="lookingup.example.org",
        SITE_URL="https://lookingup.example.org",
        VAR_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="lookingup.settings",
    )
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}


def _manage(*args, env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_checks_pass_under_production_settings(tmp_path):
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=_production_env(tmp_path))

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    result = _manage("check", env=_production_env(tmp_path, SECRET_KEY=None))

    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


def test_secret_key_is_read_from_a_file(tmp_path):
    key_file = tmp_path / "secret_key"
    key_file.write_text(secrets.token_urlsafe(50) + "\n")

    result = _manage(
        "check", env=_production_env(tmp_path, SECRET_KEY=None, SECRET_KEY_FILE=str(key_file))
    )

    assert result.returncode == 0, result.stderr


def test_pages_carry_a_content_security_policy_without_inline_code(client, db):
    response = client.get("/it/")

    policy = response["Content-Security-Policy"]
    directives = dict(
        (part.split(" ", 1) + [""])[:2] for part in (p.strip() for p in policy.split(";")) if part
    )
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_pages_forbid_framing_and_sniffing(client, db):
    response = client.get("/it/")

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
