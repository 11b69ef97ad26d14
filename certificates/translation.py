from modeltranslation.translator import TranslationOptions, register

from .models import CertificateDesign


@register(CertificateDesign)
class CertificateDesignTranslation(TranslationOptions):
    fields = ("signatory_role", "funder_notice_text")
    required_languages = ()
