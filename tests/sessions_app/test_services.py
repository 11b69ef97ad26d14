import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from sessions_app.models import Session
from sessions_app.services import replicate_session
from tests.factories import (
    CohortFactory,
    MaterialFactory,
    OnlineSessionFactory,
    ProgrammeFactory,
    TrackFactory,
)


@pytest.fixture
def reti(db):
    """Reti solidali e competenti: one remote module for the north hub, two hubs to go."""
    programme = ProgrammeFactory(
        title_it="Reti solidali e competenti",
        slug="reti-solidali",
        original_language="it",
        languages=["it"],
    )
    nord, centro, sud = (
        CohortFactory(programme=programme, name=name, name_it=name, capacity=720)
        for name in ("Hub Nord", "Hub Centro", "Hub Sud")
    )
    module = OnlineSessionFactory(
        programme=programme,
        track=TrackFactory(programme=programme, title="Macro-azione 2", title_it="Macro-azione 2"),
        title="Modulo 6 – Gruppi di acquisto solidale e filiere corte",
        title_it="Modulo 6 – Gruppi di acquisto solidale e filiere corte",
        title_en="Module 6 – Solidarity purchasing groups and short supply chains",
        description_it="Dalla spesa al consumo responsabile.",
        capacity=720,
        languages=["it"],
        registration_required=True,
        cohorts=[nord],
    )
    MaterialFactory(
        session=module,
        title_it="Dispense",
        title_en="Handouts",
        language="it",
        url="https://example.org/modulo-6.pdf",
        order=1,
    )
    return programme, module, nord, centro, sud


def test_replicate_session_creates_one_copy_per_cohort(reti):
    _programme, module, _nord, centro, sud = reti

    copies = replicate_session(module, cohorts=[centro, sud])

    assert [list(copy.cohorts.all()) for copy in copies] == [[centro], [sud]]
    assert Session.objects.count() == 3


def test_replicate_session_copies_translations_times_and_settings(reti):
    _programme, module, _nord, centro, _sud = reti

    (copy,) = replicate_session(module, cohorts=[centro])

    copy = Session.objects.get(pk=copy.pk)
    assert copy.title_it == "Modulo 6 – Gruppi di acquisto solidale e filiere corte"
    assert copy.title_en == "Module 6 – Solidarity purchasing groups and short supply chains"
    assert copy.description_it == "Dalla spesa al consumo responsabile."
    assert (copy.starts_at, copy.ends_at, copy.time_zone) == (
        module.starts_at,
        module.ends_at,
        module.time_zone,
    )
    assert (copy.kind, copy.online_url, copy.capacity, copy.languages) == (
        module.kind,
        module.online_url,
        720,
        ["it"],
    )
    assert (copy.track, copy.duration_hours, copy.registration_required) == (
        module.track,
        module.duration_hours,
        True,
    )
    assert copy.uid != module.uid
    assert copy.sequence == 0


def test_replicate_session_copies_materials(reti):
    _programme, module, _nord, centro, _sud = reti

    (copy,) = replicate_session(module, cohorts=[centro])

    material = copy.materials.get()
    assert (material.title_it, material.title_en, material.url, material.order) == (
        "Dispense",
        "Handouts",
        "https://example.org/modulo-6.pdf",
        1,
    )
    assert module.materials.count() == 1


def test_replicate_session_twice_skips_existing_copies(reti):
    _programme, module, nord, centro, sud = reti
    replicate_session(module, cohorts=[centro])

    copies = replicate_session(module, cohorts=[nord, centro, sud])

    assert [list(copy.cohorts.all()) for copy in copies] == [[sud]]
    assert Session.objects.count() == 3


def test_replicate_session_skips_whatever_language_is_active(reti):
    _programme, module, _nord, centro, _sud = reti
    replicate_session(module, cohorts=[centro])

    with translation.override("fr"):
        copies = replicate_session(module, cohorts=[centro])

    assert copies == []


def test_replicate_session_refuses_a_cohort_of_another_programme(reti):
    _programme, module, _nord, _centro, _sud = reti
    foreign = CohortFactory(name="Participants", name_it="Participants")

    with pytest.raises(ValidationError) as error:
        replicate_session(module, cohorts=[foreign])

    assert error.value.messages == ["The cohort “Participants” belongs to another programme."]
    assert Session.objects.count() == 1
