from modeltranslation.translator import TranslationOptions, register

from programmes.translation import fall_back_to_original_language

from .models import Call, CallQuestion, GoodPractice, Theme

# The texts a submitter writes, in the language they choose (``original_language``); readers
# of the other languages get that text until a translation is added in the admin.
PRACTICE_TEXT = (
    "title",
    "summary",
    "description",
    "strengths",
    "weaknesses",
    "lessons",
    "transferability",
)
RICH_TEXT = ("description", "strengths", "weaknesses", "lessons", "transferability")


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name",)


@register(Call)
class CallTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = ()


@register(CallQuestion)
class CallQuestionTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = ()


@register(GoodPractice)
class GoodPracticeTranslation(TranslationOptions):
    fields = PRACTICE_TEXT
    required_languages = ()


fall_back_to_original_language(GoodPractice, PRACTICE_TEXT)
