from django import forms
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from lookingup.validators import validate_single_line
from programmes.enums import OrganisationKind
from programmes.models import Cohort, Organisation, Programme, time_zone_choices
from programmes.services import discard_unused_organisation, organisation_typed

from . import phrases
from .enums import ParticipantRole
from .models import User


class OrganisationFieldsMixin:
    """Pick a listed organisation or type the name of another one (created with the type and
    country given, private to the people who typed it until a coordinator confirms it)."""

    def clean_organisation_choice(self, cleaned):
        organisation = cleaned.get("organisation")
        new_name = " ".join((cleaned.get("new_organisation") or "").split())
        if organisation is None and not new_name:
            self.add_error(
                "organisation", _("Choose your organisation, or type its name if it is not listed.")
            )
        cleaned["new_organisation"] = new_name
        return cleaned

    def resolve_organisation(self, cleaned) -> Organisation | None:
        if cleaned.get("organisation") is not None:
            return cleaned["organisation"]
        if not cleaned.get("new_organisation"):
            return None
        return organisation_typed(
            cleaned["new_organisation"],
            kind=cleaned.get("organisation_kind") or "",
            country=cleaned.get("country") or "",
        )


# The first choice of a required list: nothing is picked for the person, not even Afghanistan.
CHOOSE = _("— choose —")


def _country_choices():
    """Called for each form: the country names in the page's language, sorted for it."""
    return [("", CHOOSE), *countries]


def _organisation_field():
    return forms.ModelChoiceField(
        label=_("Organisation"),
        # Narrowed to the person's own in the profile form (ProfileForm.__init__).
        queryset=Organisation.objects.listed_for(None).order_by("name"),
        required=False,
        empty_label=_("— not listed —"),
    )


def _new_organisation_field():
    return forms.CharField(
        label=_("Or the name of your organisation, if it is not listed"),
        help_text=_("Only you see it in the list until a coordinator confirms it."),
        max_length=200,
        required=False,
        validators=[validate_single_line],
    )


class SignupForm(OrganisationFieldsMixin, forms.Form):
    """Extra sign-up fields (allauth's form inherits from this one): what coordinators and
    funders need, and nothing more."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        help_text=_("As it must appear on a certificate."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        validators=[validate_single_line],
    )
    organisation = _organisation_field()
    new_organisation = _new_organisation_field()
    organisation_kind = forms.ChoiceField(
        label=_("Organisation type"), choices=[("", CHOOSE), *OrganisationKind.choices]
    )
    role = forms.ChoiceField(label=_("Your role"), choices=[("", CHOOSE), *ParticipantRole.choices])
    country = forms.ChoiceField(label=_("Country"), choices=_country_choices)
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=settings.LANGUAGES,
        help_text=_("For emails and pages."),
    )
    privacy_consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree to it."), required=True
    )
    listed_to_participants = forms.BooleanField(
        label=_("Other participants of my programmes may see my name and organisation."),
        required=False,
    )

    field_order = [
        "full_name",
        "email",
        "password1",
        "password2",
        "organisation",
        "new_organisation",
        "organisation_kind",
        "role",
        "country",
        "preferred_language",
        "privacy_consent",
        "listed_to_participants",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = translation.get_language() or settings.LANGUAGE_CODE
        if language in dict(settings.LANGUAGES):
            self.fields["preferred_language"].initial = language

    def clean(self):
        cleaned = super().clean()
        return self.clean_organisation_choice(cleaned)

    def signup(self, request, user):
        """Called by allauth once the user exists: store the profile and the consent."""
        cleaned = self.cleaned_data
        user.full_name = cleaned["full_name"]
        user.organisation = self.resolve_organisation(cleaned)
        user.organisation_kind = cleaned["organisation_kind"]
        user.role = cleaned["role"]
        user.country = cleaned["country"]
        user.preferred_language = cleaned["preferred_language"]
        user.listed_to_participants = cleaned["listed_to_participants"]
        user.privacy_consent_version = settings.PRIVACY_NOTICE_VERSION
        user.privacy_consent_at = timezone.now()
        user.save()


class ProfileForm(OrganisationFieldsMixin, forms.ModelForm):
    organisation = _organisation_field()
    new_organisation = _new_organisation_field()
    privacy_consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree to it."), required=True
    )

    class Meta:
        model = User
        fields = [
            "full_name",
            "organisation",
            "organisation_kind",
            "role",
            "country",
            "preferred_language",
            "time_zone",
            "reminders_enabled",
            "weekly_digest",
            "listed_to_participants",
        ]

    field_order = [
        "full_name",
        "organisation",
        "new_organisation",
        "organisation_kind",
        "role",
        "country",
        "preferred_language",
        "time_zone",
        "reminders_enabled",
        "weekly_digest",
        "listed_to_participants",
        "privacy_consent",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("full_name", "organisation_kind", "role", "country"):
            self.fields[name].required = True
        for name in ("organisation_kind", "role", "country"):
            choices = list(self.fields[name].choices)
            if choices and choices[0][0] == "":
                self.fields[name].choices = [("", CHOOSE), *choices[1:]]
        self.fields["time_zone"].widget = forms.Select(
            choices=[("", _("The session's own time zone only")), *time_zone_choices()]
        )
        if not self.instance.coordinated_programmes.exists():
            del self.fields["weekly_digest"]
        self.fields["privacy_consent"].initial = self.instance.has_current_consent
        # Confirmed organisations, and the person's own even while it waits for a coordinator.
        self.fields["organisation"].queryset = Organisation.objects.listed_for(
            self.instance
        ).order_by("name")
        self.previous_organisation = self.instance.organisation

    def clean(self):
        cleaned = super().clean()
        return self.clean_organisation_choice(cleaned)

    def save(self, commit=True):
        user = super().save(commit=False)
        user.organisation = self.resolve_organisation(self.cleaned_data)
        if not user.has_current_consent:
            user.privacy_consent_version = settings.PRIVACY_NOTICE_VERSION
            user.privacy_consent_at = timezone.now()
        if commit:
            user.save()
            if self.previous_organisation != user.organisation:
                # An organisation only this person had typed goes with their leaving it.
                discard_unused_organisation(self.previous_organisation)
        return user


class EnrolForm(forms.Form):
    cohort = forms.ModelChoiceField(
        label=_("Group"),
        queryset=Cohort.objects.none(),
        required=False,
        error_messages={"invalid_choice": phrases.COHORT_OTHER_PROGRAMME},
    )

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = programme.cohorts.all()


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my account and personal data will be erased for good."),
        required=True,
    )


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Check-in code"),
        max_length=20,
        help_text=_("The six digits shown on the coordinators' screen."),
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "size": 8}
        ),
    )
