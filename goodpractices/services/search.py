"""Searching the library: full text, facets with counts, sorting.

On PostgreSQL each practice carries a ``search_vector`` holding every language's text parsed
with that language's configuration (title weighted A, summary B, the rest C), GIN-indexed;
a query is parsed with the four configurations at once, so "cooperative sociali" finds the
Italian "cooperativa sociale" and "cooperative" the English "cooperatives". Results are
ranked and carry a highlighted snippet. SQLite has no full text here: every word must appear
in a title or summary, in any language, and snippets are highlighted in Python.

Every query count is independent of the library's size (tests/goodpractices/test_views.py).
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Count, F, Q, Value
from django.db.models.functions import Coalesce, Lower
from django.utils.translation import get_language

from goodpractices.enums import Sector, SortOrder, Territory
from goodpractices.models import Call, GoodPractice, PracticeMaterial, Theme
from programmes.models import Programme

# PostgreSQL text-search configuration of each site language.
SEARCH_CONFIGS = {"it": "italian", "en": "english", "fr": "french", "pt": "portuguese"}
WEIGHTS = {"title": "A", "summary": "B", "description": "C", "strengths": "C", "lessons": "C"}
# Around a highlighted word (private-use characters: never typed, escaped before display).
MARK_START, MARK_END = "\ue000", "\ue001"
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


# --- The index (PostgreSQL)


def _vector_sql() -> str:
    parts = []
    for code, config in SEARCH_CONFIGS.items():
        for name, weight in WEIGHTS.items():
            parts.append(
                f"setweight(to_tsvector('{config}', coalesce({name}_{code}, '')), '{weight}')"
            )
    return " || ".join(parts)


def index_practices(ids) -> None:
    """Recompute the search vector of the practices ``ids`` (a no-op on SQLite)."""
    if not is_postgresql():
        return
    table = GoodPractice._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET search_vector = {_vector_sql()} WHERE id = ANY(%s)",  # noqa: S608 - constants only
            [list(ids)],
        )


def index_all() -> None:
    if not is_postgresql():
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {GoodPractice._meta.db_table} SET search_vector = {_vector_sql()}"  # noqa: S608
        )


# --- Filters


@dataclass
class LibraryFilters:
    """Validated filters of the list, map and exports: what a shareable URL holds."""

    q: str = ""
    theme: str = ""
    country: str = ""
    territory: str = ""
    sector: str = ""
    language: str = ""
    programme: str = ""
    call: int | None = None
    sort: str = ""

    FACETS = ("theme", "country", "territory", "sector", "language", "programme", "call")

    @property
    def active(self) -> dict:
        return {name: getattr(self, name) for name in self.FACETS if getattr(self, name)}


def apply_filters(practices, filters: LibraryFilters):
    if filters.theme:
        practices = practices.filter(themes__slug=filters.theme)
    if filters.country:
        practices = practices.filter(country=filters.country)
    if filters.territory:
        practices = practices.filter(territory=filters.territory)
    if filters.sector:
        practices = practices.filter(sector=filters.sector)
    if filters.language:
        practices = practices.filter(
            pk__in=PracticeMaterial.objects.filter(language=filters.language).values("practice")
        )
    if filters.programme:
        practices = practices.filter(programme__slug=filters.programme)
    if filters.call:
        practices = practices.filter(call_id=filters.call)
    return practices


def _words(q: str) -> list[str]:
    return [word for word in re.findall(r"\w+", q) if len(word) > 1][:8]


def search_query(q: str):
    query = None
    for config in SEARCH_CONFIGS.values():
        part = SearchQuery(q, search_type="websearch", config=config)
        query = part if query is None else query | part
    return query


def apply_search(practices, q: str):
    """Keep the practices that match ``q``; on PostgreSQL annotate ``rank`` too."""
    if is_postgresql():
        query = search_query(q)
        return practices.filter(search_vector=query).annotate(
            rank=SearchRank(F("search_vector"), query)
        )
    for word in _words(q):
        matches = Q()
        for code in LANGUAGE_CODES:
            matches |= Q(**{f"title_{code}__icontains": word})
            matches |= Q(**{f"summary_{code}__icontains": word})
        practices = practices.filter(matches)
    return practices


def localized(name: str):
    """``name`` in the active language, falling back to the others (SQL)."""
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    order = [current, *(code for code in LANGUAGE_CODES if code != current)]
    return Coalesce(*(F(f"{name}_{code}") for code in order), Value(""))


def apply_sort(practices, filters: LibraryFilters):
    sort = filters.sort or (SortOrder.RELEVANCE if filters.q else SortOrder.NEWEST)
    if sort == SortOrder.RELEVANCE and filters.q and is_postgresql():
        return practices.order_by("-rank", "-published_at", "-pk")
    if sort == SortOrder.TITLE:
        return practices.order_by(Lower(localized("title")), "pk")
    if sort == SortOrder.OLDEST_STARTED:
        return practices.order_by(F("year_started").asc(nulls_last=True), "pk")
    return practices.order_by("-published_at", "-pk")


def with_snippets(practices, q: str):
    """Annotate ``snippet``: the summary with the matched words between MARK_START/END."""
    if q and is_postgresql():
        current = (get_language() or settings.LANGUAGE_CODE)[:2]
        return practices.annotate(
            snippet=SearchHeadline(
                localized("summary"),
                search_query(q),
                config=SEARCH_CONFIGS.get(current, "simple"),
                start_sel=MARK_START,
                stop_sel=MARK_END,
                max_words=40,
                min_words=20,
                max_fragments=2,
            )
        )
    return practices


def highlight_in_python(text: str, q: str) -> str:
    """SQLite's stand-in for ts_headline: mark each query word where it appears."""
    words = _words(q)
    if not words or not text:
        return text
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    return pattern.sub(lambda m: f"{MARK_START}{m.group(0)}{MARK_END}", text)


