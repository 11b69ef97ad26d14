"""Coordinators manage only their programmes' calls, partner access and practices."""

import pytest

from goodpractices.models import PartnerAccess
from programmes.services import ensure_coordinators_group
from tests.admin_helpers import admin_url
from tests.factories import OrganisationFactory
from tests.goodpractices.factories import CallFactory, PracticeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def coordinators_group(coordinator, charlie):
    group = ensure_coordinators_group()
    coordinator.groups.add(group)
    charlie.groups.add(group)


@pytest.fixture
def rows(futuro, charlie):
    other_programme = charlie.coordinated_programmes.get()
    return {
        "call": CallFactory(programme=futuro, title="Futuro call"),
        "other_call": CallFactory(programme=other_programme, title="Reti call"),
        "practice": PracticeFactory(title="Futuro practice", programme=futuro),
        "other_practice": PracticeFactory(title="Reti practice", programme=other_programme),
    }


@pytest.mark.parametrize(
    ("user", "calls", "practices"),
    [
        ("coordinator", ["Futuro call"], ["Futuro practice"]),
        ("charlie", ["Reti call"], ["Reti practice"]),
        ("superuser", ["Futuro call", "Reti call"], ["Futuro practice", "Reti practice"]),
    ],
)
def test_changelists_show_only_own_programmes(client, request, rows, user, calls, practices):
    client.force_login(request.getfixturevalue(user))

    call_list = client.get(admin_url("goodpractices_call_changelist"))
    practice_list = client.get(admin_url("goodpractices_goodpractice_changelist"))

    assert sorted(str(c) for c in call_list.context["cl"].result_list) == calls
    assert sorted(str(p) for p in practice_list.context["cl"].result_list) == practices


def test_practice_of_another_programme_is_not_found(client, charlie, rows):
    client.force_login(charlie)

    response = client.get(admin_url("goodpractices_goodpractice_change", rows["practice"].pk))

    assert response.status_code == 404


def test_participant_cannot_open_the_admin(client, alice, rows):
    client.force_login(alice)

    response = client.get(admin_url("goodpractices_goodpractice_changelist"))

    assert response.status_code == 302


def test_partner_access_for_an_organisation_that_is_not_a_partner_is_refused(
    client, coordinator, futuro
):
    stranger = OrganisationFactory(name="Not a partner")
    client.force_login(coordinator)

    response = client.post(
        admin_url("goodpractices_partneraccess_add"),
        {"programme": futuro.pk, "organisation": stranger.pk, "email": ""},
    )

    assert response.status_code == 200
    assert "This organisation is not a partner of the programme." in response.content.decode()
    assert PartnerAccess.objects.count() == 0


def test_coordinator_grants_partner_access_to_a_person(client, coordinator, futuro, bob):
    client.force_login(coordinator)

    client.post(
        admin_url("goodpractices_partneraccess_add"),
        {"programme": futuro.pk, "email": "BOB@example.org", "organisation": ""},
    )

    access = PartnerAccess.objects.get()
    assert (access.user, access.granted_by) == (bob, coordinator)


def test_partner_access_for_another_programme_is_refused(client, charlie, futuro, bob):
    client.force_login(charlie)

    response = client.post(
        admin_url("goodpractices_partneraccess_add"),
        {"programme": futuro.pk, "email": bob.email, "organisation": ""},
    )

    assert response.status_code == 200
    assert PartnerAccess.objects.count() == 0


def test_publish_action_goes_through_the_review_step(
    client, coordinator, rows, alice, mailoutbox, django_capture_on_commit_callbacks
):
    practice = rows["practice"]
    practice.status, practice.published_at, practice.submitted_by = "submitted", None, alice
    practice.save()
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            admin_url("goodpractices_goodpractice_changelist"),
            {"action": "publish", "_selected_action": [practice.pk]},
        )

    practice.refresh_from_db()
    assert practice.status == "published"
    assert [e.action for e in practice.events.all()] == ["published"]
    assert len(mailoutbox) == 1


def test_theme_taxonomy_is_seeded_with_essglobal_ids(themes):
    assert len(themes) == 12
    assert themes["training-popular-education"].essglobal_id == "A16"
    assert themes["urban-rural-relations"].essglobal_id == ""
    assert themes["care"].name_fr == "Soin"


def test_partner_access_for_an_unknown_address_says_so(client, coordinator, futuro):
    client.force_login(coordinator)

    response = client.post(
        admin_url("goodpractices_partneraccess_add"),
        {"programme": futuro.pk, "email": "nobody@example.org", "organisation": ""},
    )

    assert "No account uses this email address." in response.content.decode()
    assert PartnerAccess.objects.count() == 0


def test_coordinator_opens_own_practice_and_must_name_a_programme(client, coordinator, rows):
    client.force_login(coordinator)

    page = client.get(admin_url("goodpractices_goodpractice_change", rows["practice"].pk))
    add = client.post(
        admin_url("goodpractices_goodpractice_add"),
        {"title_en": "No programme", "summary_en": "x", "slug": "no-programme"},
    )

    assert page.status_code == 200
    assert "Open the review page" in page.content.decode()
    assert add.status_code == 200
    assert add.context["adminform"].form.errors["programme"] == ["This field is required."]


def test_practice_with_a_private_file_opens_in_the_admin_without_its_address(
    client, coordinator, rows
):
    from tests.files import pdf_bytes, upload
    from tests.goodpractices.factories import PracticeMaterialFactory

    material = PracticeMaterialFactory(
        practice=rows["practice"], kind="file", url="", file=upload("a.pdf", pdf_bytes())
    )
    client.force_login(coordinator)

    response = client.get(admin_url("goodpractices_goodpractice_change", rows["practice"].pk))

    assert response.status_code == 200
    assert material.file.name not in response.content.decode()
