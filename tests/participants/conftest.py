import datetime as dt

import pytest
from django.conf import settings
from django.utils import timezone

from tests.factories import CohortFactory, ProgrammeFactory


def _with_profile(user, **extra):
    user.organisation_kind = extra.get("organisation_kind", "cooperative")
    user.role = "worker"
    user.country = extra.get("country", "IT")
    user.privacy_consent_version = settings.PRIVACY_NOTICE_VERSION
    user.privacy_consent_at = timezone.now()
    user.save()
    return user


@pytest.fixture
def alice(alice):
    """A participant who signed up through the form (profile and consent)."""
    return _with_profile(alice)


@pytest.fixture
def bob(bob):
    """Another participant, French-speaking, from an association in France."""
    return _with_profile(bob, organisation_kind="association", country="FR")


@pytest.fixture
def programme(coordinator):
    """Reti solidali e competenti, open, starting in ten days, coordinated by ``coordinator``."""
    today = timezone.localdate()
    programme = ProgrammeFactory(
        title="Reti solidali e competenti 2025",
        original_language="it",
        start_date=today + dt.timedelta(days=10),
        end_date=today + dt.timedelta(days=200),
        cancellation_notice_hours=48,
    )
    programme.coordinators.add(coordinator)
    return programme


@pytest.fixture
def cohort(programme):
    """The northern hub, two seats."""
    return CohortFactory(programme=programme, name="Hub Nord", capacity=2)
