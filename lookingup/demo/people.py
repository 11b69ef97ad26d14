"""Demo participants and a session starting soon, so that the demo shows its mail at work:
``dev.py up`` writes a reminder for tomorrow's welcome call to var/mail/ within a minute,
without anyone calling a task by hand. Called by ``load_demo``; idempotent within a day."""

import datetime as dt

from django.utils import timezone

from participants import services
from participants.enums import EnrolmentStatus
from participants.models import Enrolment
from programmes.models import Programme
from sessions_app.enums import SessionKind
from sessions_app.models import Session

PARTICIPANTS = [
    # email, full name, preferred language
    ("participant@lookingup.test", "Giulia Demo", "it"),
    ("participante@lookingup.test", "Camille Démo", "fr"),
]
WELCOME_TITLES = {
    "title_it": "Chiamata di benvenuto (demo: il promemoria arriva in var/mail/)",
    "title_en": "Welcome call (demo: its reminder lands in var/mail/)",
    "title_fr": "Appel de bienvenue (démo : son rappel arrive dans var/mail/)",
    "title_pt": "Chamada de boas-vindas (demo: o lembrete chega a var/mail/)",
}


def welcome_call_start(now) -> dt.datetime:
    """Tomorrow at 09:00 in Rome: a reminder of it is always due when the demo starts."""
    tomorrow = timezone.localtime(now).date() + dt.timedelta(days=1)
    return dt.datetime.combine(tomorrow, dt.time(9), tzinfo=timezone.get_default_timezone())


def load(command, *, now=None) -> None:
    """``command`` is the running ``load_demo`` (its ``upsert`` and ``load_user``)."""
    now = now or timezone.now()
    programme = Programme.objects.get(slug="looking-up-second-edition")
    starts = welcome_call_start(now)
    command.upsert(
        Session,
        {"programme": programme, "title_en": WELCOME_TITLES["title_en"]},
        {
            **WELCOME_TITLES,
            "kind": SessionKind.ONLINE,
            "starts_at": starts,
            "ends_at": starts + dt.timedelta(hours=1),
            "time_zone": "Europe/Rome",
            "online_url": "https://meet.example.org/looking-up-second-edition/welcome",
            "languages": ["it", "en", "fr", "pt"],
            "duration_hours": 1,
        },
    )
    cohort = programme.cohorts.order_by("pk").first()
    for email, full_name, language in PARTICIPANTS:
        person = command.load_user(email, full_name, superuser=False, staff=False)
        if person.preferred_language != language or not person.has_current_consent:
            person.preferred_language = language
            person.organisation_kind, person.role, person.country = "cooperative", "worker", "IT"
            person.privacy_consent_version = command.privacy_version
            person.privacy_consent_at = now
            person.save()
        if not Enrolment.objects.filter(participant=person, programme=programme).exists():
            services.enrol(person, programme, cohort=cohort, now=now)
            # As if they had enrolled a month ago: reminders whose moment came before someone
            # enrolled are skipped, and the demo wants one due now.
            Enrolment.objects.filter(
                participant=person, programme=programme, status=EnrolmentStatus.CONFIRMED
            ).update(created_at=now - dt.timedelta(days=30))
