import re

import nh3
from django import forms
from django.conf import settings
from django.template.defaultfilters import linebreaks_filter
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from lookingup.validators import validate_single_line

from .enums import EventAction, MaterialKind, Sector, SortOrder, Territory, Visibility
from .models import GoodPractice, PracticeMaterial, Theme
from .services.search import LibraryFilters
from .translation import PRACTICE_TEXT, RICH_TEXT

# What a description may keep: structure and links, nothing that runs or styles.
ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "blockquote",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
TAG = re.compile(r"<[a-zA-Z/][^>]*>")


def sanitise_rich_text(value: str) -> str:
    """Clean HTML with nh3; plain text (no tags) becomes paragraphs first."""
    value = (value or "").strip()
    if not value:
        return ""
    if not TAG.search(value):
        value = linebreaks_filter(value, autoescape=True)
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


class PracticeForm(forms.ModelForm):
    """What a submitter writes, in one language (``original_language``).

    Only the title is needed for a draft; ``services.submission_refusal`` says what else a
    submission needs, so a half-written draft is always saved.
    """

    title = forms.CharField(label=_("Title"), max_length=200, validators=[validate_single_line])
    summary = forms.CharField(
        label=_("Summary"),
        max_length=600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences: what it is, who runs it, what it changed."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    strengths = forms.CharField(
        label=_("Strengths"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    weaknesses = forms.CharField(
        label=_("Weaknesses"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    lessons = forms.CharField(
        label=_("Lessons learnt"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    transferability = forms.CharField(
        label=_("Transferability"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What others would need to do the same elsewhere."),
    )

    class Meta:
        model = GoodPractice
        fields = [
            "original_language",
            "organisation_name",
            "country",
            "region",
            "place",
            "territory",
            "themes",
            "sector",
            "legal_form",
            "year_started",
            "people_involved",
            "website",
            "latitude",
            "longitude",
            "visibility",
        ]
        widgets = {"themes": forms.CheckboxSelectMultiple}

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        self.fields["themes"].queryset = Theme.objects.all()
        self.fields["website"].assume_scheme = "https"
        self.fields["original_language"].label = _("Language you write in")
        self.fields["visibility"].required = False
        practice = self.instance
        if practice.pk:
            language = practice.original_language
            for name in PRACTICE_TEXT:
                self.initial[name] = getattr(practice, f"{name}_{language}") or ""
        for question in self.questions:
            self.fields[f"question_{question.pk}"] = forms.CharField(
                label=question.text,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial=practice.answers.get(str(question.pk), ""),
                help_text=_("Required to submit.") if question.required else "",
            )

    def clean_visibility(self):
        return self.cleaned_data.get("visibility") or Visibility.PUBLIC

    def clean(self):
        cleaned_data = super().clean()
        for name in RICH_TEXT:
            cleaned_data[name] = sanitise_rich_text(cleaned_data.get(name, ""))
        return cleaned_data

    def save(self, commit=True):
        practice = super().save(commit=False)
        language = self.cleaned_data["original_language"]
        for name in PRACTICE_TEXT:
            setattr(practice, f"{name}_{language}", self.cleaned_data.get(name) or "")
        practice.answers = {
            **practice.answers,
            **{
                str(q.pk): self.cleaned_data.get(f"question_{q.pk}", "").strip()
                for q in self.questions
            },
        }
        if commit:
            practice.save()
            self.save_m2m()
        return practice


class MaterialForm(forms.ModelForm):
    class Meta:
        model = PracticeMaterial
        fields = ["title", "language", "kind", "file", "url", "partners_only"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["url"].assume_scheme = "https"

    def clean(self):
        cleaned_data = super().clean()
        kind = cleaned_data.get("kind")
        if kind == MaterialKind.FILE and not cleaned_data.get("file"):
            self.add_error("file", _("Choose a file to upload."))
        if kind == MaterialKind.LINK and not cleaned_data.get("url"):
            self.add_error("url", _("Give the address of the link."))
        upload = cleaned_data.get("file")
        if upload is not None and hasattr(upload, "name"):
            self.instance.file_name = upload.name[:200]
        return cleaned_data


class ReviewForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the submitter"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )
    action = forms.ChoiceField(choices=EventAction.choices, widget=forms.HiddenInput)


ALL = _("All")


def _choices(pairs):
    return [("", ALL), *pairs]


class LibraryFilterForm(forms.Form):
    """The list's query string. Unknown or invalid values are ignored, never an error page."""

    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    theme = forms.SlugField(required=False)
    country = forms.ChoiceField(required=False, choices=[])
    territory = forms.ChoiceField(required=False, choices=_choices(Territory.choices))
    sector = forms.ChoiceField(required=False, choices=_choices(Sector.choices))
    language = forms.ChoiceField(required=False, choices=_choices(settings.LANGUAGES))
    programme = forms.SlugField(required=False)
    call = forms.IntegerField(required=False, min_value=1)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SortOrder.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = _choices(list(countries))

    def filters(self) -> LibraryFilters:
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}
        if "q" in data:
            data["q"] = " ".join(data["q"].split())
        return LibraryFilters(**data)
