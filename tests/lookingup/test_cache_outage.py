"""REDIS_URL points at a Redis that does not answer: readiness says so, public and personal
pages are served without the cache, and signing in pauses with a clear page."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import ParticipantFactory, ProgrammeFactory, SessionFactory
from tests.integration.conftest import free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def dead_cache(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "lookingup.cache_backends.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/1",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }


def test_readyz_answers_503_when_the_cache_is_down(client, dead_cache):
    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json() == {"database": "ok", "broker": "ok", "cache": "error"}


def test_public_pages_are_served_uncached_when_the_cache_is_down(client, dead_cache):
    session = SessionFactory(programme=ProgrammeFactory(slug="looking-up"))

    pages = [
        reverse("home"),
        reverse("programmes:list"),
        reverse("programmes:detail", kwargs={"slug": "looking-up"}),
        reverse("sessions_app:list"),
        reverse("sessions_app:list") + "?city=Firenze",
        reverse("sessions_app:detail", kwargs={"pk": session.pk}),
        reverse("account_login"),
    ]

    assert {page: client.get(page).status_code for page in pages} == dict.fromkeys(pages, 200)


def test_my_space_works_when_the_cache_is_down(client, dead_cache):
    client.force_login(ParticipantFactory())

    assert client.get(reverse("participants:dashboard")).status_code == 200


def test_sign_in_pauses_with_a_clear_page_in_the_visitors_language(client, dead_cache):
    ParticipantFactory(email="anna@example.org")
    with translation.override("fr"):
        url = reverse("account_login")
        expected = translation.gettext("Briefly unavailable")

    response = client.post(url, {"login": "anna@example.org", "password": "wrong"})

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert expected in response.content.decode()
