"""Organisations typed at sign-up stay private to their authors until a coordinator confirms
them, and go with the last account that used them."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from participants import privacy
from participants.models import User
from programmes.models import Organisation
from programmes.services import ensure_coordinators_group
from tests.factories import OrganisationFactory, PartnershipFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def _signup(client, email: str, organisation: str, **extra):
    data = {
        "full_name": "Marta Ferreira",
        "email": email,
        "password1": "a long and unusual passphrase 42",
        "password2": "a long and unusual passphrase 42",
        "new_organisation": organisation,
        "organisation_kind": "cooperative",
        "role": "worker",
        "country": "PT",
        "preferred_language": "pt",
        "privacy_consent": "on",
        **extra,
    }
    response = client.post("/pt/accounts/signup/", data)
    assert response.status_code == 302, response.context["form"].errors
    return User.objects.get(email=email)


def _listed(client, path: str) -> list[str]:
    form = client.get(path).context["form"]
    return [str(label) for _value, label in list(form.fields["organisation"].choices)[1:]]


def test_typed_organisation_waits_for_a_coordinator_and_is_not_offered_to_others(client):
    OrganisationFactory(name="Casa do Impacto")

    marta = _signup(client, "marta@largo.example", "Cooperativa Sociale Il Mosaico")

    organisation = marta.organisation
    assert (organisation.name, organisation.confirmed) == ("Cooperativa Sociale Il Mosaico", False)
    assert (organisation.kind, organisation.country.code) == ("cooperative", "PT")
    client.logout()
    assert _listed(client, "/pt/accounts/signup/") == ["Casa do Impacto"]


def test_the_author_finds_their_own_organisation_in_their_profile(client):
    OrganisationFactory(name="Casa do Impacto")
    marta = _signup(client, "marta@largo.example", "Cooperativa Sociale Il Mosaico")
    client.force_login(marta)

    response = client.get("/pt/me/profile/")

    assert _listed(client, "/pt/me/profile/") == [
        "Casa do Impacto",
        "Cooperativa Sociale Il Mosaico",
    ]
    assert response.context["form"]["organisation"].value() == marta.organisation.pk


def test_other_people_cannot_pick_a_private_organisation_by_its_number(client, alice):
    private = OrganisationFactory(name="Cooperativa Sociale Il Mosaico", confirmed=False)
    client.force_login(alice)

    response = client.post(
        "/en/me/profile/",
        {
            "full_name": "Alice Rossi",
            "organisation": private.pk,
            "organisation_kind": "cooperative",
            "role": "worker",
            "country": "IT",
            "preferred_language": "it",
            "privacy_consent": "on",
        },
    )

    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors


def test_typing_a_known_name_in_another_case_joins_it(client):
    known = OrganisationFactory(name="Largo Residências")

    marta = _signup(client, "marta@largo.example", "largo residências")

    assert marta.organisation == known
    assert Organisation.objects.count() == 1


def test_deleting_the_account_deletes_the_private_organisation_nobody_else_uses(client):
    marta = _signup(client, "marta@largo.example", "Cooperativa Sociale Il Mosaico")

    privacy.delete_account(marta)

    assert not Organisation.objects.filter(name="Cooperativa Sociale Il Mosaico").exists()


def test_a_private_organisation_another_person_uses_stays(client):
    marta = _signup(client, "marta@largo.example", "Cooperativa Sociale Il Mosaico")
    client.logout()
    joana = _signup(client, "joana@largo.example", "Cooperativa sociale Il Mosaico")

    privacy.delete_account(marta)

    assert joana.organisation.name == "Cooperativa Sociale Il Mosaico"
    assert Organisation.objects.filter(pk=joana.organisation.pk).exists()


@pytest.mark.parametrize("use", ["confirmed", "partner", "funder"])
def test_a_confirmed_or_used_organisation_stays_after_the_account(client, use):
    marta = _signup(client, "marta@largo.example", "Cooperativa Sociale Il Mosaico")
    organisation = marta.organisation
    if use == "confirmed":
        organisation.confirmed = True
        organisation.save()
    elif use == "partner":
        PartnershipFactory(organisation=organisation)
    else:
        ProgrammeFactory(funder=organisation)

    privacy.delete_account(marta)

    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_leaving_a_private_organisation_in_the_profile_deletes_it(client):
    other = OrganisationFactory(name="Casa do Impacto")
    marta = _signup(client, "marta@largo.example", "Cooperativa Sociale Il Mosaico")
    client.force_login(marta)

    client.post(
        "/pt/me/profile/",
        {
            "full_name": "Marta Ferreira",
            "organisation": other.pk,
            "organisation_kind": "social_enterprise",
            "role": "worker",
            "country": "PT",
            "preferred_language": "pt",
            "privacy_consent": "on",
        },
    )

    marta.refresh_from_db()
    assert marta.organisation == other
    assert list(Organisation.objects.values_list("name", flat=True)) == ["Casa do Impacto"]


def test_coordinator_confirms_a_typed_organisation_in_the_admin(client, coordinator):
    coordinator.groups.add(ensure_coordinators_group())
    marta = _signup(client, "marta@largo.example", "Cooperativa Sociale Il Mosaico")
    client.force_login(coordinator)
    changelist = "/en/admin/programmes/organisation/"

    waiting = client.get(changelist, {"confirmed__exact": "0"})
    response = client.post(
        changelist,
        {"action": "confirm_selected", "_selected_action": [marta.organisation.pk]},
        follow=True,
    )

    assert [o.name for o in waiting.context["cl"].result_list] == ["Cooperativa Sociale Il Mosaico"]
    assert "1 organisation confirmed: everyone can now choose it." in response.content.decode()
    marta.organisation.refresh_from_db()
    assert marta.organisation.confirmed
    client.logout()
    assert _listed(client, "/en/accounts/signup/") == ["Cooperativa Sociale Il Mosaico"]


def test_staff_without_the_permission_cannot_confirm(client):
    staff = User.objects.create_user("staff@example.org", "x", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_organisation"))
    private = OrganisationFactory(name="Cooperativa Sociale Il Mosaico", confirmed=False)
    client.force_login(staff)

    client.post(
        reverse("admin:programmes_organisation_changelist"),
        {"action": "confirm_selected", "_selected_action": [private.pk]},
    )

    private.refresh_from_db()
    assert not private.confirmed
