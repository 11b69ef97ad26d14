from modeltranslation.translator import TranslationOptions, register

from programmes.translation import fall_back_to_original_language

from .models import Material, Session


@register(Session)
class SessionTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Material)
class MaterialTranslation(TranslationOptions):
    fields = ("title",)


fall_back_to_original_language(Session, SessionTranslation.fields)
