"""Scope, once: every registered model admin narrows a coordinator to their programmes.

Parametrised over ``admin.site._registry``, so an admin added later is checked as soon as it is
registered: if coordinators may open it, it must say how its rows reach a programme
(``register_programme_path``) and this module must know how to make a row of it (``MAKERS``);
otherwise the test fails and says so.
"""

import datetime as dt

import pytest
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.forms.models import model_to_dict
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django_countries.filters import CountryFilter

from certificates.models import Certificate, CertificateBatch, CertificateDesign
from goodpractices.models import Call, GoodPractice, PartnerAccess, Theme
from lookingup.models import Mail
from participants.models import Attendance, Enrolment, Invitation, SessionRegistration
from programmes.models import Cohort, Organisation, Partnership, Programme, Track
from programmes.scope import CoordinatorScopedMixin
from programmes.services import ensure_coordinators_group
from sessions_app.models import Material, Session
from tests.certificates.factories import CertificateFactory
from tests.factories import (
    AttendanceFactory,
    CohortFactory,
    EnrolmentFactory,
    MaterialFactory,
    ParticipantFactory,
    PartnershipFactory,
    ProgrammeFactory,
    SessionFactory,
    SessionRegistrationFactory,
    TrackFactory,
)
from tests.goodpractices.factories import CallFactory, PartnerAccessFactory, PracticeFactory

pytestmark = pytest.mark.django_db

# Written into every row of the other programme: it must appear on no page of the coordinator.
FOREIGN = "Zfrgn"


def _session(programme, tag, **kwargs):
    starts = timezone.now() - dt.timedelta(days=2)
    return SessionFactory(
        programme=programme,
        title=f"{tag} session",
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=2),
        **kwargs,
    )


def _person(tag):
    return ParticipantFactory(full_name=f"{tag} Person", email=f"{tag.lower()}@example.org")


# model → function(programme, tag) making one row of that model in ``programme``.
MAKERS = {
    Programme: lambda programme, tag: programme,
    Track: lambda programme, tag: TrackFactory(programme=programme, title=f"{tag} track"),
    Cohort: lambda programme, tag: CohortFactory(programme=programme, name=f"{tag} hub"),
    Partnership: lambda programme, tag: PartnershipFactory(
        programme=programme, organisation__name=f"{tag} cooperative"
    ),
    Session: _session,
    Material: lambda programme, tag: MaterialFactory(
        session=_session(programme, tag), title=f"{tag} slides"
    ),
    Enrolment: lambda programme, tag: EnrolmentFactory(
        programme=programme,
        cohort=CohortFactory(programme=programme, name=f"{tag} hub"),
        participant=_person(tag),
    ),
    SessionRegistration: lambda programme, tag: SessionRegistrationFactory(
        session=_session(programme, tag, registration_required=True), participant=_person(tag)
    ),
    Attendance: lambda programme, tag: AttendanceFactory(
        session=_session(programme, tag), participant=_person(tag)
    ),
}
MAKERS[Mail] = lambda programme, tag: Mail.objects.create(
    kind="enrolment-confirmed",
    key=f"scope-test:{tag}",
    to=f"{tag.lower()}@example.org",
    language="en",
    programme=programme,
    due_at=timezone.now(),
)
MAKERS[Invitation] = lambda programme, tag: Invitation.objects.create(
    programme=programme, email=f"{tag.lower()}@example.org"
)
MAKERS[Certificate] = lambda programme, tag: CertificateFactory(
    programme=programme, participant=_person(tag), holder_name=f"{tag} Person"
)
MAKERS[CertificateBatch] = lambda programme, tag: CertificateBatch.objects.create(
    programme=programme
)
MAKERS[CertificateDesign] = lambda programme, tag: CertificateDesign.objects.create(
    programme=programme, signatory_name=f"{tag} Signatory"
)
MAKERS[Call] = lambda programme, tag: CallFactory(
    programme=programme, title=f"{tag} call", title_it=f"{tag} call"
)
MAKERS[PartnerAccess] = lambda programme, tag: PartnerAccessFactory(
    programme=programme, user=_person(tag)
)
MAKERS[GoodPractice] = lambda programme, tag: PracticeFactory(
    programme=programme, title=f"{tag} practice", slug=f"{tag.lower()}-practice"
)
# Registered admins whose rows belong to no programme, with the reason.
SHARED = {
    Organisation: "organisations are shared: people pick theirs when they sign up",
    Theme: "the theme taxonomy is shared by every programme; only superusers change it",
}

REGISTRY = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def dana(coordinator):
    """Coordinator of LOOKING UP only, in the coordinators' group."""
    coordinator.groups.add(ensure_coordinators_group())
    ProgrammeFactory(title="LOOKING UP").coordinators.add(coordinator)
    return coordinator


@pytest.fixture
def programmes(dana):
    own = dana.coordinated_programmes.get()
    other = ProgrammeFactory(title=f"{FOREIGN} Trentino", slug="zfrgn-trentino", status="draft")
    return own, other


def _can_open(model_admin, user) -> bool:
    request = RequestFactory().get("/")
    request.user = user
    return model_admin.has_module_permission(request) and model_admin.has_view_permission(request)


