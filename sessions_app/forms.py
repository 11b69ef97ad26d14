import datetime as dt
import re
import zoneinfo

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries

from programmes.enums import ProgrammeStatus
from programmes.models import Programme, Track

from .enums import SessionKind

PUBLIC_PROGRAMME_STATUSES = (ProgrammeStatus.PUBLISHED, ProgrammeStatus.ARCHIVED)

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


def zone_label(name: str) -> str:
    return name.replace("_", " ")


def is_known_time_zone(name: str) -> bool:
    return bool(name) and name in zoneinfo.available_timezones()


class TimeZoneForm(forms.Form):
    """The visitor's own time zone, stored in the ``tz`` cookie (no account needed)."""

    tz = forms.CharField(label=_("Your time zone"), max_length=64)
    next = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, current: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        names = list(COMMON_TIME_ZONES)
        if current and current not in names:
            names.insert(0, current)
        self.fields["tz"].widget = forms.Select(choices=[(n, zone_label(n)) for n in names])
        self.fields["tz"].initial = current or settings.TIME_ZONE

    def clean_tz(self):
        value = self.cleaned_data["tz"].strip()
        if not is_known_time_zone(value):
            raise forms.ValidationError(
                _("“%(value)s” is not a known time zone."), params={"value": value}
            )
        return value


class TrackChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.programme.title} – {obj.title}"


class SessionFilterForm(forms.Form):
    """Filters of the public session list. Every field is optional; bad values are dropped."""

    WHEN_UPCOMING = "upcoming"
    WHEN_PAST = "past"
    WHEN_CHOICES = [
        (WHEN_UPCOMING, _("Upcoming")),
        (WHEN_PAST, pgettext_lazy("sessions", "Past")),
    ]
    MODE_ONLINE = "online"
    MODE_IN_PERSON = "in_person"

    programme = forms.ModelChoiceField(
        label=_("Programme"),
        queryset=Programme.objects.none(),
        required=False,
        empty_label=_("All programmes"),
    )
    track = TrackChoiceField(
        label=_("Track"),
        queryset=Track.objects.none(),
        required=False,
        empty_label=_("All tracks"),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *SessionKind.choices],
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("All languages")), *settings.LANGUAGES],
    )
    month = forms.CharField(
        label=_("Month"),
        required=False,
        max_length=7,
        widget=forms.DateInput(attrs={"type": "month", "placeholder": "YYYY-MM"}),
        help_text=_("Format: YYYY-MM. Shows the whole month, past and upcoming."),
    )
    mode = forms.ChoiceField(
        label=_("Where"),
        required=False,
        choices=[
            ("", _("Online and in person")),
            (MODE_ONLINE, _("Online")),
            (MODE_IN_PERSON, _("In person")),
        ],
    )
    city = forms.CharField(label=_("City"), required=False, max_length=120)
    country = forms.ChoiceField(label=_("Country"), required=False)
    when = forms.ChoiceField(label=_("When"), required=False, choices=WHEN_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = Programme.objects.filter(
            status__in=PUBLIC_PROGRAMME_STATUSES
        ).order_by("-start_date", "pk")
        self.fields["track"].queryset = (
            Track.objects.filter(programme__status__in=PUBLIC_PROGRAMME_STATUSES)
            .select_related("programme")
            .order_by("-programme__start_date", "programme", "order", "pk")
        )
        self.fields["country"].choices = [("", _("All countries")), *countries]

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
                _("Enter a month as YYYY-MM, for example 2025-06."), code="invalid_month"
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
            queryset = queryset.filter(programme=data["programme"])
        if data.get("track"):
            queryset = queryset.filter(track=data["track"])
        if data.get("kind"):
            queryset = queryset.filter(kind=data["kind"])
        if data.get("language"):
            # JSON list of codes; the quotes match a whole code (see lookingup.fields).
            queryset = queryset.filter(languages__icontains=f'"{data["language"]}"')
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
    def showing_past(self) -> bool:
        return self.valid_data().get("when") == self.WHEN_PAST
