"""The enrolment and registration lists: filters, columns, bulk actions, exports."""

import csv
import io

import openpyxl
import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.messages import get_messages
from django.urls import reverse

from participants import services
from participants.enums import EnrolmentStatus as Status
from programmes.enums import EnrolmentMode
from programmes.services import ensure_coordinators_group
from tests.factories import (
    AttendanceFactory,
    CohortFactory,
    EnrolmentFactory,
    OrganisationFactory,
    ParticipantFactory,
    ProgrammeFactory,
    SessionFactory,
    SessionRegistrationFactory,
)

pytestmark = pytest.mark.django_db

ENROLMENTS = "admin:participants_enrolment_changelist"
REGISTRATIONS = "admin:participants_sessionregistration_changelist"


@pytest.fixture
def dana(coordinator):
    coordinator.groups.add(ensure_coordinators_group())
    return coordinator


@pytest.fixture
def reti(dana):
    programme = ProgrammeFactory(
        title="Reti solidali e competenti", enrolment_mode=EnrolmentMode.APPROVAL
    )
    programme.coordinators.add(dana)
    return programme


@pytest.fixture
def hubs(reti):
    return {
        name: CohortFactory(programme=reti, name=name, capacity=capacity)
        for name, capacity in [("Hub Nord", 2), ("Hub Centro", 1), ("Hub Sud", None)]
    }


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def act(client, url, action, rows, **data):
    return client.post(
        reverse(url), {"action": action, ACTION_CHECKBOX_NAME: [r.pk for r in rows], **data}
    )


def in_the_list(client, url, **params):
    return list(client.get(reverse(url), params).context["cl"].result_list)


# --- the list


def test_enrolment_list_shows_email_and_places_left(client, dana, hubs):
    nord = hubs["Hub Nord"]
    alice = EnrolmentFactory(
        programme=nord.programme, cohort=nord, participant__email="alice@example.org"
    )
    client.force_login(dana)

    html = client.get(reverse(ENROLMENTS)).content.decode()

    assert "alice@example.org" in html
    assert "1 of 2 taken, 1 left" in html
    assert alice.participant.full_name in html


def test_enrolment_list_filters_by_cohort_country_kind_and_attendance(client, dana, hubs):
    nord, sud = hubs["Hub Nord"], hubs["Hub Sud"]
    italian = EnrolmentFactory(programme=nord.programme, cohort=nord, country="IT")
    french = EnrolmentFactory(
        programme=nord.programme, cohort=sud, country="FR", organisation_kind="association"
    )
    AttendanceFactory(
        session=SessionFactory(programme=nord.programme),
        participant=french.participant,
        enrolment=french,
    )
    client.force_login(dana)

    assert in_the_list(client, ENROLMENTS, cohort__id__exact=nord.pk) == [italian]
    assert in_the_list(client, ENROLMENTS, country="FR") == [french]
    assert in_the_list(client, ENROLMENTS, organisation_kind__exact="association") == [french]
    assert in_the_list(client, ENROLMENTS, attended="yes") == [french]
    assert in_the_list(client, ENROLMENTS, attended="no") == [italian]


def test_enrolment_list_cohort_filter_offers_only_own_cohorts(client, dana, hubs, charlie):
    trento = charlie.coordinated_programmes.get()
    CohortFactory(programme=trento, name="Hub Trento")
    ProgrammeFactory(title="SSE Academy elective", status="draft").coordinators.add(dana)
    client.force_login(dana)

    html = client.get(reverse(ENROLMENTS)).content.decode()

    assert "Hub Nord" in html
    assert "SSE Academy elective" in html  # own programmes, drafts too, in "By programme"
    assert "Hub Trento" not in html
    assert f"programme__id__exact={trento.pk}" not in html


def test_enrolment_list_searches_by_organisation(client, dana, reti):
    member = ParticipantFactory(organisation=OrganisationFactory(name="Legacoopsociali"))
    found = EnrolmentFactory(programme=reti, participant=member)
    EnrolmentFactory(programme=reti)
    client.force_login(dana)

    assert in_the_list(client, ENROLMENTS, q="legacoop") == [found]


