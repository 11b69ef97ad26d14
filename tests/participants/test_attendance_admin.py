"""The register, the check-in screen and the meeting-report import in the admin."""

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from participants.models import Attendance
from participants.services import check_in as check_in_service
from programmes.services import ensure_coordinators_group
from tests.factories import (
    AttendanceFactory,
    EnrolmentFactory,
    OnlineSessionFactory,
    ParticipantFactory,
    ProgrammeFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).parent / "meeting_reports"


@pytest.fixture
def dana(coordinator):
    coordinator.groups.add(ensure_coordinators_group())
    return coordinator


@pytest.fixture
def reti(dana):
    programme = ProgrammeFactory(title="Reti solidali e competenti")
    programme.coordinators.add(dana)
    return programme


def held(programme, **kwargs):
    starts = (timezone.now() - dt.timedelta(hours=1)).replace(microsecond=0)
    return SessionFactory(
        programme=programme, starts_at=starts, ends_at=starts + dt.timedelta(hours=3), **kwargs
    )


@pytest.fixture
def module(reti):
    return held(reti, title="Modulo 1 – Le reti associative")


def enrol(programme, count):
    return [EnrolmentFactory(programme=programme).participant for _ in range(count)]


def register_url(session):
    return reverse("admin:participants_attendance_register", args=[session.pk])


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_register_lists_everyone_taking_part(client, dana, module):
    people = enrol(module.programme, 3)
    EnrolmentFactory(programme=module.programme, status="waiting")
    client.force_login(dana)

    response = client.get(register_url(module))

    assert response.status_code == 200
    assert [row[0] for row in response.context["form"].rows()] == sorted(
        people, key=lambda p: (p.full_name, p.email)
    )
    assert "3 people take part in this session." in response.content.decode()


def test_register_saves_several_rows_in_one_request(client, dana, module):
    alice, bob, carla = enrol(module.programme, 3)
    client.force_login(dana)

    response = client.post(
        register_url(module),
        {
            f"status-{alice.pk}": "late",
            f"minutes-{alice.pk}": "150",
            f"status-{bob.pk}": "excused",
            "others_present": "1",
        },
    )

    assert response.status_code == 302
    recorded = {a.participant: (a.status, a.minutes) for a in Attendance.objects.all()}
    assert recorded == {alice: ("late", 150), bob: ("excused", None), carla: ("present", None)}
    assert messages_of(response) == ["Attendance saved for 3 people."]
    assert {a.recorded_by for a in Attendance.objects.all()} == {dana}


def test_register_keeps_history_of_changes(client, dana, module):
    [alice] = enrol(module.programme, 1)
    client.force_login(dana)
    client.post(register_url(module), {f"status-{alice.pk}": "absent"})

    client.post(register_url(module), {f"status-{alice.pk}": "present"})

    row = Attendance.objects.get()
    assert [h.status for h in row.history.order_by("history_date")] == ["absent", "present"]
    history = client.get(reverse("admin:participants_attendance_history", args=[row.pk]))
    assert history.status_code == 200
    assert "Absent" in history.content.decode()


def test_register_refuses_minutes_longer_than_the_session(client, dana, module):
    [alice] = enrol(module.programme, 1)
    client.force_login(dana)

    response = client.post(
        register_url(module), {f"status-{alice.pk}": "present", f"minutes-{alice.pk}": "999"}
    )

    assert response.status_code == 200
    assert "Ensure this value is less than or equal to 180." in response.content.decode()
    assert not Attendance.objects.exists()


def test_register_of_another_programme_is_not_found(client, charlie, module):
    charlie.groups.add(ensure_coordinators_group())
    client.force_login(charlie)

    assert client.get(register_url(module)).status_code == 404
    assert client.post(register_url(module), {"others_present": "1"}).status_code == 404


def test_register_is_refused_to_participants(client, module):
    [alice] = enrol(module.programme, 1)
    client.force_login(alice)

    assert client.get(register_url(module)).status_code == 302  # to the admin's login


def _register_queries(client, session) -> tuple[int, int]:
    client.get(register_url(session))
    with CaptureQueriesContext(connection) as page:
        client.get(register_url(session))
    people = [row[0] for row in client.get(register_url(session)).context["form"].rows()]
    data = {f"status-{p.pk}": "late" for p in people[:5]} | {"others_present": "1"}
    with CaptureQueriesContext(connection) as save:
        client.post(register_url(session), data)
    return len(page), len(save)


