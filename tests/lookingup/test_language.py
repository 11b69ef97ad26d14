"""Every page lives under a language prefix; the switch keeps the visitor on the same page."""

import re
from pathlib import Path

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
