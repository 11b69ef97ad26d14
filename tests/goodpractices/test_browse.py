"""The library's public pages: who sees what, search, facets, query counts, map, files."""

import pytest
from django.urls import reverse
from django.utils import translation

from goodpractices.models import GoodPractice
from tests.files import pdf_bytes, upload
from tests.goodpractices.factories import PracticeFactory, PracticeMaterialFactory

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(f"goodpractices:{name}", kwargs=kwargs)


def titles(response) -> list[str]:
    return [str(p.title) for p in response.context["practices"]]


@pytest.fixture
def library(futuro, themes):
    """Four practices: public, partners-only, a draft, a rejected one."""
    return {
        "public": PracticeFactory(
            title="CoopCycle", programme=futuro, themes=[themes["alternative-digital-platforms"]]
        ),
        "partners": PracticeFactory(
            title="Casa do Impacto",
            programme=futuro,
            visibility="partners",
            country="PT",
            place="Lisboa",
            themes=[themes["social-inclusion-job-placement"]],
        ),
        "draft": PracticeFactory(title="Draft practice", programme=futuro, status="draft"),
        "rejected": PracticeFactory(title="Rejected practice", programme=futuro, status="rejected"),
    }


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        (None, ["CoopCycle"]),
        ("alice", ["CoopCycle"]),
        ("charlie", ["CoopCycle"]),
        ("partner", ["Casa do Impacto", "CoopCycle"]),
        ("coordinator", ["Casa do Impacto", "CoopCycle"]),
        ("superuser", ["Casa do Impacto", "CoopCycle"]),
    ],
)
def test_list_shows_each_kind_of_user_what_they_may_read(client, request, library, user, expected):
    if user:
        client.force_login(request.getfixturevalue(user))

    response = client.get(url("list"), {"sort": "title"})

    assert response.status_code == 200
    assert titles(response) == expected


@pytest.mark.parametrize(("user", "status"), [(None, 404), ("alice", 404), ("partner", 200)])
def test_partners_only_practice_page(client, request, library, user, status):
    if user:
        client.force_login(request.getfixturevalue(user))

    response = client.get(url("detail", slug=library["partners"].slug))

    assert response.status_code == status


def test_drafts_and_rejected_practices_have_no_public_page(client, superuser, library):
    client.force_login(superuser)

    assert client.get(url("detail", slug=library["draft"].slug)).status_code == 404
    assert client.get(url("detail", slug=library["rejected"].slug)).status_code == 404


def test_detail_shows_materials_per_language_organisation_and_sessions(client, library, futuro):
    from tests.factories import SessionFactory

    practice = library["public"]
    practice.organisation_name = "CoopCycle federation"
    practice.save()
    for language in ("en", "fr", "pt"):
        PracticeMaterialFactory(practice=practice, language=language, title=f"Slides {language}")
    PracticeMaterialFactory(practice=practice, title="Budget", partners_only=True)
    session = SessionFactory(programme=futuro, title="Alternative platforms")
    practice.sessions.add(session)

    response = client.get(url("detail", slug=practice.slug))

    page = response.content.decode()
    assert [
        (lang, [m.title for m in ms]) for lang, ms in response.context["materials_by_language"]
    ] == [
        ("English", ["Slides en"]),
        ("French", ["Slides fr"]),
        ("Portuguese", ["Slides pt"]),
    ]
    assert "CoopCycle federation" in page
    assert "Alternative platforms" in page


def test_detail_shows_related_practices_by_theme(client, library, themes):
    other = PracticeFactory(title="Fairbnb", themes=[themes["alternative-digital-platforms"]])

    response = client.get(url("detail", slug=library["public"].slug))

    assert [p.pk for p in response.context["related"]] == [other.pk]


# --- Search


def test_search_finds_a_word_of_the_summary(client, library):
    PracticeFactory(title="Rome SSE District", summary_en="Local food policy councils in Rome.")

    response = client.get(url("list"), {"q": "food policy"})

    assert titles(response) == ["Rome SSE District"]
    assert "<mark>" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "query", "text"),
    [
        ("it", "cooperative sociali", "Le cooperative sociali del Trentino"),
        ("en", "delivery", "Bike delivery riders in Paris"),
        ("fr", "livraison", "La livraison à vélo en coopérative"),
        ("pt", "incubadora", "Uma incubadora de empresas sociais em Lisboa"),
    ],
)
def test_search_in_each_language(client, db, language, query, text):
    PracticeFactory(title="Found", original_language=language, **{f"summary_{language}": text})
    PracticeFactory(title="Other", summary_en="Something else entirely.")

    response = client.get(f"/{language}/good-practices/", {"q": query})

    assert titles(response) == ["Found"]


