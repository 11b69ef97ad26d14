import factory
from django.utils import timezone

from certificates.models import Certificate
from tests.factories import ParticipantFactory, ProgrammeFactory


class CertificateFactory(factory.django.DjangoModelFactory):
    """A certificate row without a PDF (the services render real ones)."""

    class Meta:
        model = Certificate

    programme = factory.SubFactory(ProgrammeFactory)
    participant = factory.SubFactory(ParticipantFactory)
    holder_name = factory.LazyAttribute(lambda o: o.participant.full_name)
    language = "en"
    issued_at = factory.LazyFunction(timezone.now)
    minutes_attended = 540
