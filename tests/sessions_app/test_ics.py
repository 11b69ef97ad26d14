import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from programmes.enums import ProgrammeStatus
from sessions_app.enums import SessionStatus
from sessions_app.ics import build_calendar
from sessions_app.models import Session
from tests.factories import OnlineSessionFactory, ProgrammeFactory, SessionFactory, TrackFactory

BUCHAREST = ZoneInfo("Europe/Bucharest")
JOIN_URL = "https://meet.example.org/secret-room-4821"


@pytest.fixture(autouse=True)
def _english():
    """Assertions read the English source strings, so every test asks for the /en/ pages."""
    with translation.override("en"):
        yield


def _events(body: bytes) -> list:
    return Calendar.from_ical(body).walk("VEVENT")


@pytest.fixture
def timisoara(db):
    """The capitalisation workshop in Timisoara, June 2025, 10:00–17:00 local time."""
    programme = ProgrammeFactory(title="LOOKING UP", slug="looking-up")
    return SessionFactory(
        programme=programme,
        title="Capitalisation workshop",
        starts_at=dt.datetime(2025, 6, 12, 10, 0, tzinfo=BUCHAREST),
        ends_at=dt.datetime(2025, 6, 12, 17, 0, tzinfo=BUCHAREST),
        time_zone="Europe/Bucharest",
        venue_name="Casa Artelor",
        venue_address="Piața Libertății 1",
        city="Timișoara",
        country="RO",
    )


def test_build_calendar_event_fields(timisoara, settings):
    settings.SITE_URL = "https://lookingup.example.org"

    event = _events(build_calendar([timisoara], name="LOOKING UP"))[0]

    assert str(event["uid"]) == f"{timisoara.uid}@lookingup"
    assert event["sequence"] == timisoara.sequence
    assert str(event["summary"]) == "Capitalisation workshop"
    assert event.decoded("dtstart") == dt.datetime(2025, 6, 12, 7, 0, tzinfo=dt.UTC)
    assert event.decoded("dtend") == dt.datetime(2025, 6, 12, 14, 0, tzinfo=dt.UTC)
    assert event["dtstart"].to_ical() == b"20250612T070000Z"
    assert str(event["url"]) == f"https://lookingup.example.org{timisoara.get_absolute_url()}"
    assert str(event["location"]) == "Casa Artelor, Piața Libertății 1, Timișoara, Romania"
    assert str(event["status"]) == "CONFIRMED"
    assert "dtstamp" in event
    assert event.decoded("last-modified") == timisoara.updated_at.replace(microsecond=0)


def test_build_calendar_names_the_calendar(timisoara):
    calendar = Calendar.from_ical(build_calendar([timisoara], name="LOOKING UP – sessions"))

    assert str(calendar["x-wr-calname"]) == "LOOKING UP – sessions"
    assert str(calendar["version"]) == "2.0"


def test_build_calendar_status_follows_session(db):
    cancelled = SessionFactory(status=SessionStatus.CANCELLED)
    postponed = SessionFactory(status=SessionStatus.POSTPONED)

    events = _events(build_calendar([cancelled, postponed], name="x"))

    assert [str(event["status"]) for event in events] == ["CANCELLED", "TENTATIVE"]


def test_build_calendar_online_session_location_without_link(db):
    session = OnlineSessionFactory(online_url=JOIN_URL)

    body = build_calendar([session], name="x")

    assert str(_events(body)[0]["location"]) == "Online"
    assert JOIN_URL.encode() not in body


def test_build_calendar_includes_join_url_only_when_asked(db):
    session = OnlineSessionFactory(online_url=JOIN_URL)

    body = build_calendar([session], name="x", include_join_url=True)

    assert str(_events(body)[0]["conference"]) == JOIN_URL
    assert JOIN_URL in str(_events(body)[0]["description"])


