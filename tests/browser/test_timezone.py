"""Session times in the visitor's zone on the first visit, added in place: no reload."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.factories import ProgrammeFactory, SessionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROME = ZoneInfo("Europe/Rome")
BUCHAREST = ZoneInfo("Europe/Bucharest")


@pytest.fixture
def kick_off(transactional_db):
    """Kick-off workshop in Florence, 09:30–17:30 Rome time (05:30–13:30 in São Paulo)."""
    return SessionFactory(
        programme=ProgrammeFactory(title="LOOKING UP – seconda edizione"),
        title="Workshop di avvio a Firenze",
        starts_at=dt.datetime(2027, 1, 10, 9, 30, tzinfo=ROME),
        ends_at=dt.datetime(2027, 1, 10, 17, 30, tzinfo=ROME),
        time_zone="Europe/Rome",
    )


def _visit(browser, live_server, path: str, *, zone: str, locale: str = "fr-FR", cookies=()):
    """Open ``path`` in a browser set to ``zone``; return the page and its document requests."""
    context = browser.new_context(base_url=live_server.url, locale=locale, timezone_id=zone)
    context.set_default_timeout(10_000)
    if cookies:
        context.add_cookies([{**cookie, "url": live_server.url} for cookie in cookies])
    page = context.new_page()
    documents = []
    page.on("request", lambda r: documents.append(r.url) if r.resource_type == "document" else None)
    page.goto(path)
    page.wait_for_load_state("load")
    # A reload, had the script asked for one, would have started by now.
    page.wait_for_timeout(500)
    return page, documents


def _navigation_type(page) -> str:
    return page.evaluate("performance.getEntriesByType('navigation')[0].type")


def test_first_visit_adds_the_visitor_zone_in_place_without_reload(browser, live_server, kick_off):
    page, documents = _visit(
        browser, live_server, f"/fr/sessions/{kick_off.pk}/", zone="America/Sao_Paulo"
    )
    try:
        visitor = page.locator("dd.visitor-time")

        assert len(documents) == 1
        assert _navigation_type(page) == "navigate"
        assert page.locator("dt.visitor-time-label").inner_text() == (
            "Votre heure (America/Sao Paulo)"
        )
        assert visitor.get_attribute("data-visitor-tz") == "America/Sao_Paulo"
        assert "05:30" in visitor.inner_text() and "13:30" in visitor.inner_text()
        assert "dimanche 10 janvier 2027" in visitor.inner_text()
        assert "09:30" in page.locator("dd.session-local-time").inner_text()
        assert page.locator(".time-zone-form select").input_value() == "America/Sao_Paulo"
        cookies = {c["name"]: c["value"] for c in page.context.cookies()}
        assert cookies["tz"] == "America/Sao_Paulo"
    finally:
        page.context.close()


def test_next_visit_comes_with_the_visitor_zone_from_the_server(browser, live_server, kick_off):
    context = browser.new_context(
        base_url=live_server.url, timezone_id="America/Sao_Paulo", java_script_enabled=False
    )
    context.add_cookies([{"name": "tz", "value": "America/Sao_Paulo", "url": live_server.url}])
    page = context.new_page()
    try:
        page.goto(f"/en/sessions/{kick_off.pk}/")

        assert "5:30" in page.locator("dd.visitor-time").inner_text()
    finally:
        context.close()


def test_visitor_in_the_session_zone_sees_one_time_without_reload(browser, live_server):
    session = SessionFactory(
        programme=ProgrammeFactory(),
        title="Capitalisation workshop in Timișoara",
        starts_at=dt.datetime(2025, 6, 10, 9, 30, tzinfo=BUCHAREST),
        ends_at=dt.datetime(2025, 6, 12, 13, 0, tzinfo=BUCHAREST),
        time_zone="Europe/Bucharest",
    )
    page, documents = _visit(
        browser, live_server, f"/en/sessions/{session.pk}/", zone="Europe/Bucharest", locale="en"
    )
    try:
        assert len(documents) == 1
        assert page.locator("dd.visitor-time").count() == 0
        assert page.locator(".same-zone-note").is_visible()
    finally:
        page.context.close()


def test_a_zone_chosen_in_the_form_is_kept(browser, live_server, kick_off):
    page, documents = _visit(
        browser,
        live_server,
        f"/pt/sessions/{kick_off.pk}/",
        zone="America/Sao_Paulo",
        locale="pt-PT",
        cookies=[{"name": "tz", "value": "Europe/Lisbon"}],
    )
    try:
        assert len(documents) == 1
        assert page.locator("dd.visitor-time").get_attribute("data-visitor-tz") == "Europe/Lisbon"
        assert "08:30" in page.locator("dd.visitor-time").inner_text()
    finally:
        page.context.close()
