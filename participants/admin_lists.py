"""The coordinators' lists of thousands of people: a count and a date hierarchy kept until
something changes, and faster rows for the enrolment list.

The count and the date hierarchy (the latter's two queries) each go over every row the
filters keep; both are kept in the cache under who asks, the query string and the content
and participation versions (lookingup/cache.py), so paging through a list or opening a person
and coming back costs neither again. (Not under the SQL: compiling it costs about as much as
the count.)

Rows: a page of 50 people out of thousands.

Django's ``items_for_result`` looks every column of every row up afresh: the model field,
the change link (a ``reverse`` per row), each choice label, each programme's translated
title. Here each column has a small renderer and what is the same for every row (the link
pattern, the names of programmes and groups, the labels of choices) is worked out once per
page. The HTML is Django's own, as ``tests/participants/test_admin_lists.py`` checks against
the generic rendering; a list showing a column without a renderer here falls back to it.
"""

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.templatetags.admin_list import (
    ResultList,
    date_hierarchy,
    result_headers,
    result_hidden_fields,
    results,
)
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import quote
from django.contrib.admin.views.main import PAGE_VAR
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext

from lookingup.cache import kept_while_unchanged


def list_key(request, model) -> tuple:
    """What a list's rows depend on besides the data: who asks (the scope), and the filters,
    search and order in the query string (the page number aside)."""
    query = sorted((name, values) for name, values in request.GET.lists() if name != PAGE_VAR)
    return (model._meta.label, request.user.pk, request.user.is_superuser, query)


class KeptCountPaginator(Paginator):
    """A paginator whose count is kept, under ``key``, until the data changes."""

    def __init__(self, *args, key: tuple, **kwargs):
        super().__init__(*args, **kwargs)
        self.key = key

    @cached_property
    def count(self):
        return kept_while_unchanged("list-count", self.key, lambda: Paginator.count.func(self))


def kept_date_hierarchy(context, cl) -> dict:
    """The context of Django's ``date_hierarchy`` tag, kept like the count."""
    key = (
        *list_key(context["request"], cl.model),
        translation.get_language(),
        timezone.get_current_timezone_name(),
    )
    return kept_while_unchanged("list-dates", key, lambda: date_hierarchy(cl))


_MARKER = "2147483647"  # a primary key in the link pattern, replaced by each row's
# Django's own string, translated by Django's catalogues (not a literal in a gettext call,
# so that it is not extracted into ours).
DJANGO_SELECT_LABEL = "Select this object for an action - {}"


class _Page:
    """What every row of one page shares."""

    def __init__(self, cl):
        self.cl = cl
        self.admin = cl.model_admin
        self.empty = self.admin.get_empty_value_display()
        self.names: dict[tuple[str, object], str] = {}
        url = reverse(
            f"admin:{cl.opts.app_label}_{cl.opts.model_name}_change",
            args=(_MARKER,),
            current_app=self.admin.admin_site.name,
        )
        url = add_preserved_filters(
            {"preserved_filters": cl.preserved_filters, "opts": cl.opts}, url
        )
        self.link_before, _, self.link_after = url.partition(_MARKER)
        self.select_label = gettext(DJANGO_SELECT_LABEL)
        self._labels: dict[str, dict] = {}

    def name(self, obj, field: str) -> str:
        """The text of a related object, once per page."""
        key = (field, getattr(obj, f"{field}_id"))
        if key not in self.names:
            related = getattr(obj, field)
            self.names[key] = self.empty if related is None else str(related)
        return self.names[key]

    def labels(self, field: str) -> dict:
        """value → label of a choices field, translated once per page."""
        if field not in self._labels:
            choices = self.cl.opts.get_field(field).flatchoices
            self._labels[field] = {value: str(label) for value, label in choices}
        return self._labels[field]

    def link(self, obj) -> str:
        return f"{self.link_before}{quote(obj.pk)}{self.link_after}"


def _checkbox(page, obj):
    label = format_html(page.select_label, str(obj))
    checkbox = format_html(
        '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
        ACTION_CHECKBOX_NAME,
        obj.pk,
        label,
    )
    return format_html('<td class="action-checkbox">{}</td>', checkbox)


def _participant(page, obj):
    return format_html(
        '<th class="field-participant nowrap"><a href="{}">{}</a></th>',
        page.link(obj),
        page.name(obj, "participant"),
    )


def _related(field):
    def render(page, obj):
        return format_html('<td class="field-{} nowrap">{}</td>', field, page.name(obj, field))

    return render


def _choice(field):
    def render(page, obj):
        value = getattr(obj, field)
        return format_html(
            '<td class="field-{}">{}</td>', field, page.labels(field).get(value, page.empty)
        )

    return render


def _method(name):
    def render(page, obj):
        value = getattr(page.admin, name)(obj)
        if value is None:
            value = page.empty
        return format_html('<td class="field-{}">{}</td>', name, value)

    return render


def _created_at(page, obj):
    return format_html(
        '<td class="field-created_at nowrap">{}</td>',
        formats.localize(timezone.template_localtime(obj.created_at)),
    )


def _organisation_kind(page, obj):
    return format_html(
        '<td class="field-organisation_kind_label">{}</td>',
        page.labels("organisation_kind").get(obj.organisation_kind, "–"),
    )


ENROLMENT_COLUMNS = {
    "action_checkbox": _checkbox,
    "participant": _participant,
    "participant_email": _method("participant_email"),
    "programme": _related("programme"),
    "cohort": _related("cohort"),
    "places": _method("places"),
    "status": _choice("status"),
    "country_code": _method("country_code"),
    "organisation_kind_label": _organisation_kind,
    "created_at": _created_at,
}


def fast_results(cl, columns: dict) -> list[ResultList] | None:
    """The rows of ``cl`` as ``results`` renders them; None when a column has no renderer
    here (or the list is editable)."""
    names = list(cl.list_display)
    if cl.formset or any(not isinstance(name, str) or name not in columns for name in names):
        return None
    if cl.list_display_links and list(cl.list_display_links) != names[1:2]:
        return None
    page = _Page(cl)
    renderers = [columns[name] for name in names]
    return [ResultList(None, [render(page, obj) for render in renderers]) for obj in cl.result_list]


def result_list(cl, columns: dict) -> dict:
    """The context of Django's ``result_list`` tag, its rows rendered by ``fast_results``."""
    headers = list(result_headers(cl))
    rows = fast_results(cl, columns)
    return {
        "cl": cl,
        "result_hidden_fields": list(result_hidden_fields(cl)),
        "result_headers": headers,
        "num_sorted_fields": sum(1 for h in headers if h["sortable"] and h["sorted"]),
        "results": rows if rows is not None else list(results(cl)),
    }
