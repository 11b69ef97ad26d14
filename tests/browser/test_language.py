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