# --- actions


def test_reject_with_a_reason_tells_the_person_why(
    client, dana, reti, mailoutbox, django_capture_on_commit_callbacks
):
    alice = ParticipantFactory(email="alice@example.org", preferred_language="en")
    pending = services.enrol(alice, reti).obj
    client.force_login(dana)

    asked = act(client, ENROLMENTS, "reject_selected", [pending])
    with django_capture_on_commit_callbacks(execute=True):
        done = act(
            client,
            ENROLMENTS,
            "reject_selected",
            [pending],
            apply="1",
            reason="The hub is for Tuscany.",
        )

    assert asked.status_code == 200
    assert "Reason, sent to each person" in asked.content.decode()
    assert done.status_code == 302
    pending.refresh_from_db()
    assert (pending.status, pending.decision_reason) == (Status.REJECTED, "The hub is for Tuscany.")
    assert messages_of(done) == ["1 request rejected; the person has been told by email."]
    rejected = [m for m in mailoutbox if "could not accept" in m.body]
    assert len(rejected) == 1
    assert "Their reason: The hub is for Tuscany." in rejected[0].body


def test_move_respects_capacity_and_the_waiting_list(
    client, dana, hubs, mailoutbox, django_capture_on_commit_callbacks
):
    nord, centro = hubs["Hub Nord"], hubs["Hub Centro"]
    reti = nord.programme
    first = EnrolmentFactory(programme=reti, cohort=nord)
    second = EnrolmentFactory(programme=reti, cohort=nord)
    waiting = EnrolmentFactory(programme=reti, cohort=nord, status="waiting")
    client.force_login(dana)

    with django_capture_on_commit_callbacks(execute=True):
        response = act(
            client, ENROLMENTS, "move_selected", [first, second], apply="1", cohort=centro.pk
        )

    for entry in (first, second, waiting):
        entry.refresh_from_db()
    assert (first.cohort, first.status) == (centro, Status.CONFIRMED)
    assert (second.cohort, second.status) == (centro, Status.WAITING)  # Centro has one seat
    assert waiting.status == Status.CONFIRMED  # a seat in Nord freed up
    assert messages_of(response)[0] == "2 people moved to “Hub Centro”."
    assert any("which is full: on its waiting list" in m for m in messages_of(response))
    subjects = sorted(m.subject for m in mailoutbox)
    assert len([s for s in subjects if "group" in s.lower() or "gruppo" in s.lower()]) == 2


def test_move_refuses_people_of_two_programmes(client, dana, hubs):
    other = ProgrammeFactory()
    other.coordinators.add(dana)
    rows = [
        EnrolmentFactory(programme=hubs["Hub Nord"].programme),
        EnrolmentFactory(programme=other),
    ]
    client.force_login(dana)

    response = act(client, ENROLMENTS, "move_selected", rows)

    assert messages_of(response) == ["Select people of a single programme to move them."]


def test_cancel_frees_seats_and_tells_the_people(
    client, dana, hubs, mailoutbox, django_capture_on_commit_callbacks
):
    nord = hubs["Hub Nord"]
    confirmed = EnrolmentFactory(
        programme=nord.programme, cohort=nord, participant__preferred_language="en"
    )
    EnrolmentFactory(programme=nord.programme, cohort=nord)
    waiting = EnrolmentFactory(programme=nord.programme, cohort=nord, status="waiting")
    client.force_login(dana)

    with django_capture_on_commit_callbacks(execute=True):
        response = act(
            client, ENROLMENTS, "cancel_selected", [confirmed], apply="1", reason="Duplicate."
        )

    confirmed.refresh_from_db()
    waiting.refresh_from_db()
    assert confirmed.status == Status.CANCELLED
    assert waiting.status == Status.CONFIRMED
    assert messages_of(response) == ["1 place cancelled."]
    cancelled = [m for m in mailoutbox if m.to == [confirmed.participant.email]]
    assert "The coordinators have cancelled your place" in cancelled[0].body
    assert "Their reason: Duplicate." in cancelled[0].body


