import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["it", "en", "fr", "pt"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_opens_in_each_language(page, language):
    response = page.goto(f"/{language}/")

    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() >= 1


def test_root_lands_on_the_browser_language(page):
    page.goto("/")

    assert page.url.endswith("/it/")
    assert page.locator("html").get_attribute("lang") == "it"


def test_language_switch_keeps_the_visitor_on_the_same_page(page):
    page.goto("/it/programmes/")

    page.locator('.language-switch button[value="fr"]').click()
    page.wait_for_url("**/fr/programmes/")

    assert page.locator("html").get_attribute("lang") == "fr"
    assert (
        page.locator('.language-switch button[aria-current="true"]').get_attribute("value") == "fr"
    )


def test_language_switch_works_without_javascript(page_without_javascript):
    page = page_without_javascript
    page.goto("/it/")

    page.locator('.language-switch button[value="pt"]').click()
    page.wait_for_url("**/pt/")

    assert page.locator("html").get_attribute("lang") == "pt"
    page.goto("/")
    assert page.url.endswith("/pt/"), "the choice is remembered for unprefixed URLs"


BROWSER_LOCALES = {"it": "it-IT", "en": "en-GB", "fr": "fr-FR", "pt": "pt-PT"}


def _switch(browser, live_server, *, locale: str, javascript: bool, start: str, target: str):
    context = browser.new_context(
        base_url=live_server.url, locale=locale, java_script_enabled=javascript
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        page.goto(f"/{start}/programmes/")
        assert page.locator("html").get_attribute("lang") == start

        with page.expect_navigation():
            page.locator(f'.language-switch button[value="{target}"]').click()

        assert page.url == f"{live_server.url}/{target}/programmes/"
        assert page.locator("html").get_attribute("lang") == target
        current = page.locator('.language-switch button[aria-current="true"]')
        assert current.get_attribute("value") == target
    finally:
        context.close()


@pytest.mark.parametrize("target", LANGUAGES)
@pytest.mark.parametrize("browser_language", LANGUAGES)
def test_language_switch_follows_the_click_whatever_the_browser_language(
    browser, live_server, transactional_db, browser_language, target
):
    """A link shared in a third language (neither the browser's nor the one clicked, when
    possible), switched with JavaScript and without."""
    start = next(
        code for code in ["fr", "en", "it", "pt"] if code not in {browser_language, target}
    )
    for javascript in (True, False):
        _switch(
            browser,
            live_server,
            locale=BROWSER_LOCALES[browser_language],
            javascript=javascript,
            start=start,
            target=target,
        )
