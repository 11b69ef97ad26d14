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


class OriginalLanguageFirstDescriptor(TranslationFieldDescriptor):
    """Fall back to the programme's own original language before the site-wide order.

    The SSE Academy elective was written in English: a visitor reading in Italian should get
    the English text, not whatever happens to come first in the global fallback list.
    """

    def __get__(self, instance, owner):
        if instance is None:
            return self
        original = instance.__dict__.get("original_language")
        if not original or not fallbacks_enabled():
            return super().__get__(instance, owner)
        chain = (original, *(code for code, _name in settings.LANGUAGES if code != original))
        for lang in resolution_order(get_language(), {"default": chain}):
            value = getattr(instance, build_localized_fieldname(self.field.name, lang), None)
            if value:
                return value
        return super().__get__(instance, owner)


for _field_name in ProgrammeTranslation.fields:
    _old = Programme.__dict__[_field_name]
    _new = OriginalLanguageFirstDescriptor(
        _old.field,
        fallback_languages=_old.fallback_languages,
        fallback_value=_old.fallback_value,
        fallback_undefined=_old.fallback_undefined,
    )
    setattr(Programme, _field_name, _new)