def test_message_goes_to_each_in_their_language_and_is_counted(
    client, dana, reti, mailoutbox, django_capture_on_commit_callbacks
):
    people = [
        EnrolmentFactory(programme=reti, participant__preferred_language=language)
        for language in ("it", "fr", "pt")
    ]
    client.force_login(dana)
    form = {
        "apply": "1",
        "subject_it": "Modulo 3 spostato",
        "body_it": "Il modulo 3 si terrà giovedì.",
        "subject_fr": "Module 3 déplacé",
        "body_fr": "Le module 3 aura lieu jeudi.",
        "token": "t0k3n",
    }

    with django_capture_on_commit_callbacks(execute=True):
        response = act(client, ENROLMENTS, "message_selected", people, **form)
    with django_capture_on_commit_callbacks(execute=True):
        act(client, ENROLMENTS, "message_selected", people, **form)  # the same form again

    assert messages_of(response) == ["3 emails are on their way."]
    by_person = {m.to[0]: m for m in mailoutbox}
    assert len(mailoutbox) == 3
    assert by_person[people[0].participant.email].subject == "Modulo 3 spostato"
    assert by_person[people[1].participant.email].subject == "Module 3 déplacé"
    assert by_person[people[2].participant.email].subject == "Modulo 3 spostato"  # first written
    assert "Le module 3 aura lieu jeudi." in by_person[people[1].participant.email].body


def test_message_needs_subject_and_body(client, dana, reti):
    entry = EnrolmentFactory(programme=reti)
    client.force_login(dana)

    response = act(
        client, ENROLMENTS, "message_selected", [entry], apply="1", subject_en="Hi", token="x"
    )

    assert response.status_code == 200
    assert "Write both a subject and a message in English, or neither." in response.content.decode()


def test_export_csv_and_xlsx(client, dana, hubs):
    nord = hubs["Hub Nord"]
    entry = EnrolmentFactory(
        programme=nord.programme,
        cohort=nord,
        participant__full_name="Zoé Lefèvre",
        participant__email="zoe@example.org",
    )
    client.force_login(dana)

    csv_response = act(client, ENROLMENTS, "export_csv", [entry])
    xlsx_response = act(client, ENROLMENTS, "export_xlsx", [entry])

    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Name", "Email"]
    assert rows[1][:2] == ["Zoé Lefèvre", "zoe@example.org"]
    assert "Hub Nord" in rows[1]
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_response.content)).active
    assert sheet["A2"].value == "Zoé Lefèvre"


# --- registrations: the same actions


def test_registration_list_cancels_and_shows_places(
    client, dana, reti, mailoutbox, django_capture_on_commit_callbacks
):
    residency = SessionFactory(
        programme=reti, title="Residenza Lecce", registration_required=True, capacity=30
    )
    registration = SessionRegistrationFactory(session=residency)
    client.force_login(dana)

    listing = client.get(reverse(REGISTRATIONS)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = act(client, REGISTRATIONS, "cancel_selected", [registration], apply="1")

    assert "1 of 30 taken, 29 left" in listing
    assert registration.participant.email in listing
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED
    assert messages_of(response) == ["1 place cancelled."]
    assert "Residenza Lecce" in mailoutbox[-1].subject


def test_attendance_export_csv(client, dana, reti):
    row = AttendanceFactory(
        session=SessionFactory(programme=reti, title="Modulo 2"),
        participant__full_name="Ana Sousa",
        status="late",
        minutes=40,
    )
    AttendanceFactory()  # another programme's
    client.force_login(dana)

    response = client.post(
        reverse("admin:participants_attendance_changelist"),
        {"action": "export_csv", ACTION_CHECKBOX_NAME: [row.pk], "select_across": "1"},
    )

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [r[0] for r in rows[1:]] == ["Modulo 2"]
    assert rows[1][2:6] == ["Ana Sousa", row.participant.email, "Late", "40"]
