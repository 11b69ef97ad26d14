import json
import re

import pytest
from django.contrib.auth.models import Group
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from programmes.models import Cohort, Programme, Track
from programmes.services import COORDINATORS_GROUP
from tests.admin_helpers import admin_url, management
from tests.factories import (
    CohortFactory,
    OrganisationFactory,
    PartnershipFactory,
    ProgrammeFactory,
    TrackFactory,
)


def programme_data(**overrides) -> dict:
    return {
        "title_it": "LOOKING UP – seconda edizione",
        "title_en": "LOOKING UP – second edition",
        "slug": "looking-up-second-edition",
        "summary_it": "Un percorso formativo dallo sviluppo locale alle strategie europee.",
        "summary_en": "A training path from local development towards European SSE strategies.",
        "status": "draft",
        "start_date": "2027-01-15",
        "end_date": "2027-06-30",
        "original_language": "en",
        "languages": ["en", "it"],
        "funding_line_en": "Erasmus+ KA2",
        "enrolment_mode": "open",
        "enrolment_opens_at_0": "",
        "enrolment_opens_at_1": "",
        "enrolment_closes_at_0": "",
        "enrolment_closes_at_1": "",
        "cancellation_notice_hours": "48",
        "reminder_hours": "168,24",
        "online_reminder_minutes": "60",
        **management("partnerships"),
        **management("tracks"),
        **management("cohorts"),
        **overrides,
    }


def count_queries(client, url) -> int:
    client.get(url)  # warm the per-process caches (content types, permissions)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def coordinators_group(db):
    return Group.objects.get(name=COORDINATORS_GROUP)


@pytest.fixture
def looking_up(coordinator, coordinators_group):
    """LOOKING UP, coordinated by the coordinator (Dana)."""
    coordinator.groups.add(coordinators_group)
    programme = ProgrammeFactory(
        title_it="LOOKING UP – Un percorso formativo",
        title_en="LOOKING UP – A training path",
        slug="looking-up",
    )
    programme.coordinators.add(coordinator)
    return programme


@pytest.fixture
def reti(charlie, coordinators_group):
    """Reti solidali e competenti, coordinated by Charlie."""
    charlie.groups.add(coordinators_group)
    return Programme.objects.get(slug="reti-solidali")


# --- who may enter --------------------------------------------------------------------------


def test_admin_anonymous_is_sent_to_login(client, looking_up):
    response = client.get(admin_url("programmes_programme_changelist"))

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_admin_participant_is_sent_to_login(client, alice, looking_up):
    client.force_login(alice)

    response = client.get(admin_url("programmes_programme_changelist"))

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_admin_staff_without_group_is_forbidden(client, coordinator):
    client.force_login(coordinator)

    response = client.get(admin_url("programmes_programme_changelist"))

    assert response.status_code == 403


# --- programmes -----------------------------------------------------------------------------


def test_programme_changelist_superuser_sees_every_programme(client, superuser, looking_up, reti):
    client.force_login(superuser)

    response = client.get(admin_url("programmes_programme_changelist"))

    assert set(response.context["cl"].result_list) == {looking_up, reti}


def test_programme_changelist_coordinator_sees_only_own(client, coordinator, looking_up, reti):
    client.force_login(coordinator)

    response = client.get(admin_url("programmes_programme_changelist"))

    assert list(response.context["cl"].result_list) == [looking_up]
    assert "Reti solidali" not in response.content.decode()


def test_programme_changelist_other_coordinator_sees_only_theirs(client, charlie, looking_up, reti):
    client.force_login(charlie)

    response = client.get(admin_url("programmes_programme_changelist"))

    assert list(response.context["cl"].result_list) == [reti]


def test_programme_change_page_of_another_programme_is_not_found(client, charlie, looking_up, reti):
    client.force_login(charlie)

    for name in ("change", "history", "delete"):
        response = client.get(admin_url(f"programmes_programme_{name}", looking_up.pk))
        assert response.status_code in (403, 404)
        assert "A training path" not in response.content.decode()
        assert "Un percorso formativo" not in response.content.decode()


