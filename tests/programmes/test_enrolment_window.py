""" "Is enrolment open" has one owner: the page, the POST and the list of open programmes agree,
at the edges too (midnight in Rome is 22:00 or 23:00 UTC)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.test import RequestFactory
from django.utils import timezone

from participants import phrases, services
from participants.templatetags.participation import enrolment_box
from programmes.enums import EnrolmentWindow
from programmes.models import Programme
from tests.factories import ParticipantFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")
END = dt.date(2027, 1, 10)


def _states(programme, now, monkeypatch) -> dict:
    """What each place that asks the rule says at ``now``."""
    monkeypatch.setattr(timezone, "now", lambda: now)
    person = ParticipantFactory()
    request = RequestFactory().get("/it/programmes/")
    request.user = person
    states = {
        "model": programme.enrolment_window(now),
        "list": Programme.objects.open_for_enrolment(now).filter(pk=programme.pk).exists(),
        "page": enrolment_box({"request": request}, programme)["state"],
    }
    outcome = services.enrol(person, programme, now=now)
    return {**states, "post": outcome.message if not outcome.ok else "enrolled"}


@pytest.mark.parametrize(
    ("instant", "open_"),
    [
        (dt.datetime(2027, 1, 10, 23, 59, tzinfo=ROME), True),
        (dt.datetime(2027, 1, 11, 0, 0, tzinfo=ROME), False),
        # The case that disagreed: 00:30 in Rome is still 10 January in UTC.
        (dt.datetime(2027, 1, 11, 0, 30, tzinfo=ROME), False),
        (dt.datetime(2027, 1, 11, 1, 59, tzinfo=ROME), False),
    ],
)
def test_page_post_and_list_agree_around_midnight_in_rome(instant, open_, monkeypatch):
    programme = ProgrammeFactory(start_date=dt.date(2026, 10, 1), end_date=END)

    states = _states(programme, instant, monkeypatch)

    if open_:
        expected = {"model": EnrolmentWindow.OPEN, "list": True, "page": "open", "post": "enrolled"}
    else:
        expected = {
            "model": EnrolmentWindow.CLOSED,
            "list": False,
            "page": "closed",
            "post": str(phrases.CLOSED),
        }
    assert states == expected


@pytest.mark.parametrize(
    ("offset", "window"),
    [
        (dt.timedelta(seconds=-1), EnrolmentWindow.NOT_YET),
        (dt.timedelta(0), EnrolmentWindow.OPEN),
    ],
)
def test_enrolment_opens_at_its_instant(offset, window, monkeypatch):
    opens = dt.datetime(2026, 12, 15, 9, 0, tzinfo=ROME)
    programme = ProgrammeFactory(
        start_date=dt.date(2027, 1, 1), end_date=dt.date(2027, 6, 1), enrolment_opens_at=opens
    )

    states = _states(programme, opens + offset, monkeypatch)

    assert states["model"] == window
    assert states["list"] is (window == EnrolmentWindow.OPEN)
    assert states["page"] == ("open" if window == EnrolmentWindow.OPEN else "not_yet")


@pytest.mark.parametrize(
    ("offset", "window"),
    [
        (dt.timedelta(seconds=-1), EnrolmentWindow.OPEN),
        (dt.timedelta(0), EnrolmentWindow.CLOSED),
    ],
)
def test_enrolment_closes_at_its_instant(offset, window, monkeypatch):
    closes = dt.datetime(2026, 12, 20, 18, 0, tzinfo=ROME)
    programme = ProgrammeFactory(
        start_date=dt.date(2027, 1, 1), end_date=dt.date(2027, 6, 1), enrolment_closes_at=closes
    )

    states = _states(programme, closes + offset, monkeypatch)

    assert states["model"] == window
    assert states["list"] is (window == EnrolmentWindow.OPEN)
    assert states["post"] == ("enrolled" if window == EnrolmentWindow.OPEN else str(phrases.CLOSED))
