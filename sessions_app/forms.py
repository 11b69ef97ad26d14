import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass
from functools import cached_property
from html import escape

from django import forms
from django.conf import settings
from django.db.models import Q
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe
from django.utils.text import format_lazy
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from lookingup.cache import content_version, for_version
from lookingup.fields import language_filter
from programmes.models import Cohort, Programme, Track, known_time_zones

from .enums import SessionKind
from .models import Session

# The zones of the programmes' partners and participants first; any IANA zone is accepted.
COMMON_TIME_ZONES = [
    "Europe/Rome",
    "Europe/Bucharest",
    "Europe/Budapest",
    "Europe/Paris",
    "Europe/Brussels",
    "Europe/Amsterdam",
    "Europe/Berlin",
    "Europe/Madrid",
    "Europe/Lisbon",
    "Atlantic/Azores",
    "Atlantic/Canary",
    "Europe/London",
    "Europe/Dublin",
    "Europe/Athens",
    "Europe/Warsaw",
    "Europe/Vienna",
    "Europe/Zagreb",
    "Europe/Sofia",
    "Europe/Helsinki",
    "Africa/Dakar",
    "Africa/Abidjan",
    "Africa/Casablanca",
    "Africa/Tunis",
    "Africa/Luanda",
    "Africa/Maputo",
    "America/Montreal",
    "America/Sao_Paulo",
    "UTC",
]
MONTH_RE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})$")
# The month filter's format as people of each language write it (AAAA-MM in French).
MONTH_PATTERN = pgettext_lazy("month filter format", "YYYY-MM")


def zone_label(name: str) -> str:
    return name.replace("_", " ")


def is_known_time_zone(name: str) -> bool:
    return bool(name) and name in known_time_zones()


