from django.conf import settings
from modeltranslation.fields import TranslationFieldDescriptor
from modeltranslation.translator import TranslationOptions, register
from modeltranslation.utils import (
    build_localized_fieldname,
    fallbacks_enabled,
    get_language,
    resolution_order,
)

from .models import Cohort, Programme, Track


@register(Programme)
class ProgrammeTranslation(TranslationOptions):
    fields = ("title", "summary", "description", "funding_line")
    required_languages = ()


@register(Track)
class TrackTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Cohort)
class CohortTranslation(TranslationOptions):
    fields = ("name",)


def original_language_of(instance) -> str | None:
    """The language a programme, or a part of one, was written in, when known for free.

    Never queries: a track, cohort or session only knows it when its programme was loaded
    with it (``select_related("programme")``, as the public pages do).
    """
    if "original_language" in instance.__dict__:
        return instance.__dict__["original_language"]
    # modeltranslation's values() passes stand-ins without a model state.
    state = getattr(instance, "_state", None)
    programme = state.fields_cache.get("programme") if state is not None else None
    if programme is not None:
        return programme.__dict__.get("original_language")
    return None


class OriginalLanguageFirstDescriptor(TranslationFieldDescriptor):
    """Fall back to the programme's own original language before the site-wide order.

    The SSE Academy elective was written in English: a visitor reading in Italian should get
    the English text, not whatever happens to come first in the global fallback list.
    """

    def __get__(self, instance, owner):
        if instance is None:
            return self
        original = original_language_of(instance)
        if not original or not fallbacks_enabled():
            return super().__get__(instance, owner)
        chain = (original, *(code for code, _name in settings.LANGUAGES if code != original))
        for lang in resolution_order(get_language(), {"default": chain}):
            value = getattr(instance, build_localized_fieldname(self.field.name, lang), None)
            if value:
                return value
        return super().__get__(instance, owner)


def fall_back_to_original_language(model, fields) -> None:
    """Swap modeltranslation's descriptors on ``model`` for the original-language-first ones."""
    for field_name in fields:
        old = model.__dict__[field_name]
        new = OriginalLanguageFirstDescriptor(
            old.field,
            fallback_languages=old.fallback_languages,
            fallback_value=old.fallback_value,
            fallback_undefined=old.fallback_undefined,
        )
        setattr(model, field_name, new)


fall_back_to_original_language(Programme, ProgrammeTranslation.fields)
fall_back_to_original_language(Track, TrackTranslation.fields)
fall_back_to_original_language(Cohort, CohortTranslation.fields)