def test_session_calendar_download_headers(client, timisoara):
    response = client.get(reverse("sessions_app:calendar", args=[timisoara.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="capitalisation-workshop.ics"'
    assert len(_events(response.content)) == 1


def test_session_calendar_uid_stable_across_downloads(client, timisoara):
    url = reverse("sessions_app:calendar", args=[timisoara.pk])

    first = _events(client.get(url).content)[0]
    second = _events(client.get(url).content)[0]

    assert str(first["uid"]) == str(second["uid"]) == f"{timisoara.uid}@lookingup"


def test_session_calendar_sequence_rises_after_edit(client, timisoara):
    url = reverse("sessions_app:calendar", args=[timisoara.pk])
    before = _events(client.get(url).content)[0]

    timisoara.starts_at += dt.timedelta(hours=1)
    timisoara.ends_at += dt.timedelta(hours=1)
    timisoara.save()
    after = _events(client.get(url).content)[0]

    assert after["sequence"] == before["sequence"] + 1
    assert str(after["uid"]) == str(before["uid"])
    assert after.decoded("dtstart") == dt.datetime(2025, 6, 12, 8, 0, tzinfo=dt.UTC)


def test_session_calendar_cancelled_session(client, timisoara):
    timisoara.status = SessionStatus.CANCELLED
    timisoara.save()

    response = client.get(reverse("sessions_app:calendar", args=[timisoara.pk]))

    assert str(_events(response.content)[0]["status"]) == "CANCELLED"


def test_session_calendar_never_shows_join_url(client, db):
    session = OnlineSessionFactory(online_url=JOIN_URL)

    response = client.get(reverse("sessions_app:calendar", args=[session.pk]))

    assert JOIN_URL.encode() not in response.content


def test_session_calendar_draft_programme_404(client, db):
    session = SessionFactory(programme=ProgrammeFactory(status=ProgrammeStatus.DRAFT))

    response = client.get(reverse("sessions_app:calendar", args=[session.pk]))

    assert response.status_code == 404


def test_programme_calendar_feed_lists_every_session(client, timisoara):
    programme = timisoara.programme
    SessionFactory(programme=programme, status=SessionStatus.CANCELLED)
    SessionFactory()  # another programme

    response = client.get(reverse("programmes:calendar", args=[programme.slug]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["x-wr-calname"]) == "LOOKING UP – LOOKING UP"
    assert sorted(str(e["status"]) for e in calendar.walk("VEVENT")) == ["CANCELLED", "CONFIRMED"]


def test_programme_calendar_draft_404(client, db):
    programme = ProgrammeFactory(status=ProgrammeStatus.DRAFT)

    response = client.get(reverse("programmes:calendar", args=[programme.slug]))

    assert response.status_code == 404


@pytest.mark.parametrize("rows", [1, 50])
def test_programme_calendar_query_count(client, db, django_assert_num_queries, rows):
    programme = ProgrammeFactory()
    track = TrackFactory(programme=programme)
    SessionFactory.create_batch(rows, programme=programme, track=track)
    url = reverse("programmes:calendar", args=[programme.slug])

    with django_assert_num_queries(2):
        response = client.get(url)

    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == rows


def test_line_breaks_and_control_characters_already_stored_still_give_calendars(client, timisoara):
    """Rows written before titles were validated (or by a script) must not break the files."""
    programme = timisoara.programme
    Session.objects.filter(pk=timisoara.pk).update(
        title="Capitalisation\r\nworkshop\x07", venue_name="Casa\nArtelor"
    )
    type(programme).objects.filter(pk=programme.pk).update(title="LOOKING\r\nUP")

    session_file = client.get(reverse("sessions_app:calendar", kwargs={"pk": timisoara.pk}))
    feed = client.get(reverse("programmes:calendar", kwargs={"slug": programme.slug}))

    assert (session_file.status_code, feed.status_code) == (200, 200)
    calendar = Calendar.from_ical(feed.content)
    assert str(calendar["X-WR-CALNAME"]) == "LOOKING UP – LOOKING UP"
    [event] = _events(session_file.content)
    assert str(event["SUMMARY"]) == "Capitalisation workshop"
    assert str(event["LOCATION"]).startswith("Casa Artelor, ")
    assert "\x07" not in session_file.content.decode()
