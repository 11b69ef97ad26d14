"""Phones: no page scrolls sideways at 360 px, and the session list shows sessions first."""

import pytest
from django.core.management import call_command
from django.test import Client

from participants.models import User
from programmes.models import Programme
from sessions_app.models import Session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["it", "en", "fr", "pt"]
PHONE = {"width": 360, "height": 740}

# The elements sticking out past the right edge, to say what overflows, not only that it does.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    const box = el.getBoundingClientRect();
    if (box.width && box.right > width + 1 && getComputedStyle(el).position !== "absolute") {
      out.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
               (el.className && typeof el.className === "string" ? "." + el.className : "") +
               " " + Math.round(box.right) + "px");
    }
  }
  return {scroll: document.documentElement.scrollWidth, width: width, out: out.slice(0, 5)};
}"""


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", verbosity=0)


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="it-IT", viewport=PHONE)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def public_paths() -> list[str]:
    sessions = Session.objects.order_by("starts_at")
    with_materials = sessions.filter(materials__isnull=False).first()
    longest = max(sessions, key=lambda session: len(session.title_it or ""))
    paths = [
        "/",
        "/programmes/",
        *(f"/programmes/{slug}/" for slug in Programme.objects.values_list("slug", flat=True)),
        "/sessions/",
        "/sessions/?when=past",
        "/sessions/?language=fr&page=2",
        "/sessions/?month=bad",
        *(f"/sessions/{session.pk}/" for session in {sessions.first(), with_materials, longest}),
        "/good-practices/",
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/me/privacy/",
        "/no-such-page/",
    ]
    return paths


def overflowing(page, paths) -> list[str]:
    found = []
    for path in paths:
        response = page.goto(path)
        assert response is not None and response.status < 500, path
        result = page.evaluate(OVERFLOW)
        if result["scroll"] > result["width"]:
            found.append(f"{path}: {result['scroll']}px wide, {result['out']}")
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_public_page_scrolls_sideways_on_a_phone(phone, demo, language):
    paths = [f"/{language}{path}" for path in public_paths()]

    assert overflowing(phone, paths) == []


def test_my_space_does_not_scroll_sideways_on_a_phone(phone, demo, live_server):
    client = Client()
    client.force_login(User.objects.get(email="coordinator@lookingup.test"))
    phone.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    paths = ["/pt/me/", "/pt/me/profile/", "/fr/me/privacy/delete/"]

    assert overflowing(phone, paths) == []


def test_session_list_on_a_phone_shows_sessions_on_the_first_screen(phone, demo):
    phone.goto("/fr/sessions/?language=en")

    first = phone.locator(".cards > li").first.bounding_box()
    filters = phone.locator("details.filters-panel")
    assert first is not None and first["y"] + 40 < PHONE["height"]
    assert filters.get_attribute("open") is None
    assert not phone.get_by_label("Programme").is_visible()


def test_session_list_filters_unfold_and_filter_without_javascript(browser, live_server, demo):
    context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, java_script_enabled=False
    )
    page = context.new_page()
    try:
        page.goto("/en/sessions/")
        page.locator("details.filters-panel > summary").click()
        page.get_by_label("City").fill("Firenze")
        with page.expect_navigation():
            page.get_by_role("button", name="Filter", exact=True).click()

        assert "city=Firenze" in page.url
        assert "1 active" in page.locator("details.filters-panel > summary").inner_text()
        titles = page.locator(".cards > li h2").all_inner_texts()
        assert titles and all("Florence" in title or "Firenze" in title for title in titles)
    finally:
        context.close()