class PlainSelect(forms.Select):
    """A ``<select>`` built in Python. Django renders every ``<option>`` through a template,
    which for a few dozen choices (the filters, the time zones) took milliseconds."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = {str(v) for v in self.format_value(value)}

        def options(choices) -> str:
            return "".join(
                f'<option value="{escape(str(key))}"'
                f"{' selected' if str(key) in selected else ''}>{escape(str(label))}</option>"
                for key, label in choices
            )

        html = []
        for key, label in self.choices:
            if isinstance(label, list | tuple):
                html.append(f'<optgroup label="{escape(str(key))}">{options(label)}</optgroup>')
            else:
                html.append(options([(key, label)]))
        attributes = flatatt(self.build_attrs(self.attrs, attrs))
        return mark_safe(  # noqa: S308 (every value is escaped above)
            f'<select name="{escape(name)}"{attributes}>{"".join(html)}</select>'
        )


class PlainTextInput(forms.TextInput):
    """An ``<input>`` built in Python, like PlainSelect (``input_type`` and attrs as usual)."""

    def render(self, name, value, attrs=None, renderer=None):
        attributes = {"type": self.input_type, "name": name, **self.build_attrs(self.attrs, attrs)}
        value = self.format_value(value)
        if value is not None:
            attributes["value"] = value
        return mark_safe(f"<input{flatatt(attributes)}>")  # noqa: S308 (flatatt escapes)


class PlainHiddenInput(PlainTextInput):
    input_type = "hidden"


class TimeZoneForm(forms.Form):
    """The visitor's own time zone, stored in the ``tz`` cookie (no account needed)."""

    tz = forms.CharField(label=_("Your time zone"), max_length=64)
    next = forms.CharField(required=False, widget=PlainHiddenInput)

    def __init__(self, *args, current: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        names = list(COMMON_TIME_ZONES)
        if current and current not in names:
            names.insert(0, current)
        # Built in Python (PlainSelect): through Django's widget templates this one list
        # was half the time of a session page.
        self.fields["tz"].widget = PlainSelect(choices=[(n, zone_label(n)) for n in names])
        self.fields["tz"].initial = current or settings.TIME_ZONE

    def clean_tz(self):
        value = self.cleaned_data["tz"].strip()
        if not is_known_time_zone(value):
            raise forms.ValidationError(
                _("“%(value)s” is not a known time zone."), params={"value": value}
            )
        return value


FILTER_CHOICES_KEY = "sessions:filter-choices:{language}"
# Kept for the public content version (lookingup/cache.py), which every change to programmes,
# sessions and their parts bumps; the timeout bounds staleness where the cache is per process
# (LocMemCache, several workers) or a change skips the signals (bulk updates).
FILTER_CHOICES_TIMEOUT = 10 * 60


@dataclass
class FilterChoices:
    """What the session filters offer: only values that public sessions actually have."""

    programmes: list[tuple[int, str]]
    tracks: list[tuple[str, list[tuple[int, str]]]]  # grouped by programme
    countries: list[tuple[str, str]]
    cities: list[str]
    programme_slugs: dict[int, str]
    # The cohorts of these programmes, for the rows of the list (``add_cohort_names``).
    cohort_names: dict[int, str]

    def programme_line(self, session) -> tuple[str, str, str] | None:
        """(programme slug, programme title, track title) of a row of the session list, or
        None when the choices predate its programme or track (then the row loads them)."""
        slug = self.programme_slugs.get(session.programme_id)
        if slug is None:
            return None
        track = ""
        if session.track_id is not None:
            track = self._track_titles.get(session.track_id)
            if track is None:
                return None
        return slug, self._programme_titles[session.programme_id], track

    @cached_property
    def _programme_titles(self) -> dict[int, str]:
        return dict(self.programmes)

    @cached_property
    def _track_titles(self) -> dict[int, str]:
        return {pk: title for _programme, tracks in self.tracks for pk, title in tracks}


def session_filter_choices(*, version: str | None = None) -> FilterChoices:
    """The choices in the current language, made once per change (four queries then).
    ``version``: the content version, when the caller has read it already."""
    return for_version(
        FILTER_CHOICES_KEY.format(language=get_language()),
        version or content_version(),
        _load_filter_choices,
        timeout=FILTER_CHOICES_TIMEOUT,
    )


def _load_filter_choices() -> FilterChoices:
    public = Session.objects.public()
    rows = set(
        public.order_by().values_list("programme_id", "track_id", "country", "city").distinct()
    )
    programme_ids = {row[0] for row in rows}
    track_ids = {row[1] for row in rows if row[1] is not None}
    programmes = list(Programme.objects.filter(pk__in=programme_ids).order_by("-start_date", "pk"))
    tracks_by_programme: dict[int, list] = {}
    for track in Track.objects.filter(pk__in=track_ids).order_by("order", "pk"):
        tracks_by_programme.setdefault(track.programme_id, []).append((track.pk, str(track.title)))
    return FilterChoices(
        programmes=[(programme.pk, str(programme.title)) for programme in programmes],
        # Grouped under their programme, in the programmes' order.
        tracks=[
            (str(programme.title), tracks_by_programme[programme.pk])
            for programme in programmes
            if programme.pk in tracks_by_programme
        ],
        countries=sorted(
            ((code, str(countries.name(code))) for code in {row[2] for row in rows} if code),
            key=lambda pair: pair[1],
        ),
        cities=sorted({row[3] for row in rows if row[3]}, key=str.casefold),
        programme_slugs={programme.pk: programme.slug for programme in programmes},
        cohort_names={
            cohort.pk: str(cohort.name)
            for cohort in Cohort.objects.filter(programme_id__in=programme_ids).order_by()
        },
    )


class SessionFilterForm(forms.Form):
    """Filters of the public session list. Every field is optional; bad values are dropped."""

    WHEN_UPCOMING = "upcoming"
    WHEN_PAST = "past"
    WHEN_CHOICES = [
        (WHEN_UPCOMING, pgettext_lazy("sessions", "Upcoming")),
        (WHEN_PAST, pgettext_lazy("sessions", "Past")),
    ]
    MODE_ONLINE = "online"
    MODE_IN_PERSON = "in_person"

    programme = forms.TypedChoiceField(
        label=_("Programme"), required=False, coerce=int, empty_value=None, widget=PlainSelect
    )
    track = forms.TypedChoiceField(
        label=_("Track"), required=False, coerce=int, empty_value=None, widget=PlainSelect
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *SessionKind.choices],
        widget=PlainSelect,
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("All languages")), *settings.LANGUAGES],
        widget=PlainSelect,
    )
    month = forms.CharField(
        label=_("Month"),
        required=False,
        max_length=7,
        # Browsers without a month picker show a text box: its placeholder, the hint and the
        # error message all spell the format the same way, in the page's language.
        widget=PlainTextInput(attrs={"type": "month", "placeholder": MONTH_PATTERN}),
        help_text=format_lazy(
            _("Format: {pattern}. Shows the whole month, past and upcoming."),
            pattern=MONTH_PATTERN,
        ),
    )
    mode = forms.ChoiceField(
        label=_("Where"),
        required=False,
        choices=[
            ("", _("Online and in person")),
            (MODE_ONLINE, _("Online")),
            (MODE_IN_PERSON, _("In person")),
        ],
        widget=PlainSelect,
    )
    city = forms.CharField(
        label=_("City"),
        required=False,
        max_length=120,
        # Suggestions from the cities that have sessions, any text still matches.
        widget=PlainTextInput(attrs={"list": "city-suggestions"}),
    )
    country = forms.ChoiceField(label=_("Country"), required=False, widget=PlainSelect)
    when = forms.ChoiceField(
        label=_("When"), required=False, choices=WHEN_CHOICES, widget=PlainSelect
    )

    def __init__(self, *args, version: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = session_filter_choices(version=version)
        self.fields["programme"].choices = [("", _("All programmes")), *choices.programmes]
        self.fields["track"].choices = [("", _("All tracks")), *choices.tracks]
        self.fields["country"].choices = [("", _("All countries")), *choices.countries]
        self.city_suggestions = choices.cities
        self.choices = choices

    def clean_month(self) -> dt.date | None:
        value = self.cleaned_data["month"].strip()
        if not value:
            return None
        match = MONTH_RE.match(value)
        try:
            if not match or not 1900 <= int(match["year"]) <= 2999:
                raise ValueError(value)
            return dt.date(int(match["year"]), int(match["month"]), 1)
        except ValueError:
            raise forms.ValidationError(
                _("Enter a month as %(pattern)s, for example 2025-06."),
                params={"pattern": MONTH_PATTERN},
                code="invalid_month",
            ) from None

    def clean_city(self) -> str:
        return self.cleaned_data["city"].strip()

    def valid_data(self) -> dict:
        """The filters that passed validation: a bad value never hides the whole list."""
        self.is_valid()
        return {
            name: value
            for name, value in getattr(self, "cleaned_data", {}).items()
            if value not in (None, "")
        }

    def filter(self, queryset, *, now):
        data = self.valid_data()
        if data.get("programme"):
            queryset = queryset.filter(programme_id=data["programme"])
        if data.get("track"):
            queryset = queryset.filter(track_id=data["track"])
        if data.get("kind"):
            queryset = queryset.filter(kind=data["kind"])
        if data.get("language"):
            # JSON list of codes; the quotes match a whole code (see lookingup.fields).
            queryset = queryset.filter(**language_filter("languages", data["language"]))
        if data.get("mode") == self.MODE_ONLINE:
            queryset = queryset.filter(venue_name="", city="").exclude(online_url="")
        elif data.get("mode") == self.MODE_IN_PERSON:
            queryset = queryset.filter(~Q(venue_name="") | ~Q(city=""))
        if data.get("city"):
            queryset = queryset.filter(city__icontains=data["city"])
        if data.get("country"):
            queryset = queryset.filter(country=data["country"])
        month = data.get("month")
        if month:
            zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
            start = dt.datetime(month.year, month.month, 1, tzinfo=zone)
            end = dt.datetime(month.year + month.month // 12, month.month % 12 + 1, 1, tzinfo=zone)
            return queryset.filter(starts_at__gte=start, starts_at__lt=end).order_by(
                "starts_at", "pk"
            )
        if data.get("when") == self.WHEN_PAST:
            return queryset.filter(ends_at__lt=now).order_by("-starts_at", "-pk")
        return queryset.filter(ends_at__gte=now).order_by("starts_at", "pk")

    @property
    def active_count(self) -> int:
        """How many filters narrow the list, besides upcoming or past (a link of its own)."""
        return len(self.valid_data().keys() - {"when"})

    @property
    def showing_past(self) -> bool:
        return self.valid_data().get("when") == self.WHEN_PAST
