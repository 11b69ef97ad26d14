"""Coordinators see and change only the programmes they coordinate: the one mechanism.

Every model admin that coordinators use mixes in ``CoordinatorScopedMixin``: lists, object
pages (change, delete, history: a plain 404 otherwise), bulk actions (they act on the list's
queryset), foreign-key and many-to-many choices, autocomplete (it asks the target's admin) and
list-filter choices are narrowed to the coordinator's programmes. Superusers are not narrowed.

Each model says how it reaches its programme with ``register_programme_path(model, path)``;
``tests/lookingup/test_admin_scope.py`` checks every registered model admin.
"""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.db.models import Model, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django_countries.filters import CountryFilter

from .models import Cohort, Partnership, Programme, Track

# The path from each model to its programme ("" for programmes themselves).
PROGRAMME_PATHS: dict[type[Model], str] = {
    Programme: "",
    Track: "programme",
    Cohort: "programme",
    Partnership: "programme",
}
# Models reaching their programme through a one-to-many path (a person with two enrolments
# would appear twice in a join): narrowed through a subquery instead.
_MANY_PATHS: set[type[Model]] = set()


def register_programme_path(model, path: str, *, many: bool = False) -> None:
    """Say how rows of ``model`` reach their programme, e.g. ``"session__programme"``."""
    PROGRAMME_PATHS[model] = path
    if many:
        _MANY_PATHS.add(model)


def scope_to_coordinator(queryset: QuerySet, user, programme_path: str | None = None):
    """Rows of ``queryset`` that belong to a programme ``user`` coordinates; all of them for a
    superuser. Without a path, the model's registered one is used."""
    if user.is_superuser:
        return queryset
    model = queryset.model
    if programme_path is None:
        programme_path = PROGRAMME_PATHS[model]
    prefix = f"{programme_path}__" if programme_path else ""
    condition = {f"{prefix}coordinators": user}
    if model in _MANY_PATHS:
        return queryset.filter(pk__in=model._default_manager.filter(**condition).values("pk"))
    return queryset.filter(**condition)


def scoped_choices(model, user) -> QuerySet | None:
    """The rows of ``model`` ``user`` may pick in a form or a filter; None: not scoped."""
    if model not in PROGRAMME_PATHS:
        return None
    return scope_to_coordinator(model._default_manager.all(), user)


def coordinated_programmes(user):
    return Programme.objects.coordinated_by(user)


class ScopedRelatedFieldListFilter(admin.RelatedFieldListFilter):
    """The "By programme" (cohort, session…) filter offers only the coordinator's ones."""

    def field_choices(self, field, request, model_admin):
        choices = scoped_choices(field.related_model, request.user)
        if choices is None:
            return super().field_choices(field, request, model_admin)
        ordering = self.field_admin_ordering(field, request, model_admin)
        return field.get_choices(
            include_blank=False,
            ordering=ordering,
            limit_choices_to={"pk__in": choices.values("pk")},
        )


class ScopedCountryFilter(CountryFilter):
    """django-countries' filter lists the countries of every row of the model; this one those
    of the rows the list itself may show (the coordinator's programmes)."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        self.request, self.model_admin = request, model_admin
        super().__init__(field, request, params, model, model_admin, field_path)

    def lookup_choices(self, changelist):
        codes = set(
            self.model_admin.get_queryset(self.request)
            .order_by()
            .values_list(self.field_path, flat=True)
            .distinct()
        )
        for code, name in self.field.get_choices(include_blank=False):
            if code in codes:
                yield code, name


class CoordinatorScopedMixin:
    """Narrow lists, object pages, form and filter choices to the coordinator's programmes.

    ``programme_path`` leads from the admin's model to ``Programme`` ("" for programmes);
    None takes the path registered for the model. Superusers are not narrowed.
    """

    programme_path: str | None = None

    def _programme_path(self) -> str:
        if self.programme_path is not None:
            return self.programme_path
        # Unregistered models keep the mixin's old default: a ``programme`` foreign key.
        return PROGRAMME_PATHS.get(self.model, "programme")

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return scope_to_coordinator(queryset, request.user, self._programme_path())

    def get_object(self, request, object_id, from_field=None):
        # The default redirects to the index with "doesn't exist"; a plain 404 tells no more
        # about another programme's objects and is what every other page does.
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404(_("Not found, or not part of a programme you coordinate."))
        return obj

    def history_view(self, request, object_id, extra_context=None):
        # django-simple-history would fall back to the last historical version of a row the
        # queryset does not hold: ask the scoped queryset first.
        self.get_object(request, unquote(object_id))
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self.get_object(request, unquote(object_id))
        return super().history_form_view(request, object_id, version_id, extra_context)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "queryset" not in kwargs:
            queryset = scoped_choices(db_field.related_model, request.user)
            if queryset is not None:
                kwargs["queryset"] = queryset
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "queryset" not in kwargs:
            queryset = scoped_choices(db_field.related_model, request.user)
            if queryset is not None:
                kwargs["queryset"] = queryset
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_list_filter(self, request):
        """Plain related filters ("programme", "session__programme") list every row of the
        related model: give them the scoped filter."""
        return [_scoped_filter(self.model, entry) for entry in super().get_list_filter(request)]


def _scoped_filter(model, entry):
    if not isinstance(entry, str):
        return entry
    field = _resolve(model, entry)
    if field is None or not field.is_relation or field.related_model not in PROGRAMME_PATHS:
        return entry
    return (entry, ScopedRelatedFieldListFilter)


def _resolve(model, path: str):
    field = None
    for name in path.split("__"):
        try:
            field = model._meta.get_field(name)
        except Exception:  # noqa: BLE001 - a filter on something else than a field
            return None
        if field.is_relation:
            model = field.related_model
    return field


class ScopedInlineMixin(CoordinatorScopedMixin):
    """Inlines are already narrowed through their parent; only their choices need it."""

    def get_queryset(self, request):
        return super(CoordinatorScopedMixin, self).get_queryset(request)


# People: a coordinator may pick (or filter by) only those enrolled in their programmes.
register_programme_path(get_user_model(), "enrolments__programme", many=True)