@pytest.mark.postgres
def test_italian_search_uses_italian_stemming(client, db):
    PracticeFactory(
        title="Distretto",
        original_language="it",
        summary_it="Una cooperativa sociale che inserisce lavoratori svantaggiati.",
    )
    PracticeFactory(title="Other", summary_en="Bike couriers.")

    # Plural query, singular text: only a stemmer matches them.
    response = client.get("/it/good-practices/", {"q": "cooperative sociali"})

    assert titles(response) == ["Distretto"]
    assert "<mark>cooperativa</mark>" in response.content.decode()


@pytest.mark.postgres
def test_search_ranks_title_matches_first(client, db):
    PracticeFactory(title="Short supply chains", summary_en="Vegetables from local farms.")
    PracticeFactory(title="Farm school", summary_en="A school on short supply chains.")

    response = client.get(url("list"), {"q": "supply chains"})

    assert titles(response) == ["Short supply chains", "Farm school"]


# --- Facets


def test_facet_counts(client, futuro, themes):
    care, culture = themes["care"], themes["culture"]
    for country, theme in [("IT", care), ("IT", care), ("PT", culture), ("FR", care)]:
        practice = PracticeFactory(country=country, programme=futuro, themes=[theme])
        PracticeMaterialFactory(practice=practice, language="pt")
    PracticeMaterialFactory(practice=practice, language="fr")

    response = client.get(url("list"))

    groups = {
        g["name"]: {v.value: v.count for v in g["values"]} for g in response.context["facet_groups"]
    }
    assert groups["theme"] == {"care": 3, "culture": 1}
    assert groups["country"] == {"IT": 2, "FR": 1, "PT": 1}
    assert groups["language"] == {"pt": 4, "fr": 1}
    assert groups["programme"] == {"futuro-coop": 4}


def test_facet_link_filters_and_counts_follow(client, themes):
    PracticeFactory(country="IT", themes=[themes["care"]])
    PracticeFactory(country="PT", themes=[themes["care"]])
    PracticeFactory(country="PT", themes=[themes["culture"]])

    response = client.get(url("list"), {"theme": "care"})

    groups = {
        g["name"]: {v.value: v.count for v in g["values"]} for g in response.context["facet_groups"]
    }
    assert response.context["page_obj"].paginator.count == 2
    assert groups["country"] == {"IT": 1, "PT": 1}
    assert response.context["active_filters"][0]["url"] == "?"


def test_unknown_filter_values_are_ignored(client, library):
    response = client.get(url("list"), {"sector": "nonsense", "call": "x", "page": "99"})

    assert response.status_code == 200
    assert titles(response) == ["CoopCycle"]


def test_list_works_without_javascript_and_links_keep_filters(client, library):
    response = client.get(url("list"), {"q": "coop", "sort": "title", "theme": "care"})

    page = response.content.decode()
    assert "<script" not in page
    assert 'name="theme" value="care"' in page


@pytest.mark.parametrize("rows", [10, 120])
def test_list_query_count_is_constant(client, django_assert_num_queries, futuro, themes, rows):
    for number in range(rows):
        practice = PracticeFactory(programme=futuro, themes=[themes["care"], themes["culture"]])
        if number % 3 == 0:
            PracticeMaterialFactory(practice=practice)

    # count, page, themes of the page, 7 facets
    with django_assert_num_queries(10):
        client.get(url("list"))
    with django_assert_num_queries(10):
        client.get(url("list"), {"theme": "care", "country": "FR"})
    with django_assert_num_queries(10):
        client.get(url("list"), {"q": "delivery", "theme": "care"})


@pytest.mark.parametrize("rows", [10, 120])
def test_list_query_count_for_a_partner_is_constant(
    client, django_assert_num_queries, futuro, partner, rows
):
    PracticeFactory.create_batch(rows, programme=futuro, visibility="partners")
    client.force_login(partner)

    # + the user and their partner programmes (the session comes from the cache)
    with django_assert_num_queries(12):
        client.get(url("list"))


# --- Map


def test_map_lists_located_practices_by_country_without_javascript(client, library):
    library["public"].latitude, library["public"].longitude = 48.85, 2.35
    library["public"].save()
    PracticeFactory(title="No location")

    response = client.get(url("map"))

    page = response.content.decode()
    assert [(c, [p.title for p in ps]) for c, ps in response.context["by_country"]] == [
        ("France", ["CoopCycle"])
    ]
    assert "No location" not in page
    assert 'data-leaflet-js="/static/vendor/leaflet/leaflet.js"' in page
    assert '"lat": 48.85' in page


