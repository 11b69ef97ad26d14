"""The people of the library's tests: alice and bob (participants), the partner Paula, dana
(coordinator, reviewer of the Futuro.coop programme), charlie (coordinator of another
programme), and the superuser."""

import pytest
from django.conf import settings
from django.utils import timezone

from goodpractices.taxonomy import ensure_themes
from tests.factories import OrganisationFactory, PartnershipFactory, ProgrammeFactory, UserFactory
from tests.goodpractices.factories import CallFactory, PartnerAccessFactory


@pytest.fixture
def futuro(coordinator):
    """Futuro.coop (Legacoopsociali): the programme that runs the calls; dana coordinates."""
    programme = ProgrammeFactory(
        title="Futuro.coop", slug="futuro-coop", original_language="it", languages=["it"]
    )
    programme.coordinators.add(coordinator)
    return programme


@pytest.fixture
def call(futuro):
    return CallFactory(programme=futuro, title="Call: social innovation in care")


@pytest.fixture
def themes(db):
    """The seeded taxonomy (put back when a transactional test has flushed it)."""
    return ensure_themes()


@pytest.fixture
def partner(futuro):
    """Paula, of a partner organisation of Futuro.coop with partner access."""
    organisation = OrganisationFactory(name="Legacoopsociali", country="IT")
    PartnershipFactory(programme=futuro, organisation=organisation)
    PartnerAccessFactory(programme=futuro, organisation=organisation)
    return UserFactory(
        email="paula@example.org",
        full_name="Paula Ferreira",
        organisation=organisation,
        preferred_language="pt",
        privacy_consent_version=settings.PRIVACY_NOTICE_VERSION,
        privacy_consent_at=timezone.now(),
    )
