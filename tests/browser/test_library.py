"""The library in a real browser: a participant submits a practice to a call, a coordinator
publishes it, and an anonymous visitor finds it by search and on the map. The submitter's
emails go through a real Celery worker to an SMTP sink, in her language."""

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.utils import translation

from goodpractices.models import GoodPractice
from goodpractices.taxonomy import ensure_themes
from tests.factories import ParticipantFactory, UserFactory
from tests.goodpractices.factories import CallFactory
from tests.integration.conftest import (  # noqa: F401 - shared fixtures
    celery_broker,
    celery_worker,
    smtp_sink,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _page(browser, live_server, *, user=None, javascript=True):
    context = browser.new_context(
        base_url=live_server.url, locale="en-GB", java_script_enabled=javascript
    )
    context.set_default_timeout(15_000)
    if user is not None:
        client = Client()
        client.force_login(user)
        context.add_cookies(
            [
                {
                    "name": "sessionid",
                    "value": client.cookies["sessionid"].value,
                    "url": live_server.url,
                }
            ]
        )
    return context.new_page()


@pytest.fixture
def mail_to_sink(settings, smtp_sink):  # noqa: F811 - the fixture imported above
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp_sink.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    return smtp_sink


def test_submit_publish_then_find_by_search_and_on_the_map(
    browser,
    live_server,
    settings,
    celery_worker,  # noqa: F811 - the fixture imported above
    mail_to_sink,
    coordinator,
):
    settings.MAP_TILE_URL = ""  # no network here: the map draws its markers without tiles
    ensure_themes()  # seeded by a migration, flushed by earlier transactional tests
    call = CallFactory(title="Case studies for the capitalisation workshop in Timișoara")
    call.programme.coordinators.add(coordinator)
    marta = ParticipantFactory(
        email="marta@example.org", full_name="Marta Ferreira", preferred_language="pt"
    )
    EmailAddress.objects.create(user=marta, email=marta.email, verified=True, primary=True)

    # Marta finds the open call and writes her practice; a draft first, then the rest.
    page = _page(browser, live_server, user=marta)
    page.goto("/en/good-practices/calls/")
    page.get_by_role("link", name=call.title).click()
    with page.expect_navigation():
        page.get_by_role("link", name="Submit a practice").click()
    page.get_by_label("Language you write in").select_option("pt")
    page.get_by_label("Title").fill("Mercearia solidária de Mértola")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the draft").click()
    assert "Your draft is saved." in page.locator(".messages").inner_text()
    page.get_by_label("Summary").fill(
        "Uma cooperativa social gere uma mercearia solidária no Alentejo."
    )
    page.get_by_label("Description").fill("Famílias compram com um cartão de pontos.")
    page.get_by_label("Country").select_option("PT")
    page.get_by_role("textbox", name="Place:").fill("Mértola")
    page.get_by_label("Latitude").fill("37.6415")
    page.get_by_label("Longitude").fill("-7.6603")
    page.get_by_label("Care", exact=True).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Submit to the reviewers").click()
    assert "is submitted" in page.locator(".messages").inner_text()
    row = page.get_by_role("row").filter(has_text="Mercearia solidária de Mértola")
    assert row.locator(".badge").inner_text() == "Submitted"
    page.context.close()

    # The coordinator of the call's programme publishes it from the review page.
    page = _page(browser, live_server, user=coordinator)
    page.goto("/en/good-practices/review/")
    page.get_by_role("link", name="Mercearia solidária de Mértola").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Publish").click()
    assert "is published" in page.locator(".messages").inner_text()
    page.context.close()
    assert GoodPractice.objects.get().status == "published"

    # Marta was told twice, in Portuguese, by the worker.
    messages = mail_to_sink.wait_for(2)
    with translation.override("pt"):
        title = "Mercearia solidária de Mértola"
        expected = [
            translation.gettext("Practice received: %(title)s") % {"title": title},
            translation.gettext("Practice published: %(title)s") % {"title": title},
        ]
    # (the parser keeps a space before an encoded-word header)
    assert [m["Subject"].strip() for m in messages] == expected
    assert all(m["To"] == "marta@example.org" for m in messages)

    # An anonymous visitor, without JavaScript, finds it by searching.
    page = _page(browser, live_server, javascript=False)
    page.goto("/en/good-practices/")
    page.get_by_label("Search the library").fill("mercearia")
    with page.expect_navigation():
        page.get_by_role("button", name="Search").click()
    assert page.get_by_role("link", name="Mercearia solidária de Mértola").count() == 1
    # ... and on the map page's list by country.
    page.goto("/en/good-practices/map/")
    portugal = page.locator("h3", has_text="Portugal")
    assert portugal.count() == 1
    assert page.get_by_role("link", name="Mercearia solidária de Mértola").count() == 1
    page.context.close()

    # With JavaScript, the map loads on request and shows its marker.
    page = _page(browser, live_server)
    page.goto("/en/good-practices/map/")
    page.get_by_role("button", name="Show the map").click()
    marker = page.locator(".leaflet-marker-icon")
    marker.wait_for()
    assert marker.get_attribute("title") == "Mercearia solidária de Mértola"
    page.context.close()


def test_partner_only_practice_stays_hidden_from_an_anonymous_browser(browser, live_server):
    from tests.goodpractices.factories import PracticeFactory

    PracticeFactory(title="Decarbonisation notes", visibility="partners")
    UserFactory(email="nobody@example.org")
    page = _page(browser, live_server, javascript=False)

    page.goto("/en/good-practices/")

    assert "Decarbonisation notes" not in page.content()
