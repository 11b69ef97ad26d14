"""Back-office operations on programmes: the coordinators' group and their scope, and the
organisations people type when they sign up."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q

from .enums import OrganisationKind
from .models import Organisation

COORDINATORS_GROUP = "Coordinators"

# What a coordinator may do in the admin, as "app_label.codename". The admin then narrows every
# list and form to the programmes they coordinate (programmes/admin.py). Other apps append their
# own codenames here (e.g. enrolments) before migrations run.
COORDINATOR_PERMISSIONS = [
    "programmes.view_organisation",
    "programmes.add_organisation",
    "programmes.confirm_organisation",
    "programmes.view_programme",
    "programmes.add_programme",
    "programmes.change_programme",
    "programmes.view_partnership",
    "programmes.add_partnership",
    "programmes.change_partnership",
    "programmes.delete_partnership",
    "programmes.view_track",
    "programmes.add_track",
    "programmes.change_track",
    "programmes.delete_track",
    "programmes.view_cohort",
    "programmes.add_cohort",
    "programmes.change_cohort",
    "programmes.delete_cohort",
    "sessions_app.view_session",
    "sessions_app.add_session",
    "sessions_app.change_session",
    "sessions_app.delete_session",
    "sessions_app.view_material",
    "sessions_app.add_material",
    "sessions_app.change_material",
    "sessions_app.delete_material",
    "lookingup.view_mail",
    "participants.view_invitation",
    "participants.add_invitation",
    "participants.change_invitation",
]


def ensure_coordinators_group() -> Group:
    """Create the "Coordinators" group and give it ``COORDINATOR_PERMISSIONS``.

    Idempotent; runs after every ``migrate`` (post_migrate, see apps.py), so permissions of
    models added later are granted as soon as they exist. Permissions are only added, never
    removed: an administrator may have granted more by hand.
    """
    group, _created = Group.objects.get_or_create(name=COORDINATORS_GROUP)
    condition = Q(pk__in=[])
    for label in COORDINATOR_PERMISSIONS:
        app_label, codename = label.split(".", 1)
        condition |= Q(content_type__app_label=app_label, codename=codename)
    wanted = set(Permission.objects.filter(condition).values_list("pk", flat=True))
    missing = wanted - set(group.permissions.values_list("pk", flat=True))
    if missing:
        group.permissions.add(*missing)
    return group


def organisation_typed(name: str, *, kind: str = "", country: str = "") -> Organisation:
    """The organisation a person typed (at sign-up, in their profile): the one of that name,
    in any case, or a new one, unconfirmed, so private to the people who typed it until a
    coordinator confirms it (``confirm_organisations``)."""
    existing = Organisation.objects.filter(name__iexact=name).first()
    if existing is not None:
        return existing
    organisation, _created = Organisation.objects.get_or_create(
        name=name,
        defaults={
            "kind": kind or OrganisationKind.OTHER,
            "country": country or "",
            "confirmed": False,
        },
    )
    return organisation


def confirm_organisations(organisations) -> int:
    """Offer these organisations to everyone; returns how many were waiting."""
    return organisations.filter(confirmed=False).update(confirmed=True)


@transaction.atomic
def discard_unused_organisation(organisation: Organisation | None) -> bool:
    """Delete ``organisation`` if nobody confirmed it and nobody uses it any more: no member,
    no partnership, no programme it funds. Called when its last member leaves it (account
    deleted, profile changed)."""
    if organisation is None or organisation.pk is None:
        return False
    unused = Organisation.objects.filter(
        pk=organisation.pk,
        confirmed=False,
        members__isnull=True,
        partnerships__isnull=True,
        funded_programmes__isnull=True,
    )
    return unused.delete()[0] > 0