def test_programme_change_page_of_own_programme_renders(client, coordinator, looking_up):
    client.force_login(coordinator)

    response = client.get(admin_url("programmes_programme_change", looking_up.pk))

    assert response.status_code == 200
    assert response.context["original"] == looking_up


def test_programme_change_page_loads_the_language_tabs_under_the_csp(client, superuser, looking_up):
    client.force_login(superuser)

    response = client.get(admin_url("programmes_programme_change", looking_up.pk))

    html = response.content.decode()
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', html)
    assert "/static/vendor/jquery-ui/jquery-ui-tabs.js" in scripts
    assert "/static/modeltranslation/js/tabbed_translation_fields.js" in scripts
    assert scripts.index("/static/modeltranslation/js/force_jquery.js") < scripts.index(
        "/static/vendor/jquery-ui/jquery-ui-tabs.js"
    )
    assert all(src.startswith("/") for src in scripts)  # nothing from a CDN
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []  # no inline script
    assert ' style="' not in html
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert 'name="title_fr"' in html


def test_programme_tabs_scripts_are_shipped():
    for path in (
        "vendor/jquery-ui/jquery-ui-tabs.js",
        "vendor/jquery-ui/LICENSE.txt",
        "modeltranslation/js/tabbed_translation_fields.js",
        "modeltranslation/css/tabbed_translation_fields.css",
    ):
        assert finders.find(path), path


def test_programme_add_with_end_before_start_shows_the_error(client, superuser):
    client.force_login(superuser)

    response = client.post(
        admin_url("programmes_programme_add"),
        programme_data(start_date="2027-06-30", end_date="2027-01-15"),
    )

    assert response.status_code == 200
    assert "The programme must end on or after its start date." in response.content.decode()
    assert Programme.objects.count() == 0


def test_programme_add_with_taken_slug_shows_the_error(client, superuser, looking_up):
    client.force_login(superuser)

    response = client.post(admin_url("programmes_programme_add"), programme_data(slug="looking-up"))

    assert response.status_code == 200
    assert "Programme with this Slug already exists." in response.content.decode()
    assert Programme.objects.count() == 1


def test_programme_add_without_the_original_language_shows_the_error(client, superuser):
    client.force_login(superuser)

    response = client.post(
        admin_url("programmes_programme_add"),
        programme_data(original_language="en", languages=["it"]),
    )

    assert response.status_code == 200
    assert "The languages offered must include the original language." in response.content.decode()


def test_programme_add_with_enrolment_closing_before_it_opens_shows_the_error(client, superuser):
    client.force_login(superuser)

    response = client.post(
        admin_url("programmes_programme_add"),
        programme_data(
            enrolment_opens_at_0="2027-01-10",
            enrolment_opens_at_1="09:00",
            enrolment_closes_at_0="2027-01-01",
            enrolment_closes_at_1="09:00",
        ),
    )

    assert response.status_code == 200
    assert "Enrolment must close after it opens." in response.content.decode()


def test_programme_add_by_superuser_saves_it_with_inlines(client, superuser, coordinator):
    client.force_login(superuser)
    organisation = OrganisationFactory(name="RIPESS Europe", kind="network", country="LU")

    response = client.post(
        admin_url("programmes_programme_add"),
        programme_data(
            coordinators=[coordinator.pk],
            **management("partnerships", total=1),
            **{"partnerships-0-organisation": organisation.pk, "partnerships-0-role": "partner"},
            **management("cohorts", total=1),
            **{
                "cohorts-0-name_it": "Gruppo italiano",
                "cohorts-0-language": "it",
                "cohorts-0-time_zone": "Europe/Rome",
                "cohorts-0-capacity": "40",
            },
        ),
    )

    assert response.status_code == 302
    programme = Programme.objects.get(slug="looking-up-second-edition")
    assert list(programme.coordinators.all()) == [coordinator]
    assert list(programme.partners.all()) == [organisation]
    assert programme.cohorts.get().capacity == 40


def test_programme_add_by_coordinator_makes_them_its_coordinator(client, coordinator, looking_up):
    client.force_login(coordinator)

    response = client.post(admin_url("programmes_programme_add"), programme_data())

    assert response.status_code == 302
    programme = Programme.objects.get(slug="looking-up-second-edition")
    assert list(programme.coordinators.all()) == [coordinator]