def test_register_queries_do_not_grow_with_people(client, dana, reti):
    small = held(reti)
    other = ProgrammeFactory()
    other.coordinators.add(dana)
    big = held(other)
    enrol(reti, 3)
    enrol(other, 60)
    client.force_login(dana)

    assert _register_queries(client, small) == _register_queries(client, big)


@pytest.mark.postgres
def test_register_queries_same_for_60_and_600_people(client, dana):
    client.force_login(dana)
    counts = []
    for size in (60, 600):
        programme = ProgrammeFactory()
        programme.coordinators.add(dana)
        enrol(programme, size)
        counts.append(_register_queries(client, held(programme)))

    assert counts[0] == counts[1]


# --- the check-in screen


def test_check_in_screen_shows_the_code_and_its_qr(client, dana, module):
    client.force_login(dana)

    response = client.get(reverse("admin:participants_attendance_check_in", args=[module.pk]))

    html = response.content.decode()
    code = re.search(r"data-check-in-code>(\d{6})<", html).group(1)
    assert code in {
        check_in_service.check_in_code(module),
        check_in_service.check_in_code(module, at=timezone.now() - dt.timedelta(seconds=30)),
    }
    assert "<svg" in html
    assert '<meta http-equiv="refresh"' in html  # follows the code without JavaScript


def test_check_in_screen_of_another_programme_is_not_found(client, charlie, module):
    charlie.groups.add(ensure_coordinators_group())
    client.force_login(charlie)

    response = client.get(reverse("admin:participants_attendance_check_in", args=[module.pk]))

    assert response.status_code == 404


# --- meeting reports


@pytest.fixture
def online(reti):
    starts = timezone.make_aware(dt.datetime(2024, 10, 15, 18, 0))
    return OnlineSessionFactory(
        programme=reti,
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=1),
        duration_hours=Decimal("1"),
    )


def test_import_preview_writes_nothing_then_confirm_records(client, dana, online):
    alice = ParticipantFactory(email="alice@example.org", full_name="Alice Rossi")
    ioana = ParticipantFactory(email="ioana@example.ro", full_name="Ioana Popescu")
    for person in (alice, ioana):
        EnrolmentFactory(programme=online.programme, participant=person)
    url = reverse("admin:participants_attendance_import", args=[online.pk])
    client.force_login(dana)

    with (SAMPLES / "zoom.csv").open("rb") as report:
        preview = client.post(url, {"report": report})

    assert preview.status_code == 200
    assert not Attendance.objects.exists()
    html = preview.content.decode()
    assert "Read as an export of Zoom." in html
    token = preview.context["preview"].token
    ioana_row = next(
        r for r in preview.context["preview"].unmatched if r.person.name == "Ioana Popescu"
    )
    assert f'<option value="{ioana.pk}" selected>' in html

    confirmed = client.post(
        url, {"confirm": "1", "token": token, f"assign-{ioana_row.index}": ioana.pk}
    )

    assert confirmed.status_code == 302
    recorded = {a.participant: a.minutes for a in Attendance.objects.all()}
    assert recorded == {alice: 50, ioana: None}


def test_import_of_a_file_without_a_table_says_so(client, dana, online):
    client.force_login(dana)
    url = reverse("admin:participants_attendance_import", args=[online.pk])

    response = client.post(
        url, {"report": SimpleUploadedFile("notes.csv", b"just,some\nwords,here\n")}
    )

    assert "No attendance table found in this file." in response.content.decode()
    assert not Attendance.objects.exists()


def test_session_changelist_links_to_the_register(client, dana, module):
    client.force_login(dana)

    response = client.get(reverse("admin:sessions_app_session_changelist"))

    assert register_url(module) in response.content.decode()


def test_attendance_history_is_read_only(client, superuser, module):
    row = AttendanceFactory(session=module)
    client.force_login(superuser)
    version = row.history.first().history_id

    response = client.post(
        reverse("admin:participants_attendance_simple_history", args=[row.pk, version]),
        {"status": "absent"},
    )

    row.refresh_from_db()
    assert row.status == "present"
    assert response.status_code in (200, 302, 403)
