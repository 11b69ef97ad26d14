"""WCAG 2.1 AA checks by axe-core, in Chromium, on the demo data, in the four languages."""

import pytest
from django.core.management import call_command
from django.test import Client

from goodpractices.models import Call
from participants.models import User
from programmes.models import Programme
from sessions_app.models import Session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["it", "en", "fr", "pt"]
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture
def demo(transactional_db, settings):
    settings.MAP_TILE_URL = ""  # no network: the map page draws without tiles
    call_command("load_demo", verbosity=0)
    second_edition = Programme.objects.get(slug="looking-up-second-edition")
    return {
        "programme": Programme.objects.get(slug="looking-up"),
        "session": Session.objects.filter(programme=second_edition).order_by("starts_at").first(),
        "call": Call.objects.open().get(programme__slug="looking-up"),
    }


def violations(page, path: str) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    response = page.goto(path)
    assert response is not None and response.status < 500, path
    results = Axe().run(page, options=WCAG_AA)
    return [
        f"{path}: {violation['id']} ({violation['impact']}) at {node['target']}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_have_no_accessibility_violations(page, demo, language):
    paths = [
        "/",
        "/programmes/",
        f"/programmes/{demo['programme'].slug}/",
        "/sessions/",
        "/sessions/?language=fr&page=2",
        f"/sessions/{demo['session'].pk}/",
        "/good-practices/",
        "/good-practices/?q=cooperativa&theme=networking-community-economies&sort=title",
        "/good-practices/coopcycle/",
        "/good-practices/rome-local-food-policy-councils/",
        "/good-practices/map/",
        "/good-practices/calls/",
        f"/good-practices/calls/{demo['call'].pk}/",
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/me/privacy/",
        "/no-such-page/",
    ]

    found = [problem for path in paths for problem in violations(page, f"/{language}{path}")]

    assert found == []


def test_my_space_has_no_accessibility_violations(page, demo, live_server):
    user = User.objects.get(email="coordinator@lookingup.test")
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )

    found = [
        problem
        for path in (
            "/en/me/",
            "/fr/me/profile/",
            "/pt/me/privacy/delete/",
            f"/it/good-practices/calls/{demo['call'].pk}/submit/",
            "/en/good-practices/review/",
        )
        for problem in violations(page, path)
    ]

    assert found == []


def test_the_checker_reports_an_unlabelled_field(page):
    # Guards the tests above against passing vacuously.
    from axe_playwright_python.sync_playwright import Axe

    page.set_content('<html lang="en"><title>t</title><main><input type="text"></main></html>')

    results = Axe().run(page, options=WCAG_AA)

    assert [violation["id"] for violation in results.response["violations"]] == ["label"]
