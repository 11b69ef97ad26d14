"""A coordinator marks a register; a participant checks in with the code shown on the
coordinator's screen. Two browsers, the live server, no JavaScript needed by either page."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from participants.models import Attendance
from programmes.services import ensure_coordinators_group
from tests.factories import EnrolmentFactory, ParticipantFactory, ProgrammeFactory, SessionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in(browser, live_server, user):
    """A browser context signed in as ``user`` (the session made by Django's test client)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(10_000)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context


@pytest.fixture
def workshop(coordinator):
    """LOOKING UP's co-designed workshop in Florence, started ten minutes ago."""
    coordinator.groups.add(ensure_coordinators_group())
    programme = ProgrammeFactory(title="LOOKING UP", slug="looking-up")
    programme.coordinators.add(coordinator)
    starts = (timezone.now() - dt.timedelta(minutes=10)).replace(microsecond=0)
    return SessionFactory(
        programme=programme,
        title="Co-designed workshop",
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=6),
        venue_name="Villa Fabbricotti",
        city="Firenze",
    )


def test_coordinator_marks_the_register_and_a_participant_checks_in(
    browser, live_server, coordinator, workshop
):
    people = {}
    for name in ("Alice Rossi", "Bob Martin", "Carla Neri"):
        person = ParticipantFactory(full_name=name, preferred_language="en")
        EnrolmentFactory(programme=workshop.programme, participant=person)
        people[name] = person
    coordinator_browser = signed_in(browser, live_server, coordinator)
    carla_browser = signed_in(browser, live_server, people["Carla Neri"])
    try:
        admin = coordinator_browser.new_page()
        admin.goto("/en/admin/sessions_app/session/")
        admin.get_by_role("link", name="Register").click()
        admin.get_by_label("Attendance of Alice Rossi").select_option("present")
        admin.get_by_label("Attendance of Bob Martin").select_option("late")
        admin.get_by_label("Minutes attended by Bob Martin").fill("150")
        admin.get_by_role("button", name="Save the register").click()
        admin.get_by_text("Attendance saved for 2 people.").wait_for()

        admin.get_by_role("link", name="Self check-in screen").click()
        code = admin.locator("[data-check-in-code]").inner_text()
        assert admin.locator(".check-in-qr svg").count() == 1

        carla = carla_browser.new_page()
        carla.goto(f"/en/sessions/{workshop.pk}/")
        carla.get_by_label("Check-in code").fill(code)
        carla.get_by_role("button", name="Check in").click()
        carla.get_by_text("You are checked in to “Co-designed workshop”. Welcome!").wait_for()
        assert carla.get_by_text("You are checked in", exact=True).count() == 1
    finally:
        coordinator_browser.close()
        carla_browser.close()

    recorded = {
        a.participant.full_name: (a.status, a.minutes, a.source)
        for a in Attendance.objects.select_related("participant")
    }
    assert recorded == {
        "Alice Rossi": ("present", None, "register"),
        "Bob Martin": ("late", 150, "register"),
        "Carla Neri": ("present", None, "check_in"),
    }
