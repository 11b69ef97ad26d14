from django import forms
from django.utils.translation import gettext_lazy as _

from . import codes
from .credentials import MAX_CREDENTIAL_BYTES


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=60,
        help_text=_("20 letters and digits, as printed under the QR code, dashes optional."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_code(self):
        code = codes.normalise(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                _("A verification code has 20 letters and digits, like ABCD-EFGH-JKMN-PQRS-TVWX.")
            )
        return code


class CredentialForm(forms.Form):
    credential = forms.FileField(
        label=_("Credential file (JSON)"),
        help_text=_("The .json file downloaded from LOOKING UP, as kept in a digital wallet."),
    )

    def clean_credential(self):
        upload = self.cleaned_data["credential"]
        if upload.size > MAX_CREDENTIAL_BYTES:
            raise forms.ValidationError(_("This file is too large to be a credential."))
        return upload.read()


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("Kept with the certificate; the public page only says “revoked”."),
    )
