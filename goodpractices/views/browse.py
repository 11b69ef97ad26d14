"""Browsing the library: list with search and facets, detail, map, protected files."""

import hashlib
import json
from itertools import groupby
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from goodpractices import services
from goodpractices.enums import MaterialKind
from goodpractices.forms import LibraryFilterForm
from goodpractices.models import GoodPractice, PracticeMaterial, Theme
from goodpractices.services import CARD_FIELDS
from goodpractices.services.search import (
    LibraryFilters,
    apply_filters,
    apply_search,
    apply_sort,
    facet_counts,
    highlight_in_python,
    is_postgresql,
    with_snippets,
)
from lookingup.cache import content_version
from lookingup.uploads import serve_private

PAGE_SIZE = 20
# Cached pages follow every change at once (the content version); this bounds the rest.
LIST_CACHE_SECONDS = 300
RELATED = 4
# Markers on one map page; filters narrow the rest down.
MAP_LIMIT = 200


def query_string(filters: LibraryFilters, **changes) -> str:
    """The list's query string with ``changes`` applied (None removes), page dropped."""
    values = {"q": filters.q, **filters.active, "sort": filters.sort}
    values.update(changes)
    return urlencode({k: v for k, v in values.items() if v not in (None, "")})


def filtered_library(request):
    form = LibraryFilterForm(request.GET)
    filters = form.filters()
    practices = apply_filters(services.library(request.user), filters)
    if filters.q:
        practices = apply_search(practices, filters.q)
    return form, filters, practices


def _link_facets(facets, filters: LibraryFilters) -> list:
    groups = []
    labels = {
        "theme": _("Theme"),
        "country": _("Country"),
        "territory": _("Territory"),
        "sector": _("Sector"),
        "language": _("Language of materials"),
        "programme": _("Programme"),
        "call": _("Call"),
    }
    for name, values in facets.groups():
        current = str(getattr(filters, name) or "")
        for value in values:
            value.selected = value.value == current
            value.url = "?" + query_string(
                filters, **{name: None if value.selected else value.value}
            )
        if values:
            groups.append({"name": name, "label": labels[name], "values": values})
    return groups


def _active_filters(filters: LibraryFilters, facets) -> list[dict]:
    """Each active filter with its label and the link that removes it."""
    labels = {name: {v.value: v.label for v in values} for name, values in facets.groups()}
    return [
        {
            "label": labels.get(name, {}).get(str(value), str(value)),
            "url": "?" + query_string(filters, **{name: None}),
        }
        for name, value in filters.active.items()
    ]


@require_safe
def practice_list(request):
    form, filters, practices = filtered_library(request)

    def load_results() -> dict:
        facets = facet_counts(practices)
        ordered = with_snippets(apply_sort(practices, filters), filters.q)
        ordered = ordered.only(*CARD_FIELDS).prefetch_related(
            Prefetch("themes", queryset=Theme.objects.only("slug", *_theme_names()))
        )
        page = Paginator(ordered, PAGE_SIZE).get_page(request.GET.get("page"))
        if filters.q and not is_postgresql():
            for practice in page.object_list:
                practice.snippet = highlight_in_python(practice.summary, filters.q)
        return {
            "page_obj": page,
            "practices": page.object_list,
            "facet_groups": _link_facets(facets, filters),
            "active_filters": _active_filters(filters, facets),
        }

    # Facets and results are cached per content version, language, what the visitor may see
    # and the validated filters: loaded only when the template's fragment misses.
    results = SimpleLazyObject(load_results)
    page_query = query_string(filters)
    key = f"{page_query}&page={request.GET.get('page', '')}"
    return render(
        request,
        "goodpractices/practice_list.html",
        {
            "form": form,
            "filters": filters,
            "results": results,
            "content_version": content_version(),
            "scope": services.cache_scope(request.user),
            "results_key": hashlib.sha256(key.encode()).hexdigest()[:32],
            "cache_seconds": LIST_CACHE_SECONDS,
            "page_query": page_query,
            "map_query": query_string(filters, sort=None),
            "nav": "goodpractices",
        },
    )


