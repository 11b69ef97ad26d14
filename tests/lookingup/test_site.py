"""The site's name and domain come from the settings, in every allauth email and page."""

import pytest
from django.contrib.sites.models import Site
from django.core import mail

from lookingup.site import sync_site

pytestmark = pytest.mark.django_db

SIGNUP = {
    "full_name": "Camille Martin",
    "email": "camille@ufisc.example",
    "password1": "a long and unusual passphrase 42",
    "password2": "a long and unusual passphrase 42",
    "new_organisation": "UFISC",
    "organisation_kind": "network",
    "role": "manager",
    "country": "FR",
    "preferred_language": "fr",
    "privacy_consent": "on",
}


def test_migrate_writes_the_site_name_and_domain_from_the_settings(settings):
    site = Site.objects.get(pk=settings.SITE_ID)

    assert (site.name, site.domain) == ("LOOKING UP", "127.0.0.1:8000")


def test_sync_site_follows_changed_settings(settings):
    settings.SITE_NAME = "LOOKING UP – Trentino"
    settings.SITE_URL = "https://formazione.example.org"

    sync_site()

    assert Site.objects.get_current().name == "LOOKING UP – Trentino"
    assert Site.objects.get_current().domain == "formazione.example.org"


def test_sync_site_recreates_a_missing_row(settings):
    Site.objects.all().delete()

    sync_site()

    assert Site.objects.get(pk=settings.SITE_ID).name == "LOOKING UP"


def test_signup_confirmation_mail_names_the_site_in_the_page_language(
    client, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://lookingup.example.org"
    sync_site()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/accounts/signup/", SIGNUP)

    assert response.status_code == 302
    [message] = mail.outbox
    assert message.subject.startswith("[LOOKING UP] ")
    assert message.body.splitlines()[0] == "Bonjour, c'est LOOKING UP !"
    assert message.body.endswith("Merci d'utiliser LOOKING UP !\nlookingup.example.org")
    assert "example.com" not in message.body + message.subject


def test_pages_are_titled_with_the_site_name(client, settings):
    settings.SITE_NAME = "Reti solidali"

    response = client.get("/it/accounts/login/")

    assert "· Reti solidali</title>" in response.content.decode()
