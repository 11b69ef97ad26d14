"""Operations on sessions that touch several rows: replication for other cohorts."""

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from lookingup.fields import LanguagesField
from programmes.models import Cohort

from .models import Material, Session, validate_cohorts_in_programme

# Not copied: identity, calendar bookkeeping and timestamps belong to each copy.
_NOT_COPIED = {"id", "uid", "sequence", "created_at", "updated_at"}


def _copyable_fields(model) -> list[str]:
    # The untranslated "title" reads and writes the active language: copy title_it, title_en...
    translated = set(translator.get_options_for_model(model).all_fields)
    return [
        field.attname
        for field in model._meta.concrete_fields
        if field.attname not in _NOT_COPIED | translated | {"session_id"}
    ]


def _title_lookup(session: Session) -> dict:
    """Match the title in every language, whatever language is active."""
    names = [build_localized_fieldname("title", lang) for lang in AVAILABLE_LANGUAGES]
    return {name: getattr(session, name) for name in names}


@transaction.atomic
def replicate_session(
    session: Session, *, cohorts: Iterable[Cohort], starts: dict[int, dt.datetime] | None = None
) -> list[Session]:
    """Copy ``session`` once for each of ``cohorts``, with its translations and materials.

    ``starts`` gives a cohort's copy its own start (cohort id → aware datetime; the copy lasts
    as long as the original); without one, the copy starts when the original does.
    A cohort that already has a session with the same title (in every language) and start is
    skipped, so running it twice creates nothing new. Returns the sessions created.
    Raises ValidationError if a cohort belongs to another programme.
    """
    starts = starts or {}
    length = session.ends_at - session.starts_at
    cohorts = list(cohorts)
    validate_cohorts_in_programme(session, cohorts)
    session_fields = _copyable_fields(Session)
    materials = list(session.materials.all())
    material_fields = _copyable_fields(Material)
    created = []
    for cohort in cohorts:
        starts_at = starts.get(cohort.pk, session.starts_at)
        exists = Session.objects.filter(
            programme_id=session.programme_id,
            starts_at=starts_at,
            cohorts=cohort,
            **_title_lookup(session),
        ).exists()
        if exists:
            continue
        copy = Session(**{name: _copied(session, name) for name in session_fields})
        copy.starts_at, copy.ends_at = starts_at, starts_at + length
        copy.save(force_insert=True)
        copy.cohorts.add(cohort)
        Material.objects.bulk_create(
            Material(session=copy, **{name: getattr(m, name) for name in material_fields})
            for m in materials
        )
        created.append(copy)
    return created


def _copied(session: Session, attname: str):
    value = getattr(session, attname)
    field = session._meta.get_field(attname.removesuffix("_id"))
    # A list is mutable: the copy gets its own.
    return list(value) if isinstance(field, LanguagesField) else value
