import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from programmes.models import Programme
from programmes.services import COORDINATOR_PERMISSIONS, COORDINATORS_GROUP
from tests.factories import (
    CohortFactory,
    OrganisationFactory,
    PartnershipFactory,
    ProgrammeFactory,
)


def assert_integrity_error(save):
    with pytest.raises(IntegrityError), transaction.atomic():
        save()


def test_programme_end_before_start_is_refused_by_the_database(db):
    programme = ProgrammeFactory.build(
        start_date=dt.date(2025, 9, 30), end_date=dt.date(2024, 4, 1)
    )

    assert_integrity_error(programme.save)


def test_programme_end_before_start_has_a_clear_message(db):
    programme = ProgrammeFactory.build(
        start_date=dt.date(2025, 9, 30), end_date=dt.date(2024, 4, 1)
    )

    with pytest.raises(ValidationError) as error:
        programme.full_clean()

    assert error.value.messages == ["The programme must end on or after its start date."]


def test_programme_enrolment_closing_before_opening_is_refused_by_the_database(db):
    opens = timezone.now()
    programme = ProgrammeFactory.build(
        enrolment_opens_at=opens, enrolment_closes_at=opens - dt.timedelta(days=1)
    )

    assert_integrity_error(programme.save)


def test_programme_certificate_share_above_one_is_refused_by_the_database(db):
    programme = ProgrammeFactory.build(certificate_min_share=Decimal("1.5"))

    assert_integrity_error(programme.save)


def test_programme_slug_is_unique(db):
    ProgrammeFactory(slug="looking-up")

    assert_integrity_error(lambda: ProgrammeFactory(slug="looking-up"))


def test_programme_languages_must_include_the_original_language(db):
    programme = ProgrammeFactory.build(original_language="en", languages=["fr", "pt"])

    with pytest.raises(ValidationError) as error:
        programme.full_clean()

    assert error.value.message_dict["languages"] == [
        "The languages offered must include the original language."
    ]


def test_programme_with_english_original_falls_back_to_english(db):
    programme = ProgrammeFactory(
        title_it=None,
        title_en="LOOKING UP – A training path",
        title_fr=None,
        title_pt=None,
        original_language="en",
    )
    programme = Programme.objects.get(pk=programme.pk)

    with translation.override("fr"):
        title = programme.title

    assert title == "LOOKING UP – A training path"


def test_programme_original_language_wins_over_the_site_fallback_order(db):
    # The site-wide order puts Italian first: a programme written in English shows English.
    programme = ProgrammeFactory(
        title_it="Titolo italiano",
        title_en="English title",
        title_fr=None,
        title_pt=None,
        original_language="en",
    )

    with translation.override("pt"):
        title = programme.title

    assert title == "English title"


def test_programme_shows_the_visitor_language_when_translated(db):
    programme = ProgrammeFactory(
        title_en="English title", title_fr="Titre français", original_language="en"
    )

    with translation.override("fr"):
        title = programme.title

    assert title == "Titre français"


def test_partnership_is_unique_per_programme(db):
    partnership = PartnershipFactory()

    assert_integrity_error(
        lambda: PartnershipFactory(
            programme=partnership.programme, organisation=partnership.organisation
        )
    )


def test_partnership_duplicate_has_a_clear_message(db):
    partnership = PartnershipFactory()
    duplicate = PartnershipFactory.build(
        programme=partnership.programme, organisation=partnership.organisation
    )

    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()

    assert error.value.messages == ["This organisation is already a partner."]


def test_cohort_name_is_unique_per_programme(db):
    cohort = CohortFactory(name="Hub Nord", name_it="Hub Nord")

    assert_integrity_error(
        lambda: CohortFactory(programme=cohort.programme, name="Hub Nord", name_it="Hub Nord")
    )


def test_cohort_name_may_repeat_in_another_programme(db):
    CohortFactory(name="Hub Nord", name_it="Hub Nord")

    other = CohortFactory(name="Hub Nord", name_it="Hub Nord")

    assert other.pk is not None


def test_cohort_duplicate_name_has_a_clear_message(db):
    cohort = CohortFactory(name="Hub Nord", name_it="Hub Nord")
    duplicate = CohortFactory.build(programme=cohort.programme, name_it="Hub Nord")

    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()

    assert "This programme already has a cohort with this name." in error.value.messages


def test_cohort_negative_capacity_is_refused(db):
    cohort = CohortFactory.build(programme=ProgrammeFactory(), capacity=-1)

    with pytest.raises(ValidationError) as error:
        cohort.full_clean()

    assert list(error.value.message_dict) == ["capacity"]


def test_cohort_unknown_time_zone_is_refused(db):
    cohort = CohortFactory.build(programme=ProgrammeFactory(), time_zone="Europe/Atlantis")

    with pytest.raises(ValidationError) as error:
        cohort.full_clean()

    assert error.value.message_dict["time_zone"] == ["“Europe/Atlantis” is not a known time zone."]


def test_organisation_name_is_unique(db):
    OrganisationFactory(name="RIPESS Europe")

    assert_integrity_error(
        lambda: OrganisationFactory._meta.model.objects.create(name="RIPESS Europe")
    )


def test_programme_coordinated_by_lists_only_own_programmes(coordinator, charlie, superuser):
    own = ProgrammeFactory()
    own.coordinators.add(coordinator)

    assert list(Programme.objects.coordinated_by(coordinator)) == [own]
    assert Programme.objects.coordinated_by(superuser).count() == 2


def test_coordinators_group_exists_after_migrate_with_its_permissions(db):
    group = Group.objects.get(name=COORDINATORS_GROUP)

    granted = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }

    assert granted == set(COORDINATOR_PERMISSIONS)
