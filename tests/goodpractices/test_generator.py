"""The generator, and query counts that stay the same from 10 to 10,000 practices."""

from io import StringIO

import pytest
from django.core.management import call_command

from goodpractices.models import GoodPractice
from tests.goodpractices.factories import CallFactory

pytestmark = pytest.mark.django_db


def test_generate_practices_in_four_languages(futuro):
    CallFactory(programme=futuro)
    out = StringIO()

    call_command("generate_practices", count=50, stdout=out)

    practices = GoodPractice.objects.all()
    assert out.getvalue() == "Generated 50 practices; the library holds 50.\n"
    practice = practices.first()
    assert all(getattr(practice, f"title_{code}") for code in ("it", "en", "fr", "pt"))
    assert all(getattr(practice, f"summary_{code}") for code in ("it", "en", "fr", "pt"))
    assert practices.filter(themes__isnull=False).distinct().count() == 50
    assert practices.filter(latitude__isnull=False).exists()
    assert practices.filter(visibility="partners").exists()


def test_generating_again_replaces_the_generated_practices(db):
    call_command("generate_practices", count=20, stdout=StringIO())
    call_command("generate_practices", count=30, stdout=StringIO())

    assert GoodPractice.objects.count() == 30


@pytest.mark.parametrize("count", [10, 10_000])
def test_list_facets_and_search_need_the_same_queries_at_10_and_10000(
    client, django_assert_num_queries, futuro, count
):
    call_command("generate_practices", count=count, stdout=StringIO())
    first = GoodPractice.objects.filter(visibility="public").order_by("pk").first()
    theme = first.themes.first().slug

    # count, page, themes of the page, seven facets
    with django_assert_num_queries(10):
        response = client.get("/it/good-practices/")
    assert response.status_code == 200
    with django_assert_num_queries(10):
        client.get(
            "/en/good-practices/", {"theme": theme, "territory": first.territory, "sort": "title"}
        )
    with django_assert_num_queries(10):
        client.get("/fr/good-practices/", {"q": "projet", "sort": "relevance"})
    with django_assert_num_queries(1):
        client.get("/pt/good-practices/map/", {"theme": theme})
