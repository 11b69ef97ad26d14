"""Who sees and who reviews what: one definition, asked by every page and every POST.

- Everyone sees published public practices and their public materials.
- Partners of a programme (a PartnerAccess for them, or for the organisation of their profile)
  and its coordinators also see the programme's partners-only practices and materials.
- Superusers see everything. Reviewers of a practice are the coordinators of its programme.
"""

from django.db.models import Q

from goodpractices.enums import PracticeStatus, Visibility
from goodpractices.models import GoodPractice, PartnerAccess
from programmes.models import Programme

_CACHE_ATTRIBUTE = "_goodpractices_partner_programmes"


def partner_programme_ids(user) -> frozenset[int]:
    """Programmes whose partners-only content ``user`` may read; one query, once per request."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    granted = Q(user=user)
    if user.organisation_id:
        granted |= Q(organisation_id=user.organisation_id)
    as_partner = PartnerAccess.objects.filter(granted).order_by().values_list("programme_id")
    as_coordinator = Programme.objects.filter(coordinators=user).order_by().values_list("pk")
    ids = frozenset(pk for (pk,) in as_partner.union(as_coordinator))
    setattr(user, _CACHE_ATTRIBUTE, ids)
    return ids


def is_partner(user) -> bool:
    return user.is_authenticated and (user.is_superuser or bool(partner_programme_ids(user)))


def cache_scope(user) -> str:
    """What ``user`` may see, as part of a cache key: people who see the same practices
    share cached pages."""
    if not user.is_authenticated:
        return "public"
    if user.is_superuser:
        return "all"
    programmes = partner_programme_ids(user)
    return "p" + "-".join(str(pk) for pk in sorted(programmes)) if programmes else "public"


def visibility_filter(user, prefix: str = "") -> Q:
    """The practices (reached through ``prefix``) whose visibility lets ``user`` see them."""
    public = Q(**{f"{prefix}visibility": Visibility.PUBLIC})
    if not user.is_authenticated:
        return public
    if user.is_superuser:
        return Q()
    programmes = partner_programme_ids(user)
    if not programmes:
        return public
    return public | Q(
        **{f"{prefix}visibility": Visibility.PARTNERS, f"{prefix}programme_id__in": programmes}
    )


def library(user):
    """The published practices ``user`` may read."""
    return GoodPractice.objects.filter(status=PracticeStatus.PUBLISHED).filter(
        visibility_filter(user)
    )


def public_library():
    """What anyone may read, and what the open-data exports publish."""
    return GoodPractice.objects.filter(
        status=PracticeStatus.PUBLISHED, visibility=Visibility.PUBLIC
    )


def can_see_partner_content(user, practice: GoodPractice) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return practice.programme_id in partner_programme_ids(user)


def can_see_practice(user, practice: GoodPractice) -> bool:
    if practice.status != PracticeStatus.PUBLISHED:
        return False
    return practice.visibility == Visibility.PUBLIC or can_see_partner_content(user, practice)


def can_see_material(user, material) -> bool:
    practice = material.practice
    if user.is_authenticated and (
        practice.submitted_by_id == user.pk or can_review(user, practice)
    ):
        return True
    if not can_see_practice(user, practice):
        return False
    return not material.partners_only or can_see_partner_content(user, practice)


def reviewable_practices(user):
    """Practices whose review ``user`` may take part in."""
    practices = GoodPractice.objects.exclude(status=PracticeStatus.DRAFT)
    if user.is_superuser:
        return practices
    return practices.filter(programme__coordinators=user)


def can_review(user, practice: GoodPractice) -> bool:
    if not (user.is_authenticated and user.is_staff):
        return False
    if user.is_superuser:
        return True
    return (
        practice.programme_id is not None
        and practice.programme.coordinators.filter(pk=user.pk).exists()
    )


def can_edit(user, practice: GoodPractice) -> bool:
    """The submitter, while the practice is a draft or changes were requested."""
    return (
        user.is_authenticated
        and practice.submitted_by_id == user.pk
        and practice.status in PracticeStatus.editable_by_submitter()
    )
