import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from sessions_app.models import Material, Session
from tests.factories import (
    CohortFactory,
    MaterialFactory,
    OnlineSessionFactory,
    ProgrammeFactory,
    SessionFactory,
    TrackFactory,
)


def assert_integrity_error(save):
    with pytest.raises(IntegrityError), transaction.atomic():
        save()


def test_session_ending_before_it_starts_is_refused_by_the_database(db):
    session = SessionFactory()
    session.ends_at = session.starts_at - dt.timedelta(hours=1)

    assert_integrity_error(session.save)


def test_session_ending_when_it_starts_has_a_clear_message(db):
    session = SessionFactory()
    session.ends_at = session.starts_at

    with pytest.raises(ValidationError) as error:
        session.full_clean()

    assert error.value.messages == ["A session must end after it starts."]


def test_session_negative_hours_are_refused_by_the_database(db):
    session = SessionFactory()
    session.duration_hours = Decimal("-1")

    assert_integrity_error(session.save)


def test_session_negative_capacity_is_refused_by_the_database(db):
    session = SessionFactory()
    session.capacity = -5

    assert_integrity_error(session.save)


def test_session_negative_capacity_has_a_field_error(db):
    session = SessionFactory.build(programme=ProgrammeFactory(), capacity=-5)

    with pytest.raises(ValidationError) as error:
        session.full_clean()

    assert list(error.value.message_dict) == ["capacity"]


def test_session_uid_is_unique(db):
    first = SessionFactory()

    assert_integrity_error(lambda: SessionFactory(uid=first.uid))


def test_session_track_of_another_programme_is_refused(db):
    session = SessionFactory.build(programme=ProgrammeFactory(), track=TrackFactory())

    with pytest.raises(ValidationError) as error:
        session.full_clean()

    assert error.value.message_dict["track"] == ["This track belongs to another programme."]


def test_session_online_without_link_is_refused(db):
    session = OnlineSessionFactory.build(programme=ProgrammeFactory(), online_url="")

    with pytest.raises(ValidationError) as error:
        session.full_clean()

    assert error.value.message_dict["online_url"] == ["An online session needs a meeting link."]


def test_session_unknown_language_is_refused(db):
    session = SessionFactory.build(programme=ProgrammeFactory(), languages=["it", "xx"])

    with pytest.raises(ValidationError) as error:
        session.full_clean()

    assert error.value.message_dict["languages"] == ["Unknown language: xx."]


def test_session_cohort_of_another_programme_is_refused_by_the_signal(db):
    session = SessionFactory()
    foreign = CohortFactory(name="Hub Sud", name_it="Hub Sud")

    # add() runs in the caller's transaction: its own savepoint keeps the test's usable.
    with pytest.raises(ValidationError) as error, transaction.atomic():
        session.cohorts.add(foreign)

    assert error.value.messages == ["The cohort “Hub Sud” belongs to another programme."]
    assert session.cohorts.count() == 0


def test_session_cohort_of_another_programme_is_refused_from_the_cohort_side(db):
    session = SessionFactory()
    foreign = CohortFactory()

    with pytest.raises(ValidationError), transaction.atomic():
        foreign.sessions.add(session)

    assert foreign.sessions.count() == 0


def test_session_cohort_of_its_programme_is_accepted(db):
    session = SessionFactory()
    cohort = CohortFactory(programme=session.programme)

    session.cohorts.add(cohort)

    assert list(session.cohorts.all()) == [cohort]


def test_session_sequence_rises_on_every_save(db):
    session = SessionFactory()
    first = session.sequence

    session.title_it = "Workshop di co-progettazione a Firenze"
    session.save()
    session.save()

    session.refresh_from_db()
    assert session.sequence == first + 2


def test_session_sequence_starts_at_zero(db):
    session = SessionFactory.build(programme=ProgrammeFactory())

    session.save()

    assert session.sequence == 0


def test_material_link_without_address_is_refused_by_the_database(db):
    material = MaterialFactory.build(session=SessionFactory(), kind="link", url="")

    assert_integrity_error(material.save)


def test_material_file_without_upload_is_refused_by_the_database(db):
    material = MaterialFactory.build(session=SessionFactory(), kind="file", url="")

    assert_integrity_error(material.save)


def test_material_link_without_address_has_a_clear_message(db):
    material = MaterialFactory.build(session=SessionFactory(), kind="link", url="")

    with pytest.raises(ValidationError) as error:
        material.full_clean()

    assert error.value.messages == ["A file needs an upload; a link needs an address."]


def test_material_href_is_the_link(db):
    material = MaterialFactory(url="https://example.org/aufrere-fr.pdf", language="fr")

    assert material.href == "https://example.org/aufrere-fr.pdf"
    assert str(material) == "Slides (fr)"
    assert Material.objects.count() == 1


def test_session_falls_back_to_its_programme_original_language(db):
    # The SSE Academy elective was written in English; the site-wide order puts Italian first.
    programme = ProgrammeFactory(original_language="en", title_en="12th SSE Academy")
    SessionFactory(
        programme=programme, title_it="Titolo italiano", title_en="Day 1: alternative platforms"
    )
    session = Session.objects.select_related("programme").get(programme=programme)

    with translation.override("pt"):
        title = session.title

    assert title == "Day 1: alternative platforms"


def test_session_without_its_programme_loaded_uses_the_site_order_without_a_query(
    db, django_assert_num_queries
):
    programme = ProgrammeFactory(original_language="en")
    SessionFactory(programme=programme, title_it="Titolo italiano", title_en="English title")
    session = Session.objects.get(programme=programme)

    with translation.override("pt"), django_assert_num_queries(0):
        title = session.title

    assert title == "Titolo italiano"
