"""docker-compose.yml and the Dockerfile agree with the code (no Docker engine runs in CI)."""

import re
import shutil
import subprocess

import pytest
import yaml
from django.conf import settings

COMPOSE = settings.BASE_DIR / "docker-compose.yml"
DOCKERFILE = settings.BASE_DIR / "Dockerfile"
CADDYFILE = settings.BASE_DIR / "Caddyfile"
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

    assert set(services) == APP_SERVICES | {"db", "redis", "proxy"}
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
    assert set(compose["volumes"]) == {"db", "media", "protected", "caddy_data", "caddy_config"}
    assert "db:/var/lib/postgresql/data" in compose["services"]["db"]["volumes"]
    for name in APP_SERVICES:
        assert "media:/data/media" in compose["services"][name]["volumes"]
        assert "protected:/data/protected" in compose["services"][name]["volumes"]


# --- The proxy in front (issue 7, point 4): HTTPS, public media, X-Accel-Redirect


def caddy_blocks(text: str) -> dict[str, str]:
    """The Caddyfile's top-level ``matcher { ... }`` blocks and the directives inside them,
    with comments removed; fails on unbalanced braces."""
    lines = [line.split("#", 1)[0].rstrip() for line in text.splitlines()]
    body = "\n".join(line for line in lines if line.strip())
    depth = 0
    for char in body:
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0, "a closing brace without an opening one"
    assert depth == 0, "unbalanced braces"
    return dict(re.findall(r"^(\S.*?) \{\n(.*?)^\}", body, re.M | re.S))


@pytest.fixture(scope="module")
def site_block() -> str:
    blocks = caddy_blocks(CADDYFILE.read_text())
    assert list(blocks) == ["{$SITE_ADDRESS:localhost}"]
    return blocks["{$SITE_ADDRESS:localhost}"]


def test_compose_runs_the_proxy_as_the_only_way_in(compose):
    services = compose["services"]
    proxy = services["proxy"]

    assert proxy["image"].startswith("caddy:")
    assert {"${HTTP_PORT:-80}:80", "${HTTPS_PORT:-443}:443"} <= set(proxy["ports"])
    assert "ports" not in services["web"]
    assert proxy["depends_on"]["web"]["condition"] == "service_healthy"
    assert "./Caddyfile:/etc/caddy/Caddyfile:ro" in proxy["volumes"]


def test_proxy_reads_the_media_the_app_writes(compose):
    proxy_volumes = compose["services"]["proxy"]["volumes"]
    web = compose["services"]["web"]

    assert "media:/data/media:ro" in proxy_volumes
    assert "protected:/data/protected:ro" in proxy_volumes
    assert web["environment"]["MEDIA_ROOT"] == "/data/media"
    assert web["environment"]["PRIVATE_MEDIA_ROOT"] == "/data/protected"
    assert web["environment"]["PRIVATE_MEDIA_SERVING"] == "proxy"


def test_caddyfile_forwards_to_the_web_service_port(compose, site_block):
    gunicorn_bind = compose["services"]["web"]["command"][3]

    assert gunicorn_bind == "0.0.0.0:8000"
    assert re.search(r"^\s*reverse_proxy web:8000 \{$", site_block, re.M)


def test_caddyfile_serves_public_media_from_the_media_volume(site_block):
    match = re.search(r"handle_path (\S+) \{(.*?)\n\t\}", site_block, re.S)

    assert match.group(1) == settings.MEDIA_URL + "*"
    assert "root * /data/media" in match.group(2)
    assert "file_server" in match.group(2)
    assert "nosniff" in match.group(2)


def test_caddyfile_sends_private_files_only_on_x_accel_redirect(site_block):
    internal = settings.PRIVATE_MEDIA_INTERNAL_URL

    # Direct requests to the internal prefix answer 404 ...
    assert re.search(rf"handle {re.escape(internal)}\* \{{\s*respond 404\s*\}}", site_block)
    # ... and the answer of Django's view is replaced with the file, from the directory whose
    # sub-directory the internal prefix names (root /data + /protected/ = /data/protected).
    handler = re.search(r"handle_response @accel \{(.*?)\n\t\t\t\}", site_block, re.S).group(1)
    assert "@accel header X-Accel-Redirect *" in site_block
    assert "root * /data" in handler
    assert "rewrite * {rp.header.X-Accel-Redirect}" in handler
    assert "Content-Disposition {rp.header.Content-Disposition}" in handler
    assert "/data" + internal.rstrip("/") == "/data/protected"


def test_caddyfile_accepts_bodies_a_little_above_the_upload_limit(site_block):
    size = re.search(r"max_size (\d+)MB", site_block).group(1)

    assert int(size) * 1024 * 1024 > settings.UPLOAD_MAX_BYTES


@pytest.mark.skipif(shutil.which("caddy") is None, reason="caddy is not installed")
def test_caddy_itself_accepts_the_caddyfile(tmp_path):
    result = subprocess.run(
        ["caddy", "adapt", "--config", str(CADDYFILE), "--adapter", "caddyfile"],
        capture_output=True,
        text=True,
        env={"SITE_ADDRESS": "lookingup.example.org", "HOME": str(tmp_path)},
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert '"X-Accel-Redirect"' in result.stdout


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
