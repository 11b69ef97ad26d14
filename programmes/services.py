"""Back-office operations on programmes: the coordinators' group and their scope."""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

COORDINATORS_GROUP = "Coordinators"

# What a coordinator may do in the admin, as "app_label.codename". The admin then narrows every
# list and form to the programmes they coordinate (programmes/admin.py). Other apps append their
# own codenames here (e.g. enrolments) before migrations run.
COORDINATOR_PERMISSIONS = [
    "programmes.view_organisation",
    "programmes.add_organisation",
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
