from modeltranslation.translator import TranslationOptions, register

from .models import Material, Session


@register(Session)
class SessionTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Material)
class MaterialTranslation(TranslationOptions):
    fields = ("title",)
