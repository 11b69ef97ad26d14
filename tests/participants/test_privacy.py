import datetime as dt
import json

import pytest
from django.db.models import Count
from django.urls import reverse

from participants import privacy, services
from participants.enums import EnrolmentStatus as Status
from participants.models import Enrolment, SessionRegistration, User
from tests.factories import (
    AttendanceFactory,
    EnrolmentFactory,
    OrganisationFactory,
    ProgrammeFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db


def test_privacy_page_describes_what_is_stored(client):
    response = client.get(reverse("participants:privacy"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "organisation and its type, role, country, preferred language" in content
    assert "anonymous counts" in content


def test_export_contains_all_my_data(client, alice, programme, cohort):
    alice.organisation = OrganisationFactory(name="Legacoopsociali")
    alice.save()
    services.enrol(alice, programme)
    residency = SessionFactory(
        programme=programme, title="Residenza Lecce", registration_required=True
    )
    services.register_for_session(alice, residency)
    client.force_login(alice)

    response = client.get(reverse("participants:export"))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="looking-up-my-data.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == "alice@example.org"
    assert data["account"]["full_name"] == "Alice Rossi"
    assert data["account"]["organisation"] == "Legacoopsociali"
    assert data["account"]["country"] == "IT"
    assert data["account"]["privacy_notice_version"] == alice.privacy_consent_version
    assert [e["programme"] for e in data["enrolments"]] == ["Reti solidali e competenti 2025"]
    assert data["enrolments"][0]["cohort"] == "Hub Nord"
    assert data["session_registrations"][0]["session"] == "Residenza Lecce"


def test_export_contains_my_attendance(client, alice, programme):
    AttendanceFactory(
        participant=alice,
        session=SessionFactory(programme=programme, title="Modulo 1"),
        status="late",
        minutes=40,
    )
    AttendanceFactory(session=SessionFactory(programme=programme, title="Someone else's"))
    client.force_login(alice)

    data = json.loads(client.get(reverse("participants:export")).content)

    assert [(a["session"], a["status"], a["minutes"]) for a in data["attendance"]] == [
        ("Modulo 1", "late", 40)
    ]


def test_export_holds_nobody_elses_data(client, alice, bob, programme):
    services.enrol(bob, programme)
    client.force_login(alice)

    data = json.loads(client.get(reverse("participants:export")).content)

    assert data["enrolments"] == []
    assert "bob@example.org" not in json.dumps(data)


def test_export_anonymous_is_sent_to_sign_in(client):
    assert client.get(reverse("participants:export")).status_code == 302


def test_export_post_is_not_allowed(client, alice):
    client.force_login(alice)

    assert client.post(reverse("participants:export")).status_code == 405


def test_delete_account_needs_confirmation(client, alice):
    client.force_login(alice)

    response = client.post(reverse("participants:delete_account"), {})

    assert response.status_code == 200
    assert User.objects.filter(pk=alice.pk).exists()


def test_delete_account_erases_the_person_and_keeps_counts(client, alice, bob):
    past = ProgrammeFactory(title="LOOKING UP 2024")
    EnrolmentFactory(
        participant=alice, programme=past, organisation_kind="cooperative", country="IT"
    )
    EnrolmentFactory(participant=bob, programme=past, organisation_kind="association", country="FR")
    client.force_login(alice)

    response = client.post(reverse("participants:delete_account"), {"confirm": "on"})

    assert response.status_code == 302
    assert not User.objects.filter(email="alice@example.org").exists()
    counts = dict(
        Enrolment.objects.filter(programme=past, status=Status.CONFIRMED)
        .values_list("organisation_kind")
        .annotate(n=Count("pk"))
    )
    assert counts == {"cooperative": 1, "association": 1}
    anonymous = Enrolment.objects.get(programme=past, participant=None)
    assert anonymous.country == "IT"
    assert client.get(reverse("participants:dashboard")).status_code == 302


def test_delete_account_gives_future_seats_to_the_waiting_list(alice, bob, programme, cohort):
    EnrolmentFactory(programme=programme, cohort=cohort)
    seat = services.enrol(alice, programme).obj
    waiting = services.enrol(bob, programme).obj
    now = services.programme_starts_at(programme, cohort) - dt.timedelta(hours=1)

    privacy.delete_account(alice, now=now)

    seat.refresh_from_db()
    waiting.refresh_from_db()
    assert seat.participant is None
    assert seat.status == Status.CANCELLED
    assert waiting.status == Status.CONFIRMED


def test_delete_account_keeps_registrations_of_past_sessions(alice, programme):
    services.enrol(alice, programme)
    session = SessionFactory(programme=programme, registration_required=True)
    registration = services.register_for_session(alice, session).obj

    privacy.delete_account(alice, now=session.ends_at + dt.timedelta(days=1))

    registration.refresh_from_db()
    assert registration.participant is None
    assert registration.status == Status.CONFIRMED
    assert SessionRegistration.objects.count() == 1


def test_delete_account_get_shows_the_form(client, alice):
    client.force_login(alice)

    response = client.get(reverse("participants:delete_account"))

    assert response.status_code == 200
    assert 'name="confirm"' in response.content.decode()


def test_delete_account_anonymous_is_sent_to_sign_in(client):
    assert client.post(reverse("participants:delete_account")).status_code == 302


def test_delete_account_put_is_not_allowed(client, alice):
    client.force_login(alice)

    assert client.put(reverse("participants:delete_account")).status_code == 405
