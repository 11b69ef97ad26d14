import pytest

from tests.factories import ProgrammeFactory, UserFactory


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


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