def test_programme_coordinators_are_read_only_for_a_coordinator(
    client, coordinator, charlie, looking_up
):
    client.force_login(coordinator)

    response = client.post(
        admin_url("programmes_programme_change", looking_up.pk),
        programme_data(slug="looking-up", coordinators=[charlie.pk]),
    )

    assert response.status_code == 302
    assert list(looking_up.coordinators.all()) == [coordinator]


def test_programme_inline_cohorts_with_the_same_name_show_the_error(client, superuser, looking_up):
    client.force_login(superuser)
    cohort = {"language": "it", "time_zone": "Europe/Rome", "name_it": "Hub Nord"}

    response = client.post(
        admin_url("programmes_programme_change", looking_up.pk),
        programme_data(
            slug="looking-up",
            **management("cohorts", total=2),
            **{f"cohorts-{i}-{k}": v for i in (0, 1) for k, v in cohort.items()},
        ),
    )

    assert response.status_code == 200
    assert "Please correct the duplicate data" in response.content.decode()
    assert Cohort.objects.count() == 0


def test_programme_coordinator_cannot_delete_a_programme(client, coordinator, looking_up):
    client.force_login(coordinator)

    response = client.post(admin_url("programmes_programme_delete", looking_up.pk), {"post": "yes"})

    assert response.status_code == 403
    assert Programme.objects.filter(pk=looking_up.pk).exists()


# --- tracks and cohorts ---------------------------------------------------------------------


def test_track_add_for_another_programme_is_refused(client, coordinator, looking_up, reti):
    client.force_login(coordinator)

    response = client.post(
        admin_url("programmes_track_add"),
        {"programme": reti.pk, "title_it": "Macro-azione 1", "order": "1"},
    )

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert Track.objects.count() == 0


def test_track_add_for_own_programme_is_saved(client, coordinator, looking_up):
    client.force_login(coordinator)

    response = client.post(
        admin_url("programmes_track_add"),
        {
            "programme": looking_up.pk,
            "order": "1",
            "title_it": "Sviluppo locale partecipativo e transizione ecologica",
            "title_en": "Local participatory development and ecological transition",
        },
    )

    assert response.status_code == 302
    assert looking_up.tracks.get().title_en == (
        "Local participatory development and ecological transition"
    )


def test_track_changelist_filter_lists_only_own_programmes(client, coordinator, looking_up, reti):
    TrackFactory(programme=looking_up)
    TrackFactory(
        programme=reti,
        title="Macro-azione 3 – Volontariato",
        title_it="Macro-azione 3 – Volontariato",
    )
    client.force_login(coordinator)

    response = client.get(admin_url("programmes_track_changelist"))

    html = response.content.decode()
    assert len(response.context["cl"].result_list) == 1
    assert "Reti solidali" not in html
    assert "Macro-azione 3" not in html


def test_track_of_another_programme_is_not_found(client, coordinator, looking_up, reti):
    track = TrackFactory(programme=reti)
    client.force_login(coordinator)

    response = client.get(admin_url("programmes_track_change", track.pk))

    assert response.status_code == 404


def test_cohort_add_with_a_taken_name_shows_the_error(client, coordinator, looking_up):
    CohortFactory(programme=looking_up, name="Hub Nord", name_it="Hub Nord")
    client.force_login(coordinator)

    response = client.post(
        admin_url("programmes_cohort_add"),
        {
            "programme": looking_up.pk,
            "name_it": "Hub Nord",
            "language": "it",
            "time_zone": "Europe/Rome",
        },
    )

    assert response.status_code == 200
    assert "This programme already has a cohort with this name." in response.content.decode()
    assert Cohort.objects.count() == 1


def test_cohort_add_with_negative_capacity_shows_the_error(client, coordinator, looking_up):
    client.force_login(coordinator)

    response = client.post(
        admin_url("programmes_cohort_add"),
        {
            "programme": looking_up.pk,
            "name_it": "Hub Sud",
            "language": "it",
            "time_zone": "Europe/Rome",
            "capacity": "-1",
        },
    )

    assert response.status_code == 200
    assert "Ensure this value is greater than or equal to 0." in response.content.decode()
    assert Cohort.objects.count() == 0


