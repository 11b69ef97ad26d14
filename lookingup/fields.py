from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class LanguagesField(models.JSONField):
    """A list of language codes from ``settings.LANGUAGES``, stored as JSON.

    Filter with ``languages__icontains='"fr"'`` (see ``language_filter``): JSON ``icontains``
    works on SQLite and PostgreSQL alike, and the quotes match a whole code.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", False)
        super().__init__(*args, **kwargs)

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        codes = {code for code, _name in settings.LANGUAGES}
        unknown = [code for code in value or [] if code not in codes]
        if unknown:
            raise ValidationError(
                _("Unknown language: %(codes)s."), params={"codes": ", ".join(unknown)}
            )

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=settings.LANGUAGES,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )


def language_filter(field: str, code: str) -> dict:
    """Keyword arguments that keep the rows whose ``field`` lists ``code``."""
    return {f"{field}__icontains": f'"{code}"'}


def language_names(codes) -> list[str]:
    names = dict(settings.LANGUAGES)
    return [str(names[code]) for code in codes if code in names]
