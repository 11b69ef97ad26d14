"""The enrolment list's faster rows: the same HTML as Django's generic rendering, and a
query count that does not grow with the people listed."""

import pytest
from django.contrib.admin.templatetags.admin_list import results
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from participants import admin_lists
from programmes.services import ensure_coordinators_group
from tests.factories import CohortFactory, EnrolmentFactory, ParticipantFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:participants_enrolment_changelist")


@pytest.fixture
def signed_in(client, coordinator):
    coordinator.groups.add(ensure_coordinators_group())
    client.force_login(coordinator)
    return client


def _rows(cl, columns):
    rows = admin_lists.fast_results(cl, columns)
    return None if rows is None else [list(row) for row in rows]


@pytest.mark.parametrize("query", ["", "?status__exact=confirmed&o=3.-9", "?attempts=all"])
def test_fast_rows_are_djangos_rows(signed_in, programme, query):
    cohort = CohortFactory(programme=programme, name="Hub <Nord>", capacity=20)
    EnrolmentFactory(programme=programme, cohort=cohort, status="confirmed", country="IT")
    EnrolmentFactory(
        programme=programme,
        participant=ParticipantFactory(full_name="Anna & Bea"),
        status="waiting",
        organisation_kind="cooperative",
    )
    EnrolmentFactory(
        programme=programme,
        participant=None,
        status="cancelled",
        organisation_kind="",
        country="PT",
    )

    cl = signed_in.get(CHANGELIST + query).context["cl"]

    assert cl.result_list
    assert _rows(cl, admin_lists.ENROLMENT_COLUMNS) == [list(row) for row in results(cl)]


def test_a_column_without_renderer_falls_back_to_django(signed_in, programme):
    EnrolmentFactory(programme=programme)
    cl = signed_in.get(CHANGELIST).context["cl"]
    columns = dict(admin_lists.ENROLMENT_COLUMNS)
    del columns["places"]

    assert admin_lists.fast_results(cl, columns) is None


def _list_queries(client) -> int:
    client.get(CHANGELIST)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(CHANGELIST).status_code == 200
    return len(queries)


def test_enrolment_list_queries_do_not_grow_with_people(signed_in, coordinator, programme):
    cohort = CohortFactory(programme=programme)
    EnrolmentFactory(programme=programme, cohort=cohort)
    one = _list_queries(signed_in)
    other = ProgrammeFactory()
    other.coordinators.add(coordinator)
    for target in (programme, other):
        for group in (cohort, CohortFactory(programme=other), None):
            if group is None or group.programme == target:
                EnrolmentFactory.create_batch(30, programme=target, cohort=group)

    assert _list_queries(signed_in) == one


# --- the kept count and date hierarchy


def _count(client, query=""):
    return client.get(CHANGELIST + query).context["cl"].result_count


def test_kept_count_follows_enrolments_and_cancellations(signed_in, programme):
    first = EnrolmentFactory(programme=programme, status="confirmed")
    assert _count(signed_in) == 1
    assert _count(signed_in, "?status__exact=confirmed") == 1

    EnrolmentFactory(programme=programme, status="waiting")
    first.status = "cancelled"
    first.save()

    assert _count(signed_in) == 2
    assert _count(signed_in, "?status__exact=confirmed") == 0


def test_kept_count_follows_a_changed_email(signed_in, programme):
    enrolment = EnrolmentFactory(programme=programme)
    assert _count(signed_in, "?q=new-address") == 0

    enrolment.participant.email = "new-address@example.org"
    enrolment.participant.save()

    assert _count(signed_in, "?q=new-address") == 1


def test_kept_count_is_each_coordinators_own(client, signed_in, coordinator, charlie, programme):
    EnrolmentFactory.create_batch(2, programme=programme)
    assert _count(signed_in) == 2
    charlie.groups.add(ensure_coordinators_group())
    client.force_login(charlie)
    assert _count(client) == 0

    programme.coordinators.add(charlie)

    assert _count(client) == 2


def test_kept_date_hierarchy_follows_new_rows(signed_in, programme):
    import datetime as dt

    from participants.models import Enrolment

    old = EnrolmentFactory(programme=programme)
    Enrolment.objects.filter(pk=old.pk).update(created_at=dt.datetime(2024, 3, 1, tzinfo=dt.UTC))
    signed_in.get(CHANGELIST)  # before the change: dates of 2024 only, kept

    EnrolmentFactory(programme=programme)  # created now

    html = signed_in.get(CHANGELIST).content.decode()
    assert "created_at__year=2024" in html
    assert f"created_at__year={dt.date.today().year}" in html
