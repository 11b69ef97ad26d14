import json

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from programmes.models import Programme
from programmes.services import COORDINATORS_GROUP
from sessions_app.models import Material, Session
from tests.admin_helpers import admin_url, management
from tests.factories import (
    CohortFactory,
    MaterialFactory,
    OnlineSessionFactory,
    ProgrammeFactory,
    SessionFactory,
    TrackFactory,
)

CHANGELIST = "sessions_app_session_changelist"


def session_data(programme, **overrides) -> dict:
    return {
        "programme": programme.pk,
        "track": "",
        "kind": "workshop",
        "title_it": "Workshop di co-progettazione a Firenze",
        "title_en": "Co-designed workshop in Florence",
        "status": "scheduled",
        "starts_at_0": "2027-06-18",
        "starts_at_1": "09:30",
        "ends_at_0": "2027-06-18",
        "ends_at_1": "17:30",
        "time_zone": "Europe/Rome",
        "city": "Firenze",
        "country": "IT",
        "languages": ["it", "en"],
        "duration_hours": "7",
        **management("materials"),
        **overrides,
    }


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def coordinators_group(db):
    return Group.objects.get(name=COORDINATORS_GROUP)


@pytest.fixture
def looking_up(coordinator, coordinators_group):
    coordinator.groups.add(coordinators_group)
    programme = ProgrammeFactory(title_en="LOOKING UP – A training path", slug="looking-up")
    programme.coordinators.add(coordinator)
    return programme


@pytest.fixture
def reti(charlie, coordinators_group):
    """Reti solidali e competenti (Charlie's), with its three hubs."""
    charlie.groups.add(coordinators_group)
    programme = Programme.objects.get(slug="reti-solidali")
    for name in ("Hub Nord", "Hub Centro", "Hub Sud"):
        CohortFactory(programme=programme, name=name, name_it=name, capacity=720)
    return programme


@pytest.fixture
def module(reti):
    """A remote module of Reti solidali for the north hub, with its handouts."""
    session = OnlineSessionFactory(
        programme=reti,
        title="Modulo 1 – Le reti associative del Terzo settore",
        title_it="Modulo 1 – Le reti associative del Terzo settore",
        cohorts=[reti.cohorts.get(name_it="Hub Nord")],
        capacity=720,
    )
    MaterialFactory(
        session=session, title_it="Dispense", language="it", url="https://example.org/modulo-1.pdf"
    )
    return session


# --- who sees what --------------------------------------------------------------------------


def test_session_changelist_anonymous_is_sent_to_login(client, module):
    response = client.get(admin_url(CHANGELIST))

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_session_changelist_participant_is_sent_to_login(client, alice, module):
    client.force_login(alice)

    response = client.get(admin_url(CHANGELIST))

    assert response.status_code == 302


def test_session_changelist_coordinator_sees_only_own_sessions(
    client, coordinator, looking_up, module
):
    own = SessionFactory(programme=looking_up)
    client.force_login(coordinator)

    response = client.get(admin_url(CHANGELIST))

    assert list(response.context["cl"].result_list) == [own]
    assert "Modulo 1" not in response.content.decode()


def test_session_changelist_superuser_sees_every_session(client, superuser, looking_up, module):
    SessionFactory(programme=looking_up)
    client.force_login(superuser)

    response = client.get(admin_url(CHANGELIST))

    assert len(response.context["cl"].result_list) == 2


def test_session_of_another_programme_is_not_found(client, coordinator, looking_up, module):
    client.force_login(coordinator)

    response = client.get(admin_url("sessions_app_session_change", module.pk))

    assert response.status_code == 404
    assert "Modulo 1" not in response.content.decode()


def test_session_of_another_programme_cannot_be_deleted(client, coordinator, looking_up, module):
    client.force_login(coordinator)

    response = client.post(admin_url("sessions_app_session_delete", module.pk), {"post": "yes"})

    assert response.status_code == 404
    assert Session.objects.filter(pk=module.pk).exists()


