import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from django.utils.formats import date_format

from sessions_app.templatetags.sessions_tags import (
    language_names,
    place,
    session_summary,
    start_time,
)
from tests.factories import OnlineSessionFactory, ProgrammeFactory, SessionFactory, TrackFactory

BUCHAREST = ZoneInfo("Europe/Bucharest")


@pytest.fixture
def timisoara(db):
    programme = ProgrammeFactory(title="LOOKING UP", slug="looking-up")
    return SessionFactory(
        programme=programme,
        track=TrackFactory(programme=programme, title="Capitalisation"),
        title="Capitalisation workshop",
        starts_at=dt.datetime(2025, 6, 12, 10, 0, tzinfo=BUCHAREST),
        ends_at=dt.datetime(2025, 6, 12, 17, 0, tzinfo=BUCHAREST),
        time_zone="Europe/Bucharest",
        venue_name="Casa Artelor",
        city="Timișoara",
        country="RO",
        languages=["ro", "en"],
    )


def test_session_summary_row(timisoara):
    with translation.override("en"):
        html = session_summary(timisoara, "h2", show_programme=True)

    assert html == (
        f'<h2><a href="/en/sessions/{timisoara.pk}/">Capitalisation workshop</a></h2>\n'
        '<p class="meta"><time datetime="2025-06-12T10:00:00+03:00">June 12, 2025, 10 a.m.'
        '</time> <abbr title="Europe/Bucharest">EEST</abbr></p>\n'
        '<p class="meta">In-person workshop · Casa Artelor, Timișoara, Romania · English</p>\n'
        '<p class="meta"><a href="/en/programmes/looking-up/">LOOKING UP</a>'
        " · Capitalisation</p>"
    )


def test_session_summary_in_the_current_language(timisoara):
    with translation.override("en"):
        session_summary(timisoara)
    with translation.override("it"):
        html = session_summary(timisoara)
        when = date_format(timisoara.starts_at.astimezone(BUCHAREST), "DATETIME_FORMAT")

    assert f'href="/it/sessions/{timisoara.pk}/"' in html
    assert "Romania · Inglese" in html
    assert f">{when}</time>" in html
    assert "giovedì 12 giugno 2025" in when


def test_session_summary_refuses_other_tags_as_heading(timisoara):
    html = session_summary(timisoara, "script")

    assert html.startswith("<h3>")
    assert "<script" not in html


def test_session_summary_without_programme_line(timisoara):
    assert "LOOKING UP" not in session_summary(timisoara, "h4")


def test_place_online_never_shows_the_link(db):
    session = OnlineSessionFactory(online_url="https://meet.example.org/secret-room")

    with translation.override("en"):
        assert place(session) == "Online"


def test_place_venue_and_online(timisoara):
    timisoara.online_url = "https://meet.example.org/secret-room"

    with translation.override("en"):
        assert place(timisoara) == "Casa Artelor, Timișoara, Romania and online"


def test_start_time_in_another_zone(timisoara):
    with translation.override("en"):
        html = start_time(timisoara, "Europe/Rome")

    assert '<time datetime="2025-06-12T09:00:00+02:00">' in html
    assert '<abbr title="Europe/Rome">CEST</abbr>' in html


def test_language_names_skips_unknown_codes():
    with translation.override("en"):
        assert language_names(["fr", "xx", "pt"]) == "French, Portuguese"
        assert language_names(None) == ""
