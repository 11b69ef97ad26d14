"""Dates read as each language writes them: Italian and Portuguese in lower case."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from django.utils.formats import date_format

from tests.factories import ProgrammeFactory, SessionFactory

ROME = ZoneInfo("Europe/Rome")
SUNDAY = dt.datetime(2027, 1, 10, 9, 30, tzinfo=ROME)

RENDERED = {
    "it": "domenica 10 gennaio 2027 09:30",
    "pt": "10 de janeiro de 2027 às 09:30",
    "fr": "10 janvier 2027 09:30",
    "en": "Jan. 10, 2027, 9:30 a.m.",
}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("it", "1 marzo 2027"),
        ("pt", "1 de março de 2027"),
        ("fr", "1 mars 2027"),
        ("en", "March 1, 2027"),
    ],
)
def test_date_format_in_each_language(language, expected):
    with translation.override(language):
        assert date_format(dt.date(2027, 3, 1), "DATE_FORMAT") == expected


@pytest.mark.parametrize("language", ["it", "pt"])
def test_every_month_and_weekday_is_lower_case(language):
    with translation.override(language):
        names = [date_format(dt.date(2027, month, 1), "F l D N E") for month in range(1, 13)]
        names += [date_format(dt.date(2027, 1, day), "l D") for day in range(1, 8)]

    assert [name for name in names if name != name.lower()] == []


@pytest.mark.parametrize("language", ["it", "en", "fr", "pt"])
def test_session_page_shows_the_date_as_the_language_writes_it(client, db, language):
    session = SessionFactory(
        programme=ProgrammeFactory(),
        starts_at=SUNDAY,
        ends_at=SUNDAY + dt.timedelta(hours=3),
    )

    response = client.get(f"/{language}/sessions/{session.pk}/")

    html = response.content.decode()
    shown = re.search(r'<time datetime="2027-01-10T09:30:00\+01:00">([^<]+)</time>', html)
    assert shown.group(1) == RENDERED[language]
