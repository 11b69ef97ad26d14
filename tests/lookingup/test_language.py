"""Every page lives under a language prefix; the switch keeps the visitor on the same page."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from tests.factories import ProgrammeFactory, SessionFactory


def test_root_redirects_to_the_default_language(client, db):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/it/"


def test_root_redirects_to_the_browser_language(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9,en;q=0.5")

    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_unprefixed_page_redirects_to_the_prefixed_one(client, db):
    response = client.get("/programmes/", HTTP_ACCEPT_LANGUAGE="pt")

    assert response.status_code == 302
    assert response["Location"] == "/pt/programmes/"


def test_language_switch_redirects_to_the_same_page_in_the_new_language(client, db):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/it/programmes/"})

    assert response.status_code == 302
    assert response["Location"] == "/fr/programmes/"
    assert response.cookies["django_language"].value == "fr"


@pytest.mark.parametrize("browser", ["it", "en", "fr", "pt"])
@pytest.mark.parametrize("target", ["it", "en", "fr", "pt"])
def test_language_switch_works_whatever_the_browser_language(client, db, browser, target):
    # The page is in a third language, neither the browser's nor the target (when possible).
    page = next(code for code in ["fr", "en", "it", "pt"] if code not in {browser, target})

    response = client.post(
        "/i18n/setlang/",
        {"language": target, "next": f"/{page}/programmes/?when=past"},
        HTTP_ACCEPT_LANGUAGE=browser,
    )

    assert response.status_code == 302
    assert response["Location"] == f"/{target}/programmes/?when=past"


def test_language_switch_ignores_a_language_cookie_unlike_the_page(client, db):
    client.cookies["django_language"] = "en"

    response = client.post("/i18n/setlang/", {"language": "it", "next": "/pt/sessions/"})

    assert response["Location"] == "/it/sessions/"


def test_language_switch_without_next_uses_the_referring_page(client, db):
    response = client.post(
        "/i18n/setlang/",
        {"language": "en"},
        HTTP_ACCEPT_LANGUAGE="it",
        HTTP_REFERER="http://testserver/fr/programmes/",
    )

    assert response["Location"] == "http://testserver/en/programmes/"


def test_language_switch_saves_the_preferred_language_of_a_signed_in_user(client, alice):
    client.force_login(alice)

    response = client.post("/i18n/setlang/", {"language": "pt", "next": "/it/"})

    alice.refresh_from_db()
    assert response["Location"] == "/pt/"
    assert alice.preferred_language == "pt"


def test_language_switch_ignores_an_unknown_language(client, alice):
    client.force_login(alice)

    response = client.post("/i18n/setlang/", {"language": "xx", "next": "/it/"})

    alice.refresh_from_db()
    assert response.status_code == 302
    assert alice.preferred_language == "it"


def test_language_switch_refuses_get(client, db):
    response = client.get("/i18n/setlang/?language=fr")

    assert response.status_code == 405


def test_home_page_and_its_css_weigh_at_most_150_kb(client, db):
    programme = ProgrammeFactory(title="LOOKING UP")
    SessionFactory.create_batch(8, programme=programme)
    ProgrammeFactory.create_batch(6)

    response = client.get("/it/")

    html = response.content.decode()
    assets = re.findall(r'<link rel="stylesheet" href="/static/([^"]+)"', html)
    assets += re.findall(r'<script[^>]+src="/static/([^"]+)"', html)
    weight = len(response.content) + sum(
        Path(finders.find(asset)).stat().st_size for asset in assets
    )
    assert response.status_code == 200
    assert "css/site.css" in assets
    assert weight <= 150 * 1024
