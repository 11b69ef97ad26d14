from pathlib import Path

import icalendar
import pytest

from tests.factories import ProgrammeFactory, SessionFactory, TrackFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_browses_from_home_to_a_session_and_downloads_its_calendar(page):
    programme = ProgrammeFactory(title="LOOKING UP", slug="looking-up")
    track = TrackFactory(programme=programme, title="Local participatory development")
    session = SessionFactory(
        programme=programme, track=track, title="Co-designed workshop in Florence"
    )

    page.goto("/en/")
    # In the main content: the site's brand in the header is a "LOOKING UP" link too.
    page.get_by_role("main").get_by_role("link", name="LOOKING UP", exact=True).first.click()
    page.wait_for_url("**/en/programmes/looking-up/")
    page.get_by_role("link", name="Co-designed workshop in Florence").click()
    page.wait_for_url(f"**/en/sessions/{session.pk}/")
    with page.expect_download() as download_info:
        page.locator(f'a[href$="/sessions/{session.pk}/calendar.ics"]').click()
    download = download_info.value

    calendar = icalendar.Calendar.from_ical(Path(download.path()).read_bytes())
    [event] = calendar.walk("VEVENT")
    assert download.suggested_filename.endswith(".ics")
    assert str(event["SUMMARY"]) == "Co-designed workshop in Florence"
    assert str(event["UID"]).startswith(str(session.uid))
    assert event.decoded("DTSTART") == session.starts_at
