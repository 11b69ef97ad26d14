"""docker-compose.yml and the Dockerfile agree with the code (no Docker engine runs in CI)."""

import re

import pytest
import yaml
from django.conf import settings

COMPOSE = settings.BASE_DIR / "docker-compose.yml"
DOCKERFILE = settings.BASE_DIR / "Dockerfile"
APP_SERVICES = {"migrate", "web", "worker", "beat"}


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def variables_read_by_settings() -> set[str]:
    source = (settings.BASE_DIR / "lookingup" / "settings.py").read_text()
    names = set(re.findall(r'\benv(?:_bool|_int|_list)?\(\s*"([A-Z0-9_]+)"', source))
    names |= set(re.findall(r'os\.environ\.get\(\s*"([A-Z0-9_]+)"', source))
    # env() reads NAME_FILE for every NAME (Docker secrets).
    return names | {f"{name}_FILE" for name in names}


def test_settings_variables_are_found():
    names = variables_read_by_settings()

    assert {"SECRET_KEY", "SECRET_KEY_FILE", "DATABASE_URL", "CELERY_BROKER_URL"} <= names
    assert "VAR_DIR" in names


def test_compose_runs_web_worker_beat_database_and_redis(compose):
    services = compose["services"]

    assert set(services) == APP_SERVICES | {"db", "redis"}
    assert services["web"]["command"][0] == "gunicorn"
    assert services["worker"]["command"][:4] == ["celery", "-A", "lookingup", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "lookingup", "beat"]
    assert services["db"]["image"].startswith("postgres:")
    assert services["redis"]["image"].startswith("redis:")


def test_compose_services_have_health_checks(compose):
    services = compose["services"]

    assert "/healthz" in " ".join(services["web"]["healthcheck"]["test"])
    assert "pg_isready" in " ".join(services["db"]["healthcheck"]["test"])
    assert services["redis"]["healthcheck"]["test"][-2:] == ["redis-cli", "ping"]


def test_compose_app_services_wait_for_healthy_database_and_redis(compose):
    for name in APP_SERVICES:
        depends_on = compose["services"][name]["depends_on"]
        assert depends_on["db"]["condition"] == "service_healthy"
        assert depends_on["redis"]["condition"] == "service_healthy"
    assert (
        compose["services"]["web"]["depends_on"]["migrate"]["condition"]
        == "service_completed_successfully"
    )


def test_compose_keeps_database_and_media_in_named_volumes(compose):
    assert set(compose["volumes"]) == {"db", "media"}
    assert "db:/var/lib/postgresql/data" in compose["services"]["db"]["volumes"]
    for name in APP_SERVICES:
        assert "media:/data/media" in compose["services"][name]["volumes"]


def test_compose_sets_only_variables_that_settings_read(compose):
    known = variables_read_by_settings()

    for name in APP_SERVICES:
        environment = compose["services"][name]["environment"]
        assert set(environment) - known == set(), name
        assert environment["SECRET_KEY"].startswith("${SECRET_KEY:?"), "no default secret"
        assert environment["DATABASE_URL"].startswith("postgres://")
        assert environment["CELERY_BROKER_URL"].startswith("redis://")


def test_dockerfile_builds_a_non_root_gunicorn_image():
    dockerfile = DOCKERFILE.read_text()

    assert re.search(r"^FROM python:3\.11-slim$", dockerfile, re.M)
    assert "libpango-1.0-0" in dockerfile
    assert re.search(r"^USER lookingup$", dockerfile, re.M)
    assert "pip install ." in dockerfile
    assert "collectstatic" in dockerfile
    assert "compiletranslations" in dockerfile
    assert '"gunicorn", "lookingup.wsgi"' in dockerfile


def test_dockerfile_sets_only_variables_that_settings_or_python_read():
    dockerfile = DOCKERFILE.read_text()
    env_block = re.search(r"^ENV (.+?)\n\n", dockerfile, re.M | re.S).group(1)
    names = set(re.findall(r"([A-Z][A-Z0-9_]+)=", env_block))
    python_and_pip = {
        "PYTHONDONTWRITEBYTECODE",
        "PYTHONUNBUFFERED",
        "PYTHONPATH",
        "PIP_NO_CACHE_DIR",
        "PIP_DISABLE_PIP_VERSION_CHECK",
    }

    assert names - python_and_pip <= variables_read_by_settings()