def _theme_names() -> list[str]:
    return [f"name_{code}" for code, _name in settings.LANGUAGES]


@require_safe
def practice_detail(request, slug):
    practice = get_object_or_404(
        services.library(request.user).select_related("programme", "call"), slug=slug
    )
    partner = services.can_see_partner_content(request.user, practice)

    def materials_by_language() -> list:
        materials = practice.materials.order_by("language", "order", "pk")
        if not partner:
            materials = materials.filter(partners_only=False)
        names = dict(settings.LANGUAGES)
        return [
            (str(names.get(code, code)), list(items))
            for code, items in groupby(materials, key=lambda m: m.language)
        ]

    themes = SimpleLazyObject(lambda: list(practice.themes.all()))

    def related() -> list:
        sharing_a_theme = GoodPractice.themes.through.objects.filter(
            goodpractice_id=OuterRef("pk"), theme_id__in=[theme.pk for theme in themes]
        )
        return list(
            services.library(request.user)
            .filter(Exists(sharing_a_theme))
            .exclude(pk=practice.pk)
            .only(*CARD_FIELDS)
            .order_by("-published_at", "-pk")[:RELATED]
        )

    # What the page shows besides the practice is cached with it (the template's fragment),
    # per content version, language and what the visitor may see: loaded only on a miss.
    return render(
        request,
        "goodpractices/practice_detail.html",
        {
            "practice": practice,
            "themes": themes,
            "organisations": SimpleLazyObject(lambda: list(practice.organisations.all())),
            "materials_by_language": SimpleLazyObject(materials_by_language),
            "related": SimpleLazyObject(related),
            "sessions": SimpleLazyObject(
                lambda: list(practice.sessions.public().select_related("programme"))
            ),
            "partner_view": partner,
            "content_version": content_version(),
            "scope": services.cache_scope(request.user),
            "cache_seconds": LIST_CACHE_SECONDS,
            "nav": "goodpractices",
        },
    )


@require_safe
def practice_map(request):
    form, filters, practices = filtered_library(request)
    located = (
        practices.filter(latitude__isnull=False, longitude__isnull=False)
        .only(*CARD_FIELDS, "latitude", "longitude")
        .order_by("country", "-published_at", "-pk")
    )
    shown = list(located[: MAP_LIMIT + 1])
    more = len(shown) > MAP_LIMIT
    shown = shown[:MAP_LIMIT]
    by_country = sorted(
        (
            (str(practice_group[0].country.name or _("Unknown country")), practice_group)
            for _code, group in groupby(shown, key=lambda p: p.country.code)
            if (practice_group := list(group))
        ),
        key=lambda item: item[0],
    )
    markers = [
        {
            "title": str(p.title),
            "url": p.get_absolute_url(),
            "place": ", ".join(x for x in (p.place, p.country.name) if x),
            "lat": float(p.latitude),
            "lng": float(p.longitude),
        }
        for p in shown
    ]
    return render(
        request,
        "goodpractices/practice_map.html",
        {
            "form": form,
            "filters": filters,
            "by_country": by_country,
            "markers": markers,
            "more": more,
            "limit": MAP_LIMIT,
            "list_query": query_string(filters),
            "tiles": json.dumps(
                {"url": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION}
            ),
            "nav": "goodpractices",
        },
    )


@require_safe
def material_file(request, pk):
    """A material's file, after the same check as the page that links to it. Files live in
    private storage, so this view is the only way to them (README, "Docker")."""
    material = get_object_or_404(
        PracticeMaterial.objects.select_related("practice__programme"),
        pk=pk,
        kind=MaterialKind.FILE,
    )
    if not services.can_see_material(request.user, material):
        raise Http404(_("No such file."))
    name = material.file_name or material.file.name.rsplit("/", 1)[-1]
    return serve_private(material.file, download_name=name)
