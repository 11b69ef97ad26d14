import datetime as dt
import zoneinfo

from django.utils import timezone

from programmes.models import Cohort, Programme


def programme_starts_at(programme: Programme, cohort: Cohort | None = None) -> dt.datetime:
    """Midnight of the first day, in the cohort's time zone (or the site's)."""
    if cohort is not None:
        zone = zoneinfo.ZoneInfo(cohort.time_zone)
    else:
        zone = timezone.get_default_timezone()
    return dt.datetime.combine(programme.start_date, dt.time.min, tzinfo=zone)
