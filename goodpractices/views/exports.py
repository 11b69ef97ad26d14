"""Open data: the published, public library as CSV and as JSON-LD (schema.org + ESSGlobal).

Each practice carries its licence (``licence`` and ``licence_url``); only open licences exist
(enums.Licence). Partners-only practices never appear here.
"""

import csv
import json

from django.conf import settings
from django.http import HttpResponse, StreamingHttpResponse
from django.views.decorators.http import require_safe

from goodpractices.enums import ESSGLOBAL_ACTIVITIES, Licence, Sector
from goodpractices.services import public_library

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
CHUNK = 500
JSONLD_CONTEXT = {
    "@vocab": "https://schema.org/",
    "essglobal": "http://purl.org/essglobal/vocab/",
    "activities": ESSGLOBAL_ACTIVITIES,
    "hasActivity": {"@id": "essglobal:hasActivity", "@type": "@id"},
    "license": {"@type": "@id"},
    "url": {"@type": "@id"},
    "sameAs": {"@type": "@id"},
}
CSV_TEXT_FIELDS = ("title", "summary")


def export_queryset():
    return (
        public_library()
        .select_related("programme")
        .prefetch_related("themes", "organisations")
        .order_by("pk")
    )


class Echo:
    def write(self, value):
        return value


def _csv_rows():
    header = [
        "url",
        "slug",
        *(f"{name}_{code}" for name in CSV_TEXT_FIELDS for code in LANGUAGE_CODES),
        "original_language",
        "organisations",
        "country",
        "region",
        "place",
        "territory",
        "themes",
        "sector",
        "sector_essglobal",
        "legal_form",
        "year_started",
        "people_involved",
        "website",
        "latitude",
        "longitude",
        "programme",
        "published_at",
        "is_example",
        "licence",
        "licence_url",
    ]
    yield header
    for p in export_queryset().iterator(chunk_size=CHUNK):
        organisations = [o.name for o in p.organisations.all()] or [p.organisation_name]
        yield [
            settings.SITE_URL + p.get_absolute_url(),
            p.slug,
            *(
                getattr(p, f"{name}_{code}") or ""
                for name in CSV_TEXT_FIELDS
                for code in LANGUAGE_CODES
            ),
            p.original_language,
            "; ".join(filter(None, organisations)),
            p.country.code,
            p.region,
            p.place,
            p.territory,
            "; ".join(t.slug for t in p.themes.all()),
            p.sector,
            Sector(p.sector).essglobal_uri if p.sector else "",
            p.legal_form,
            p.year_started or "",
            p.people_involved or "",
            p.website,
            p.latitude if p.latitude is not None else "",
            p.longitude if p.longitude is not None else "",
            p.programme.slug if p.programme else "",
            p.published_at.isoformat() if p.published_at else "",
            "yes" if p.is_example else "no",
            p.licence,
            Licence(p.licence).url,
        ]


@require_safe
def export_csv(request):
    writer = csv.writer(Echo())
    response = StreamingHttpResponse(
        (writer.writerow(row) for row in _csv_rows()), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="good-practices.csv"'
    return response


def _texts(practice, name: str) -> list[dict]:
    return [
        {"@value": value, "@language": code}
        for code in LANGUAGE_CODES
        if (value := getattr(practice, f"{name}_{code}"))
    ]


def practice_jsonld(p) -> dict:
    item = {
        "@id": settings.SITE_URL + p.get_absolute_url(),
        "@type": "CreativeWork",
        "url": settings.SITE_URL + p.get_absolute_url(),
        "name": _texts(p, "title"),
        "abstract": _texts(p, "summary"),
        "inLanguage": p.original_language,
        "license": Licence(p.licence).url,
        "datePublished": p.published_at.date().isoformat() if p.published_at else None,
        "keywords": [t.slug for t in p.themes.all()],
        "about": [
            {
                "@type": "DefinedTerm",
                "name": str(t.name),
                **({"sameAs": ESSGLOBAL_ACTIVITIES + t.essglobal_id} if t.essglobal_id else {}),
            }
            for t in p.themes.all()
        ],
        "creator": [
            {"@type": "Organization", "name": name}
            for name in ([o.name for o in p.organisations.all()] or [p.organisation_name])
            if name
        ],
        "spatialCoverage": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressCountry": p.country.code,
                "addressRegion": p.region,
                "addressLocality": p.place,
            },
        },
        "isPartOf": (
            {"@type": "EducationalOccupationalProgram", "name": str(p.programme.title)}
            if p.programme
            else None
        ),
    }
    if p.latitude is not None and p.longitude is not None:
        item["spatialCoverage"]["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(p.latitude),
            "longitude": float(p.longitude),
        }
    if p.sector:
        item["hasActivity"] = Sector(p.sector).essglobal_uri
    if p.year_started:
        item["temporalCoverage"] = f"{p.year_started}/.."
    if p.website:
        item["sameAs"] = p.website
    return {key: value for key, value in item.items() if value not in (None, "", [])}


@require_safe
def export_jsonld(request):
    document = {
        "@context": JSONLD_CONTEXT,
        "@graph": [practice_jsonld(p) for p in export_queryset().iterator(chunk_size=CHUNK)],
    }
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False), content_type="application/ld+json"
    )
    response["Content-Disposition"] = 'inline; filename="good-practices.jsonld"'
    return response
