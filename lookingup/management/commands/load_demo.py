"""Load the demo programmes, sessions and users. Safe to run again: it changes nothing then."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone, translation

from goodpractices.demo import load_practices
from goodpractices.models import GoodPractice
from lookingup import demo as demo_data
from lookingup.demo import people as demo_people
from lookingup.demo.specs import MEET, session_uid
from programmes.models import Cohort, Organisation, Partnership, Programme, Track
from programmes.services import ensure_coordinators_group
from sessions_app.models import Material, Session

DEMO_PASSWORD = "lookingup-demo"  # noqa: S105 -- printed in the README, demo only
ADMIN_EMAIL = "admin@lookingup.test"
COORDINATOR_EMAIL = "coordinator@lookingup.test"
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def translated(name: str, values: dict) -> dict:
    """{"title_it": ..., "title_en": ...}; a missing language stays empty (None)."""
    return {f"{name}_{code}": values.get(code) or None for code in LANGUAGE_CODES}


def _same(current, wanted) -> bool:
    return current == wanted or (current is not None and str(current) == str(wanted))


def upsert(model, lookup: dict, values: dict):
    """Like ``update_or_create``, but saves only when a value differs, so a second run leaves
    ``updated_at`` and a session's calendar ``sequence`` as they were."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        obj = model(**{**lookup, **values})
        obj.save()
        return obj, True
    changed = [name for name, value in values.items() if not _same(getattr(obj, name), value)]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save()
    return obj, False


def aware(value: dt.datetime | None, zone: str) -> dt.datetime | None:
    return value.replace(tzinfo=ZoneInfo(zone)) if value else None


class Command(BaseCommand):
    help = "Load the demo data: the five seed programmes, an upcoming edition and two users."

    def handle(self, *args, **options):
        # Lookups on translated fields follow the active language: pin it.
        with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
            created = self.load()
        counts = {
            "organisations": Organisation.objects.count(),
            "programmes": Programme.objects.count(),
            "tracks": Track.objects.count(),
            "cohorts": Cohort.objects.count(),
            "sessions": Session.objects.count(),
            "materials": Material.objects.count(),
            "good practices": GoodPractice.objects.count(),
        }
        self.stdout.write(
            "Demo data loaded ({} new rows): {}.".format(
                created, ", ".join(f"{count} {name}" for name, count in counts.items())
            )
        )
        self.stdout.write(
            f"Sign in as {ADMIN_EMAIL} (superuser), {COORDINATOR_EMAIL} (coordinator) or "
            f"{demo_people.PARTICIPANTS[0][0]} (participant), password {DEMO_PASSWORD!r}."
        )

    def load(self) -> int:
        self.created = 0
        organisations = {
            org.name: self.upsert(
                Organisation,
                {"name": org.name},
                {"kind": org.kind, "country": org.country, "website": org.website},
            )
            for org in demo_data.ORGANISATIONS
        }
        admin_user, coordinator = self.load_users()
        specs = [*demo_data.SEED_PROGRAMMES, demo_data.second_edition(timezone.localdate())]
        for spec in specs:
            programme = self.load_programme(spec, organisations)
            if spec.coordinated_by_demo_coordinator:
                programme.coordinators.add(coordinator)
        demo_people.load(self)
        load_practices(self.upsert)
        return self.created

    def upsert(self, model, lookup, values):
        obj, created = upsert(model, lookup, values)
        self.created += created
        return obj

    def load_users(self):
        admin_user = self.load_user(ADMIN_EMAIL, "LOOKING UP Admin", superuser=True)
        coordinator = self.load_user(COORDINATOR_EMAIL, "Demo Coordinator", superuser=False)
        coordinator.groups.add(ensure_coordinators_group())
        return admin_user, coordinator

    privacy_version = settings.PRIVACY_NOTICE_VERSION

    def load_user(self, email: str, full_name: str, *, superuser: bool, staff: bool = True):
        user = self.upsert(
            get_user_model(),
            {"email": email},
            {
                "full_name": full_name,
                "is_staff": staff,
                "is_superuser": superuser,
                "is_active": True,
            },
        )
        if not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        # Sign-in requires a verified address (ACCOUNT_EMAIL_VERIFICATION = "mandatory").
        self.upsert(
            EmailAddress, {"user": user, "email": email}, {"verified": True, "primary": True}
        )
        return user

    def load_programme(self, spec, organisations) -> Programme:
        enrolment_opens = spec.enrolment_opens_at
        programme = self.upsert(
            Programme,
            {"slug": spec.slug},
            {
                **translated("title", spec.title),
                **translated("summary", spec.summary),
                **translated("description", spec.description),
                **translated("funding_line", spec.funding_line),
                "funder": organisations[spec.funder] if spec.funder else None,
                "start_date": spec.start,
                "end_date": spec.end,
                "original_language": spec.original_language,
                "languages": list(spec.languages),
                "status": spec.status,
                "enrolment_mode": spec.enrolment_mode,
                "enrolment_opens_at": aware(enrolment_opens, "Europe/Rome"),
                "enrolment_closes_at": aware(spec.enrolment_closes_at, "Europe/Rome"),
            },
        )
        for name, role in spec.partners:
            self.upsert(
                Partnership,
                {"programme": programme, "organisation": organisations[name]},
                {"role": role},
            )
        tracks = [
            self.upsert(Track, {"programme": programme, "order": order}, translated("title", title))
            for order, title in enumerate(spec.tracks, start=1)
        ]
        cohorts = {
            cohort.key: self.upsert(
                Cohort,
                {"programme": programme, "name_it": cohort.name["it"]},
                {
                    **translated("name", cohort.name),
                    "capacity": cohort.capacity,
                    "language": cohort.language,
                    "time_zone": cohort.time_zone,
                },
            )
            for cohort in spec.cohorts
        }
        for session_spec in spec.sessions:
            self.load_session(programme, session_spec, tracks, cohorts)
        return programme

    def load_session(self, programme, spec, tracks, cohorts) -> Session:
        session = self.upsert(
            Session,
            {"uid": session_uid(programme.slug, spec.key)},
            {
                **translated("title", spec.title),
                **translated("description", spec.description),
                "programme": programme,
                "track": tracks[spec.track] if spec.track is not None else None,
                "kind": spec.kind,
                "starts_at": aware(spec.start, spec.time_zone),
                "ends_at": aware(spec.end, spec.time_zone),
                "time_zone": spec.time_zone,
                "venue_name": spec.venue,
                "city": spec.city,
                "country": spec.country,
                "online_url": f"{MEET}{programme.slug}/{spec.key}" if spec.online else "",
                "languages": list(spec.languages),
                "capacity": spec.capacity,
                "registration_required": spec.registration_required,
                "duration_hours": Decimal(spec.hours),
            },
        )
        wanted = {cohorts[key].pk for key in spec.cohorts}
        if set(session.cohorts.values_list("pk", flat=True)) != wanted:
            session.cohorts.set(wanted)
        for order, language, titles, url in spec.materials:
            self.upsert(
                Material,
                {"session": session, "order": order, "language": language},
                {**translated("title", titles), "kind": "link", "url": url},
            )
        return session