def test_session_change_page_of_own_session_renders(client, charlie, module):
    client.force_login(charlie)

    response = client.get(admin_url("sessions_app_session_change", module.pk))

    assert response.status_code == 200
    assert "Dispense" in response.content.decode()


def test_session_form_offers_only_own_programmes_and_cohorts(client, coordinator, looking_up, reti):
    CohortFactory(programme=looking_up, name="Partecipanti", name_it="Partecipanti")
    client.force_login(coordinator)

    response = client.get(admin_url("sessions_app_session_add"))

    form = response.context["adminform"].form
    assert list(form.fields["programme"].queryset) == [looking_up]
    assert [c.programme for c in form.fields["cohorts"].queryset] == [looking_up]
    assert all(t.programme == looking_up for t in form.fields["track"].queryset)


def test_session_autocomplete_of_cohorts_lists_only_own(client, coordinator, looking_up, reti):
    CohortFactory(programme=looking_up, name="Partecipanti", name_it="Partecipanti")
    client.force_login(coordinator)

    response = client.get(
        admin_url("autocomplete"),
        {
            "app_label": "sessions_app",
            "model_name": "session",
            "field_name": "cohorts",
            "term": "",
        },
    )

    assert [r["text"] for r in json.loads(response.content)["results"]] == ["Partecipanti"]


# --- a clear error instead of a 500 ---------------------------------------------------------


def test_session_add_is_saved(client, coordinator, looking_up):
    cohort = CohortFactory(programme=looking_up)
    client.force_login(coordinator)

    response = client.post(
        admin_url("sessions_app_session_add"),
        session_data(
            looking_up,
            cohorts=[cohort.pk],
            **management("materials", total=1),
            **{
                "materials-0-title_it": "Programma",
                "materials-0-language": "it",
                "materials-0-kind": "link",
                "materials-0-url": "https://example.org/programma.pdf",
                "materials-0-order": "0",
            },
        ),
    )

    assert response.status_code == 302
    session = Session.objects.get()
    assert list(session.cohorts.all()) == [cohort]
    assert session.materials.get().url == "https://example.org/programma.pdf"


