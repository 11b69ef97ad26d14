"""Playwright driving the system's Chromium (no browser download) against the live server."""

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="package")
def browser():
    """One Chromium for the browser tests; gone before other packages' tests run."""
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the
    # tests themselves would otherwise be refused as "called from an async context".
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
    finally:
        # The event loop has stopped: restore Django's async-safety check for the other tests.
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def _context(browser, live_server, **options):
    context = browser.new_context(base_url=live_server.url, locale="it-IT", **options)
    context.set_default_timeout(10_000)
    return context


@pytest.fixture
def page(browser, live_server, transactional_db):
    context = _context(browser, live_server)
    yield context.new_page()
    context.close()


@pytest.fixture
def page_without_javascript(browser, live_server, transactional_db):
    context = _context(browser, live_server, java_script_enabled=False)
    yield context.new_page()
    context.close()