@pytest.mark.parametrize(
    ("model", "model_admin"), REGISTRY, ids=lambda x: getattr(x, "__name__", "")
)
def test_every_admin_keeps_other_programmes_out(
    client, superuser, dana, programmes, model, model_admin
):
    own_programme, other_programme = programmes
    if not _can_open(model_admin, dana):
        # Not for coordinators at all (users, groups, sites…): every page is refused.
        client.force_login(dana)
        assert client.get(url(model, "changelist")).status_code == 403
        return
    if model in SHARED:
        pytest.skip(SHARED[model])
    assert isinstance(model_admin, CoordinatorScopedMixin), (
        f"{model.__name__}: coordinators may open its admin; mix in CoordinatorScopedMixin "
        "and call register_programme_path(model, path) unless the path is 'programme'"
    )
    assert model in MAKERS, f"{model.__name__}: add a row maker to MAKERS in {__name__}"
    own = MAKERS[model](own_programme, "Own")
    other = MAKERS[model](other_programme, FOREIGN)
    before = model_to_dict(model.objects.get(pk=other.pk))

    # The superuser sees both rows: the checks below are not vacuous.
    client.force_login(superuser)
    everything = client.get(url(model, "changelist"))
    assert {own, other} <= set(everything.context["cl"].queryset)

    client.force_login(dana)
    listing = client.get(url(model, "changelist"))
    assert listing.status_code == 200
    assert own in listing.context["cl"].queryset
    assert other not in listing.context["cl"].queryset
    # Neither the rows nor the filters ("By programme"…) name anything of the other programme.
    assert FOREIGN not in listing.content.decode()

    for view in ("change", "delete", "history"):
        assert client.get(url(model, view, other.pk)).status_code == 404, view
    if hasattr(model, "history"):
        version = other.history.first().history_id
        history_url = url(model, "simple_history", other.pk, version)
        assert client.get(history_url).status_code == 404

    own_page = client.get(url(model, "change", own.pk))
    assert own_page.status_code == 200
    assert FOREIGN not in own_page.content.decode()  # foreign-key and m2m choices
    try:
        add_page = client.get(url(model, "add"))
    except NoReverseMatch:
        add_page = None
    if add_page is not None and add_page.status_code == 200:
        assert FOREIGN not in add_page.content.decode()

    # Every bulk action, with the other programme's row selected, leaves it as it was.
    request = RequestFactory().get("/")
    request.user = dana
    for action in model_admin.get_actions(request):
        client.post(
            url(model, "changelist"),
            {"action": action, ACTION_CHECKBOX_NAME: [other.pk], "post": "yes", "apply": "1"},
        )
        assert model.objects.filter(pk=other.pk).exists(), action
        assert model_to_dict(model.objects.get(pk=other.pk)) == before, action
    # A POST to the other row's change page changes nothing either.
    client.post(url(model, "change", other.pk), {})
    assert model_to_dict(model.objects.get(pk=other.pk)) == before


AUTOCOMPLETES = [
    (model, field) for model, model_admin in REGISTRY for field in model_admin.autocomplete_fields
]


@pytest.mark.parametrize(("model", "field"), AUTOCOMPLETES, ids=str)
def test_every_autocomplete_offers_only_own_programmes(client, dana, programmes, model, field):
    own_programme, other_programme = programmes
    target = model._meta.get_field(field).related_model
    if target in SHARED:
        pytest.skip(SHARED[target])
    MAKERS[target](own_programme, "Own")
    MAKERS[target](other_programme, FOREIGN)
    client.force_login(dana)

    response = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": model._meta.app_label,
            "model_name": model._meta.model_name,
            "field_name": field,
        },
    )

    assert response.status_code == 200
    texts = [result["text"] for result in response.json()["results"]]
    assert texts
    assert not [text for text in texts if FOREIGN in text]


def test_coordinator_cannot_give_themselves_another_programme(client, dana, programmes):
    own, other = programmes
    client.force_login(dana)

    client.post(url(Programme, "change", own.pk), {"coordinators": [dana.pk]})
    response = client.post(url(Track, "add"), {"programme": other.pk, "title_en": "Mine now"})

    assert list(other.coordinators.all()) == []
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Track.objects.filter(programme=other).exists()


def test_coordinator_cannot_give_themselves_more_permissions(client, dana):
    client.force_login(dana)
    user_model = type(dana)

    responses = [
        client.get(url(user_model, "change", dana.pk)),
        client.post(url(user_model, "change", dana.pk), {"is_superuser": "on"}),
        client.get(reverse("admin:auth_group_changelist")),
    ]

    assert [r.status_code for r in responses] == [403, 403, 403]
    dana.refresh_from_db()
    assert not dana.is_superuser


def test_country_filter_lists_only_the_countries_of_own_programmes(client, dana, programmes):
    own_programme, other_programme = programmes
    EnrolmentFactory(programme=own_programme, participant=_person("Own"), country="IT")
    EnrolmentFactory(programme=other_programme, participant=_person(FOREIGN), country="NZ")
    client.force_login(dana)

    response = client.get(url(Enrolment, "changelist"))

    choices = {
        choice["display"]
        for spec in response.context["cl"].filter_specs
        if isinstance(spec, CountryFilter)
        for choice in spec.choices(response.context["cl"])
    }
    assert "Italy" in choices
    assert "New Zealand" not in choices