# --- Files


@pytest.fixture
def files(library, django_capture_on_commit_callbacks):
    public = PracticeMaterialFactory(
        practice=library["public"], kind="file", url="", file=upload("a.pdf", pdf_bytes())
    )
    partners = PracticeMaterialFactory(
        practice=library["public"],
        kind="file",
        url="",
        partners_only=True,
        file=upload("b.pdf", pdf_bytes()),
        file_name="Budget 2024.pdf",
    )
    of_partners_practice = PracticeMaterialFactory(
        practice=library["partners"], kind="file", url="", file=upload("c.pdf", pdf_bytes())
    )
    return {"public": public, "partners": partners, "of_partners_practice": of_partners_practice}


@pytest.mark.parametrize(
    ("user", "public", "partners", "of_partners_practice"),
    [
        (None, 200, 404, 404),
        ("alice", 200, 404, 404),
        ("charlie", 200, 404, 404),
        ("partner", 200, 200, 200),
        ("coordinator", 200, 200, 200),
    ],
)
def test_material_files_are_served_only_to_who_may_read_them(
    client, request, files, user, public, partners, of_partners_practice
):
    if user:
        client.force_login(request.getfixturevalue(user))

    statuses = [
        client.get(url("material", pk=files[name].pk)).status_code
        for name in ("public", "partners", "of_partners_practice")
    ]

    assert statuses == [public, partners, of_partners_practice]


def test_material_file_has_no_public_url(files, settings):
    material = files["partners"]

    assert material.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert material.get_absolute_url() == url("material", pk=material.pk)


def test_material_file_goes_through_the_proxy_in_production(client, files, partner, settings):
    settings.PRIVATE_MEDIA_SERVING = "proxy"
    client.force_login(partner)

    response = client.get(url("material", pk=files["partners"].pk))

    assert response["X-Accel-Redirect"] == "/protected/" + files["partners"].file.name
    assert response["Content-Disposition"] == 'attachment; filename="Budget 2024.pdf"'


def test_home_shows_the_latest_public_practices(client, library):
    response = client.get("/en/")

    assert [p.title for p in response.context["latest_practices"]] == ["CoopCycle"]
    assert "Casa do Impacto" not in response.content.decode()


def test_practice_count_by_status(library):
    assert GoodPractice.objects.filter(status="published").count() == 2


def test_warm_list_needs_no_query_and_a_change_shows_at_once(
    client, django_assert_num_queries, library
):
    client.get(url("list"))

    with django_assert_num_queries(0):
        client.get(url("list"))
    PracticeFactory(title="Fairbnb")
    response = client.get(url("list"), {"sort": "title"})

    assert titles(response) == ["CoopCycle", "Fairbnb"]


def test_cached_list_never_shows_partners_content_to_others(client, library, partner):
    client.force_login(partner)
    client.get(url("list"))
    client.logout()

    response = client.get(url("list"))

    assert "Casa do Impacto" not in response.content.decode()


@pytest.mark.parametrize("path", ["/it/good-practices/", "/it/good-practices/map/", "detail"])
def test_pages_and_their_assets_weigh_at_most_150_kb(client, futuro, path):
    import re
    from io import StringIO
    from pathlib import Path

    from django.contrib.staticfiles import finders
    from django.core.management import call_command

    call_command("generate_practices", count=600, stdout=StringIO())
    if path == "detail":
        path = GoodPractice.objects.filter(visibility="public").first().get_absolute_url()

    response = client.get(path)

    html = response.content.decode()
    assets = re.findall(r'<link rel="stylesheet" href="/static/([^"]+)"', html)
    assets += re.findall(r'<script[^>]+src="/static/([^"]+)"', html)
    weight = len(response.content) + sum(
        Path(finders.find(asset)).stat().st_size for asset in assets
    )
    assert response.status_code == 200
    assert weight <= 150 * 1024


def test_detail_query_count_cold_and_warm(client, django_assert_num_queries, library):
    practice = library["public"]

    # practice, materials, themes, organisations, sessions, related
    with django_assert_num_queries(6):
        client.get(url("detail", slug=practice.slug))
    with django_assert_num_queries(1):
        client.get(url("detail", slug=practice.slug))


def test_rich_text_is_sanitised_again_on_the_page(client, futuro):
    practice = PracticeFactory(
        programme=futuro, description_en='<p>Riders</p><img src=x onerror="alert(1)">'
    )

    page = client.get(url("detail", slug=practice.slug)).content.decode()

    assert "<p>Riders</p>" in page
    assert "onerror" not in page