def test_session_add_with_a_cohort_of_another_programme_shows_the_error(
    client, superuser, looking_up, reti
):
    client.force_login(superuser)
    hub = reti.cohorts.get(name_it="Hub Sud")

    response = client.post(
        admin_url("sessions_app_session_add"), session_data(looking_up, cohorts=[hub.pk])
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["cohorts"] == [
        "The cohort “Hub Sud” belongs to another programme."
    ]
    assert Session.objects.count() == 0


def test_session_change_to_another_programme_keeping_its_cohorts_shows_the_error(
    client, superuser, looking_up, module
):
    client.force_login(superuser)
    hub = module.cohorts.get()
    material = module.materials.get()

    response = client.post(
        admin_url("sessions_app_session_change", module.pk),
        session_data(
            looking_up,
            cohorts=[hub.pk],
            **management("materials", total=1, initial=1),
            **{
                "materials-0-id": material.pk,
                "materials-0-session": module.pk,
                "materials-0-title_it": "Dispense",
                "materials-0-language": "it",
                "materials-0-kind": "link",
                "materials-0-url": material.url,
                "materials-0-order": "0",
            },
        ),
    )

    assert response.status_code == 200
    assert "belongs to another programme" in response.content.decode()
    module.refresh_from_db()
    assert module.programme.slug == "reti-solidali"


def test_session_add_ending_before_it_starts_shows_the_error(client, coordinator, looking_up):
    client.force_login(coordinator)

    response = client.post(
        admin_url("sessions_app_session_add"), session_data(looking_up, ends_at_1="08:00")
    )

    assert response.status_code == 200
    assert "A session must end after it starts." in response.content.decode()
    assert Session.objects.count() == 0


def test_session_add_with_negative_capacity_shows_the_error(client, coordinator, looking_up):
    client.force_login(coordinator)

    response = client.post(
        admin_url("sessions_app_session_add"), session_data(looking_up, capacity="-10")
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["capacity"] == [
        "Ensure this value is greater than or equal to 0."
    ]


def test_session_add_with_negative_hours_shows_the_error(client, coordinator, looking_up):
    client.force_login(coordinator)

    response = client.post(
        admin_url("sessions_app_session_add"), session_data(looking_up, duration_hours="-1")
    )

    assert response.status_code == 200
    assert "duration_hours" in response.context["adminform"].form.errors


def test_session_add_with_a_track_of_another_programme_shows_the_error(
    client, superuser, looking_up, reti
):
    client.force_login(superuser)
    track = TrackFactory(programme=reti, title="Macro-azione 1", title_it="Macro-azione 1")

    response = client.post(
        admin_url("sessions_app_session_add"), session_data(looking_up, track=track.pk)
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["track"] == [
        "This track belongs to another programme."
    ]


def test_session_add_online_without_link_shows_the_error(client, coordinator, looking_up):
    client.force_login(coordinator)

    response = client.post(
        admin_url("sessions_app_session_add"),
        session_data(looking_up, kind="online", city="", country=""),
    )

    assert response.status_code == 200
    assert "An online session needs a meeting link." in response.content.decode()


def test_session_add_with_a_link_material_without_address_shows_the_error(
    client, coordinator, looking_up
):
    client.force_login(coordinator)

    response = client.post(
        admin_url("sessions_app_session_add"),
        session_data(
            looking_up,
            **management("materials", total=1),
            **{
                "materials-0-title_it": "Slides",
                "materials-0-language": "en",
                "materials-0-kind": "link",
                "materials-0-url": "",
                "materials-0-order": "0",
            },
        ),
    )

    assert response.status_code == 200
    assert "A file needs an upload; a link needs an address." in response.content.decode()
    assert Material.objects.count() == 0


def test_session_add_by_coordinator_for_another_programme_is_refused(
    client, coordinator, looking_up, reti
):
    client.force_login(coordinator)

    response = client.post(admin_url("sessions_app_session_add"), session_data(reti))

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert Session.objects.count() == 0


# --- replicate for other cohorts ------------------------------------------------------------


def replicate(client, sessions, **extra):
    return client.post(
        admin_url(CHANGELIST),
        {
            "action": "replicate_for_cohorts",
            ACTION_CHECKBOX_NAME: [session.pk for session in sessions],
            **extra,
        },
    )


def test_replicate_shows_the_cohorts_of_the_programme(client, charlie, module, looking_up):
    CohortFactory(programme=looking_up, name="Partecipanti", name_it="Partecipanti")
    client.force_login(charlie)

    response = replicate(client, [module])

    assert response.status_code == 200
    form = response.context["form"]
    assert [c.name_it for c in form.fields["cohorts"].queryset] == [
        "Hub Nord",
        "Hub Centro",
        "Hub Sud",
    ]
    html = response.content.decode()
    assert "Modulo 1 – Le reti associative del Terzo settore" in html
    assert "Partecipanti" not in html


def test_replicate_creates_the_copies_and_reports_them(client, charlie, module):
    centro, sud = module.programme.cohorts.filter(name_it__in=["Hub Centro", "Hub Sud"])
    client.force_login(charlie)

    response = replicate(client, [module], apply="1", cohorts=[centro.pk, sud.pk])

    assert response.status_code == 302
    assert messages_of(response) == ["2 sessions created."]
    copies = Session.objects.exclude(pk=module.pk)
    assert sorted(c.cohorts.get().name_it for c in copies) == ["Hub Centro", "Hub Sud"]
    assert all(c.materials.get().title_it == "Dispense" for c in copies)


def test_replicate_twice_skips_the_existing_copies(client, charlie, module):
    cohorts = [c.pk for c in module.programme.cohorts.all()]
    client.force_login(charlie)
    replicate(client, [module], apply="1", cohorts=cohorts)

    response = replicate(client, [module], apply="1", cohorts=cohorts)

    assert messages_of(response)[-2:] == [
        "0 sessions created.",
        "3 copies skipped: they already existed.",
    ]
    assert Session.objects.count() == 3


def test_replicate_without_cohorts_shows_the_error(client, charlie, module):
    client.force_login(charlie)

    response = replicate(client, [module], apply="1")

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert Session.objects.count() == 1


def test_replicate_with_a_cohort_of_another_programme_shows_the_error(
    client, superuser, module, looking_up
):
    foreign = CohortFactory(programme=looking_up)
    client.force_login(superuser)

    response = replicate(client, [module], apply="1", cohorts=[foreign.pk])

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert Session.objects.count() == 1


def test_replicate_sessions_of_two_programmes_is_refused(client, superuser, module, looking_up):
    other = SessionFactory(programme=looking_up)
    client.force_login(superuser)

    response = replicate(client, [module, other])

    assert response.status_code == 302
    assert messages_of(response) == ["Select sessions of a single programme to replicate them."]


def test_replicate_another_programmes_session_does_nothing(client, coordinator, looking_up, module):
    client.force_login(coordinator)
    nord = module.cohorts.get()

    response = replicate(client, [module], apply="1", cohorts=[nord.pk])

    assert response.status_code == 302
    assert Session.objects.count() == 1


# --- constant query counts ------------------------------------------------------------------


def make_sessions(programme, count: int) -> None:
    cohort = CohortFactory(programme=programme)
    track = TrackFactory(programme=programme)
    for _ in range(count):
        SessionFactory(programme=programme, track=track, cohorts=[cohort])


def count_queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_session_changelist_queries_do_not_grow_for_superuser(
    client, superuser, looking_up, django_assert_num_queries
):
    url = admin_url(CHANGELIST)
    client.force_login(superuser)
    make_sessions(looking_up, 1)
    one = count_queries(client, url)

    make_sessions(looking_up, 8)
    make_sessions(ProgrammeFactory(), 8)

    with django_assert_num_queries(one):
        assert client.get(url).status_code == 200


def test_session_changelist_queries_do_not_grow_for_coordinator(
    client, coordinator, looking_up, django_assert_num_queries
):
    url = admin_url(CHANGELIST)
    client.force_login(coordinator)
    make_sessions(looking_up, 1)
    one = count_queries(client, url)

    make_sessions(looking_up, 8)
    second = ProgrammeFactory()
    second.coordinators.add(coordinator)
    make_sessions(second, 8)

    with django_assert_num_queries(one):
        assert client.get(url).status_code == 200


def test_session_with_a_title_in_one_language_only_is_saved(client, coordinator, looking_up):
    client.force_login(coordinator)

    response = client.post(
        admin_url("sessions_app_session_add"),
        session_data(looking_up, title_it="", title_en="", title_fr="Atelier de capitalisation"),
    )

    assert response.status_code == 302
    assert Session.objects.get().title_fr == "Atelier de capitalisation"


def test_session_without_any_title_shows_the_error(client, coordinator, looking_up):
    client.force_login(coordinator)

    with translation.override("en"):
        response = client.post(
            admin_url("sessions_app_session_add"),
            session_data(looking_up, title_it="", title_en=""),
        )

    assert response.status_code == 200
    assert "Required in at least one language." in response.content.decode()
    assert not Session.objects.exists()


@pytest.mark.parametrize(
    "field", ["title_it", "title_en", "title_fr", "title_pt", "venue_name", "city"]
)
def test_session_add_with_a_line_break_in_a_single_line_field_shows_the_error(
    client, coordinator, looking_up, field
):
    client.force_login(coordinator)

    response = client.post(
        admin_url("sessions_app_session_add"),
        session_data(looking_up, **{field: "Workshop\r\nX-WR-CALNAME:evil"}),
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors[field] == [
        "Write this on a single line, without line breaks or control characters."
    ]
    assert Session.objects.count() == 0
