"""factory_boy factories, with the real programmes' facts as defaults."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import factory
from django.utils import timezone

from participants.models import User
from programmes.enums import EnrolmentMode, ProgrammeStatus
from programmes.models import Cohort, Organisation, Partnership, Programme, Track
from sessions_app.enums import SessionKind, SessionStatus
from sessions_app.models import Material, Session

ROME = ZoneInfo("Europe/Rome")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name")
    preferred_language = "it"
    password = factory.django.Password("correct horse battery staple")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Cooperativa Sociale {n}")
    kind = "cooperative"
    country = "IT"


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    title = factory.Sequence(lambda n: f"LOOKING UP {n}")
    slug = factory.Sequence(lambda n: f"looking-up-{n}")
    summary = "A training path from local development towards European SSE strategies."
    original_language = "en"
    languages = factory.LazyFunction(lambda: ["en", "it", "fr", "pt"])
    status = ProgrammeStatus.PUBLISHED
    enrolment_mode = EnrolmentMode.OPEN
    start_date = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=30))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=300))


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    programme = factory.SubFactory(ProgrammeFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = "partner"


class TrackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Track

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Local participatory development {n}")
    order = factory.Sequence(int)


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    programme = factory.SubFactory(ProgrammeFactory)
    name = factory.Sequence(lambda n: f"Hub {n}")
    capacity = None
    language = "it"
    time_zone = "Europe/Rome"


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session
        # Cohorts are set through the m2m manager: saving again would only bump ``sequence``.
        skip_postgeneration_save = True

    programme = factory.SubFactory(ProgrammeFactory)
    kind = SessionKind.WORKSHOP
    title = factory.Sequence(lambda n: f"Co-designed workshop {n}")
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + dt.timedelta(days=14)).replace(minute=0, second=0, microsecond=0)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=3))
    time_zone = "Europe/Rome"
    venue_name = "Villa Fabbricotti"
    city = "Firenze"
    country = "IT"
    languages = factory.LazyFunction(lambda: ["it", "en"])
    status = SessionStatus.SCHEDULED
    duration_hours = Decimal("3")

    @factory.post_generation
    def cohorts(self, create, extracted, **kwargs):
        if create and extracted:
            self.cohorts.set(extracted)


class OnlineSessionFactory(SessionFactory):
    kind = SessionKind.ONLINE
    venue_name = ""
    city = ""
    country = ""
    online_url = "https://meet.example.org/looking-up"


class MaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Material

    session = factory.SubFactory(SessionFactory)
    title = "Slides"
    language = "en"
    kind = "link"
    url = "https://example.org/slides-en.pdf"


# --- participants (appended by the participants area)


def _privacy_notice_version() -> str:
    from django.conf import settings

    return settings.PRIVACY_NOTICE_VERSION


class ParticipantFactory(UserFactory):
    """A user who signed up through the form: profile filled in, privacy notice accepted."""

    organisation_kind = "cooperative"
    role = "worker"
    country = "IT"
    privacy_consent_version = factory.LazyFunction(_privacy_notice_version)
    privacy_consent_at = factory.LazyFunction(timezone.now)


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "participants.Enrolment"

    participant = factory.SubFactory(ParticipantFactory)
    programme = factory.SubFactory(ProgrammeFactory)
    cohort = None
    status = "confirmed"
    organisation_kind = factory.LazyAttribute(lambda o: o.participant.organisation_kind)
    country = factory.LazyAttribute(lambda o: o.participant.country)
    queued_at = factory.LazyAttribute(lambda o: timezone.now() if o.status == "waiting" else None)


class SessionRegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "participants.SessionRegistration"

    participant = factory.SubFactory(ParticipantFactory)
    session = factory.SubFactory(SessionFactory, registration_required=True)
    status = "confirmed"
    organisation_kind = factory.LazyAttribute(lambda o: o.participant.organisation_kind)
    country = factory.LazyAttribute(lambda o: o.participant.country)
    queued_at = factory.LazyAttribute(lambda o: timezone.now() if o.status == "waiting" else None)


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "participants.Attendance"

    session = factory.SubFactory(SessionFactory)
    participant = factory.SubFactory(ParticipantFactory)
    status = "present"
    minutes = None
    source = "register"