# --- Facets


@dataclass
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class Facets:
    theme: list[FacetValue] = field(default_factory=list)
    country: list[FacetValue] = field(default_factory=list)
    territory: list[FacetValue] = field(default_factory=list)
    sector: list[FacetValue] = field(default_factory=list)
    language: list[FacetValue] = field(default_factory=list)
    programme: list[FacetValue] = field(default_factory=list)
    call: list[FacetValue] = field(default_factory=list)

    def groups(self):
        return [(name, getattr(self, name)) for name in LibraryFilters.FACETS]


def facet_counts(results) -> Facets:
    """Counts of each facet's values among ``results``: one query per facet, whatever the
    size of the library."""
    from django_countries import countries

    ids = results.order_by().values("pk")
    facets = Facets()
    themes = (
        Theme.objects.filter(practices__in=ids)
        .annotate(n=Count("practices"))
        .order_by("-n", "order", "pk")
    )
    facets.theme = [FacetValue(t.slug, t.name, t.n) for t in themes]
    names = dict(countries)
    for name, labels in (
        ("country", names),
        ("territory", dict(Territory.choices)),
        ("sector", dict(Sector.choices)),
    ):
        rows = (
            GoodPractice.objects.filter(pk__in=ids)
            .exclude(**{name: ""})
            .values_list(name)
            .annotate(n=Count("pk"))
            .order_by("-n", name)
        )
        setattr(
            facets,
            name,
            [FacetValue(value, str(labels.get(value, value)), n) for value, n in rows],
        )
    languages = dict(settings.LANGUAGES)
    rows = (
        PracticeMaterial.objects.filter(practice__in=ids)
        .values_list("language")
        .annotate(n=Count("practice", distinct=True))
        .order_by("-n", "language")
    )
    facets.language = [FacetValue(code, str(languages.get(code, code)), n) for code, n in rows]
    programmes = (
        Programme.objects.filter(good_practices__in=ids)
        .annotate(n=Count("good_practices"))
        .only("slug", "original_language", *(f"title_{c}" for c in LANGUAGE_CODES))
        .order_by("-n", "pk")
    )
    facets.programme = [FacetValue(p.slug, p.title, p.n) for p in programmes]
    calls = (
        Call.objects.filter(practices__in=ids)
        .annotate(n=Count("practices"))
        .only("pk", *(f"title_{c}" for c in LANGUAGE_CODES))
        .order_by("-n", "pk")
    )
    facets.call = [FacetValue(str(c.pk), c.title, c.n) for c in calls]
    return facets
