"""Open data: the public library as CSV and JSON-LD, each practice with its licence."""

import csv
import io
import json

import pytest
from pyld import jsonld

from tests.goodpractices.factories import PracticeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(futuro, themes):
    practice = PracticeFactory(
        title="CoopCycle",
        title_fr="CoopCycle, livraison à vélo",
        programme=futuro,
        latitude=48.85,
        longitude=2.35,
        year_started=2017,
        licence="CC-BY-SA-4.0",
        organisation_name="Fédération CoopCycle",
        themes=[themes["alternative-digital-platforms"]],
    )
    PracticeFactory(title="Partners only", visibility="partners", programme=futuro)
    PracticeFactory(title="Draft", status="draft")
    return practice


def test_csv_opens_and_holds_the_public_library(client, published):
    response = client.get("/en/good-practices/open-data.csv")

    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert [row["title_en"] for row in rows] == ["CoopCycle"]
    row = rows[0]
    assert row["title_fr"] == "CoopCycle, livraison à vélo"
    assert row["licence"] == "CC-BY-SA-4.0"
    assert row["licence_url"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert row["themes"] == "alternative-digital-platforms"
    assert row["sector_essglobal"] == "http://purl.org/essglobal/standard/activities/A08"
    assert (row["latitude"], row["country"], row["organisations"]) == (
        "48.85000",
        "FR",
        "Fédération CoopCycle",
    )


def test_jsonld_parses_as_json_ld(client, published):
    response = client.get("/en/good-practices/open-data.jsonld")

    document = json.loads(response.content)
    expanded = jsonld.expand(document)
    assert response["Content-Type"] == "application/ld+json"
    (item,) = expanded
    assert item["@type"] == ["https://schema.org/CreativeWork"]
    assert item["https://schema.org/license"] == [
        {"@id": "https://creativecommons.org/licenses/by-sa/4.0/"}
    ]
    assert {"@value": "CoopCycle", "@language": "en"} in item["https://schema.org/name"]
    assert item["http://purl.org/essglobal/vocab/hasActivity"] == [
        {"@id": "http://purl.org/essglobal/standard/activities/A08"}
    ]
    about = item["https://schema.org/about"][0]
    assert about["https://schema.org/sameAs"] == [
        {"@id": "http://purl.org/essglobal/standard/activities/A10"}
    ]
    geo = item["https://schema.org/spatialCoverage"][0]["https://schema.org/geo"][0]
    assert geo["https://schema.org/latitude"] == [{"@value": 48.85}]


def test_exports_query_count_is_constant(client, django_assert_max_num_queries, futuro):
    PracticeFactory.create_batch(30, programme=futuro)

    # practices, themes, organisations (prefetched per chunk of 500)
    with django_assert_max_num_queries(3):
        client.get("/en/good-practices/open-data.jsonld")