def test_cohort_add_with_unknown_time_zone_shows_the_error(client, coordinator, looking_up):
    client.force_login(coordinator)

    response = client.post(
        admin_url("programmes_cohort_add"),
        {
            "programme": looking_up.pk,
            "name_it": "Hub Sud",
            "language": "it",
            "time_zone": "Mars/Olympus",
        },
    )

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_autocomplete_of_programmes_lists_only_own(client, coordinator, looking_up, reti):
    client.force_login(coordinator)

    response = client.get(
        admin_url("autocomplete"),
        {
            "app_label": "programmes",
            "model_name": "track",
            "field_name": "programme",
            "term": "",
        },
    )

    results = json.loads(response.content)["results"]
    assert [result["id"] for result in results] == [str(looking_up.pk)]


def test_autocomplete_of_programmes_lists_all_for_superuser(client, superuser, looking_up, reti):
    client.force_login(superuser)

    response = client.get(
        admin_url("autocomplete"),
        {
            "app_label": "programmes",
            "model_name": "track",
            "field_name": "programme",
            "term": "",
        },
    )

    assert len(json.loads(response.content)["results"]) == 2


# --- constant query counts ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["programme", "track", "cohort", "organisation"])
def test_changelist_queries_do_not_grow_with_rows_for_superuser(
    client, superuser, name, django_assert_num_queries
):
    url = admin_url(f"programmes_{name}_changelist")
    client.force_login(superuser)
    PartnershipFactory(programme=TrackFactory().programme)
    CohortFactory()
    one = count_queries(client, url)

    for _ in range(6):
        programme = ProgrammeFactory(funder=OrganisationFactory())
        TrackFactory(programme=programme)
        CohortFactory(programme=programme)

    with django_assert_num_queries(one):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("name", ["programme", "track", "cohort"])
def test_changelist_queries_do_not_grow_with_rows_for_coordinator(
    client, coordinator, name, looking_up, django_assert_num_queries
):
    url = admin_url(f"programmes_{name}_changelist")
    client.force_login(coordinator)
    TrackFactory(programme=looking_up)
    CohortFactory(programme=looking_up)
    one = count_queries(client, url)

    for _ in range(6):
        programme = ProgrammeFactory(funder=OrganisationFactory())
        programme.coordinators.add(coordinator)
        TrackFactory(programme=programme)
        CohortFactory(programme=programme)

    with django_assert_num_queries(one):
        assert client.get(url).status_code == 200


# --- text in the programme's own language ---------------------------------------------------


def test_programme_written_in_english_needs_no_italian_text(client, superuser):
    client.force_login(superuser)

    response = client.post(
        admin_url("programmes_programme_add"),
        programme_data(title_it="", summary_it="", languages=["en", "fr", "pt"]),
    )

    assert response.status_code == 302
    programme = Programme.objects.get(slug="looking-up-second-edition")
    assert (programme.title_it, programme.title_en) == (None, "LOOKING UP – second edition")


def test_programme_without_text_in_its_original_language_shows_the_error(client, superuser):
    client.force_login(superuser)

    with translation.override("en"):
        response = client.post(
            admin_url("programmes_programme_add"), programme_data(title_en="", summary_en="")
        )

    assert response.status_code == 200
    assert (
        response.content.decode().count(
            "Required in the programme&#x27;s original language (English)."
        )
        == 2
    )
    assert not Programme.objects.exists()


@pytest.mark.parametrize("field", ["title_it", "title_fr", "funding_line_en"])
def test_programme_add_with_a_line_break_in_its_title_shows_the_error(client, superuser, field):
    client.force_login(superuser)

    response = client.post(
        admin_url("programmes_programme_add"), programme_data(**{field: "LOOKING\nUP"})
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors[field] == [
        "Write this on a single line, without line breaks or control characters."
    ]


def test_programme_add_with_malformed_reminder_hours_shows_the_error(client, superuser):
    client.force_login(superuser)

    response = client.post(
        admin_url("programmes_programme_add"), programme_data(reminder_hours="a week, 24")
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["reminder_hours"] == [
        "Write whole numbers of hours separated by commas, for example 168,24."
    ]
