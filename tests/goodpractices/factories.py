"""Factories of the good-practice library, with the seed texts' practices as defaults."""

import datetime as dt

import factory
from django.utils import timezone

from goodpractices.models import Call, CallQuestion, GoodPractice, PartnerAccess, PracticeMaterial
from tests.factories import ProgrammeFactory


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Futuro.coop thematic call {n}")
    title_it = factory.LazyAttribute(lambda o: o.title)
    description = "Tell us about the social innovation your cooperative runs."
    opens_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=20))


class CallQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CallQuestion

    call = factory.SubFactory(CallFactory)
    text = "How many people does the project employ?"
    required = True


class PracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoodPractice
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"CoopCycle {n}")
    slug = factory.Sequence(lambda n: f"coopcycle-{n}")
    original_language = "en"
    title_en = factory.LazyAttribute(lambda o: o.title)
    summary_en = (
        "A federation of bike delivery cooperatives sharing open-source software as an "
        "alternative platform to the food-tech giants."
    )
    description_en = "<p>Riders organise their own work and share social protection.</p>"
    country = "FR"
    place = "Paris"
    territory = "urban"
    sector = "A08"
    status = "published"
    visibility = "public"
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)


class PartnerAccessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerAccess

    programme = factory.SubFactory(ProgrammeFactory)


class PracticeMaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PracticeMaterial

    practice = factory.SubFactory(PracticeFactory)
    title = "Presentation"
    language = "en"
    kind = "link"
    url = "https://example.org/presentation-en.pdf"
