"""Error pages render in the visitor's language, with the site around them, never a bare 500."""

import re

import pytest
from django.test import Client


def _html_lang(response) -> str:
    return re.search(r'<html lang="([a-z-]+)"', response.content.decode()).group(1)


@pytest.mark.parametrize("language", ["it", "en", "fr", "pt"])
def test_page_not_found_renders_in_the_language_of_the_url(client, db, language):
    response = client.get(f"/{language}/no-such-page/")

    assert response.status_code == 404
    assert _html_lang(response) == language
    assert [t.name for t in response.templates][0] == "errors/404.html"
    assert f'href="/{language}/"' in response.content.decode()


@pytest.mark.urls("tests.lookingup.urls_errors")
def test_permission_denied_renders_the_403_page(client, db):
    response = client.get("/forbidden/", HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 403
    assert [t.name for t in response.templates][0] == "errors/403.html"
    assert _html_lang(response) == "fr"


@pytest.mark.urls("tests.lookingup.urls_errors")
def test_server_error_renders_the_500_page(db):
    client = Client(raise_request_exception=False)

    response = client.get("/broken/", HTTP_ACCEPT_LANGUAGE="pt")

    assert response.status_code == 500
    assert [t.name for t in response.templates][0] == "errors/500.html"
    assert _html_lang(response) == "pt"


def test_csrf_failure_renders_the_expired_form_page(db):
    client = Client(enforce_csrf_checks=True)

    response = client.post("/i18n/setlang/", {"language": "fr"}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 403
    assert [t.name for t in response.templates][0] == "errors/403_csrf.html"
    assert _html_lang(response) == "en"


def test_bad_request_handler_renders_the_400_page(rf, db):
    from lookingup.views import bad_request

    response = bad_request(rf.get("/"))

    assert response.status_code == 400
    assert b"<main" in response.content
