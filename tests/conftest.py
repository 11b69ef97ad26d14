import os

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import translation

from tests.factories import ProgrammeFactory, UserFactory

# CI must not go green by skipping what it exists to run: with these flags (set by .ci/run;
# CI=true implies the browser one) a skipped test carrying the marker is reported as a failure.
REQUIRED_MARKERS = {
    "browser": os.environ.get("REQUIRE_BROWSER") == "1" or os.environ.get("CI") == "true",
    "postgres": os.environ.get("REQUIRE_POSTGRES") == "1",
    "redis": os.environ.get("CI") == "true",
}


def pytest_collection_modifyitems(config, items):
    if connection.vendor != "postgresql":
        skip = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://...")
        for item in items:
            if item.get_closest_marker("postgres"):
                item.add_marker(skip)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if not report.skipped:
        return
    required = [
        name for name, on in REQUIRED_MARKERS.items() if on and item.get_closest_marker(name)
    ]
    if required:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"{', '.join(required)} test skipped where it is required: {reason}"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached fragments and allauth's rate-limit counters never outlive a test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "protected"


@pytest.fixture(autouse=True)
def _english_in_tests():
    """Tests read and assert the English source strings: each starts in English.

    Requests still choose their language from the URL prefix (/it/, /fr/...), and emails from
    the recipient. Resetting afterwards stops a request's language leaking into the next test.
    """
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def alice(db):
    """A participant."""
    return UserFactory(email="alice@example.org", full_name="Alice Rossi")


@pytest.fixture
def bob(db):
    """Another participant."""
    return UserFactory(email="bob@example.org", full_name="Bob Martin", preferred_language="fr")


@pytest.fixture
def charlie(db):
    """A coordinator of another programme."""
    user = UserFactory(email="charlie@example.org", full_name="Charlie Dias", is_staff=True)
    ProgrammeFactory(title="Reti solidali e competenti", slug="reti-solidali").coordinators.add(
        user
    )
    return user


@pytest.fixture
def coordinator(db):
    """Staff user who coordinates the programmes a test adds them to."""
    return UserFactory(email="dana@example.org", full_name="Dana Coordinator", is_staff=True)


@pytest.fixture
def superuser(db):
    return UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)
