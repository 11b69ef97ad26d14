import datetime as dt
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone, translation

from participants.models import User
from programmes.models import Cohort, Organisation, Partnership, Programme, Track
from programmes.services import COORDINATORS_GROUP
from sessions_app.models import Material, Session

LANGUAGES = ["it", "en", "fr", "pt"]
MODELS = [
    Organisation,
    Programme,
    Partnership,
    Track,
    Cohort,
    Session,
    Material,
    User,
    EmailAddress,
    Group,
    Session.cohorts.through,
    Programme.coordinators.through,
    User.groups.through,
]


def snapshot() -> dict:
    """Every row of every model the command touches, every field included."""
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in MODELS}


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(db):
    load_demo()


def test_load_demo_twice_changes_nothing(db):
    load_demo()
    first = snapshot()

    output = load_demo()

    assert snapshot() == first
    assert "(0 new rows)" in output


def test_load_demo_prints_a_summary(db):
    output = load_demo()

    assert "6 programmes" in output
    assert "admin@lookingup.test" in output


def test_load_demo_looking_up_follows_the_seed(demo):
    programme = Programme.objects.get(slug="looking-up")
    sessions = list(programme.sessions.order_by("starts_at"))

    assert (programme.start_date, programme.end_date) == (dt.date(2024, 4, 1), dt.date(2025, 9, 30))
    assert programme.original_language == "en"
    assert programme.funding_line_en == "Erasmus+ KA2"
    assert len(sessions) == 12
    assert sessions[0].city == "Firenze"
    assert sessions[0].local_start.date() == dt.date(2024, 6, 18)
    online = [s for s in sessions if s.kind == "online"]
    assert len(online) == 9
    assert all(dt.date(2024, 10, 1) <= s.local_start.date() <= dt.date(2025, 5, 31) for s in online)
    assert sorted(t.sessions.count() for t in programme.tracks.all()) == [3, 3, 3]
    timisoara = sessions[-2]
    assert (timisoara.city, timisoara.time_zone) == ("Timișoara", "Europe/Bucharest")
    assert sessions[-1].kind == "webinar"
    roles = dict(programme.partnerships.values_list("organisation__name", "role"))
    assert roles["Solidarius Italia"] == "coordinator"
    assert roles["RIPESS Europe"] == "partner"


def test_load_demo_reti_solidali_has_three_hubs_of_720(demo):
    programme = Programme.objects.get(slug="reti-solidali-e-competenti")

    hubs = list(programme.cohorts.all())
    modules = programme.sessions.filter(kind="online")
    tutoring = programme.sessions.filter(kind="tutoring")
    residencies = programme.sessions.filter(kind="residency")

    assert [hub.name_it for hub in hubs] == ["Hub Nord", "Hub Centro", "Hub Sud"]
    assert sum(hub.capacity for hub in hubs) == 2160
    assert modules.count() == 36
    assert all(hub.sessions.filter(kind="online").count() == 12 for hub in hubs)
    assert programme.tracks.count() == 3
    assert sum(s.capacity for s in tutoring) == 300
    assert all(s.registration_required for s in tutoring)
    assert sorted(residencies.values_list("city", flat=True)) == [
        "Firenze",
        "Lecce",
        "Perugia",
        "Torino",
    ]
    assert sum(s.capacity for s in residencies) == 120
    assert programme.funder.name == "Ministero del Lavoro e delle Politiche Sociali"


def test_load_demo_trentino_has_the_study_visit_and_two_workshops(demo):
    programme = Programme.objects.get(slug="trentino-economia-solidale")

    visit = programme.sessions.get(kind="study_visit")
    workshops = programme.sessions.filter(kind="local_workshop")

    assert (visit.city, visit.country.code, visit.time_zone) == (
        "Leeuwarden",
        "NL",
        "Europe/Amsterdam",
    )
    assert visit.capacity == 12
    assert visit.local_start.date() == dt.date(2023, 11, 14)
    assert [s.local_start.date() for s in workshops] == [dt.date(2024, 1, 23), dt.date(2024, 2, 6)]
    assert all(s.city == "Trento" for s in workshops)


def test_load_demo_sse_academy_materials_follow_the_languages_of_the_seed(demo):
    programme = Programme.objects.get(slug="sse-academy-2021-elective-6")
    day_1, day_2, day_3 = programme.sessions.order_by("starts_at")

    assert programme.languages == ["en", "fr", "pt"]
    assert [d.local_start.date().day for d in (day_1, day_2, day_3)] == [22, 23, 24]
    assert sorted(day_1.materials.values_list("language", flat=True)) == [
        "en",
        "en",
        "fr",
        "fr",
        "pt",
        "pt",
    ]
    assert sorted(day_2.materials.values_list("language", flat=True)) == ["fr", "pt"]
    assert sorted(day_3.materials.values_list("language", flat=True)) == ["en", "fr", "pt"]
    assert day_2.materials.get(language="fr").title_en == (
        "Presentation by Corinne Hartmann and Abdoul Alpha Dia"
    )


def test_load_demo_titles_follow_the_visitor_language(demo):
    programme = Programme.objects.get(slug="looking-up")

    titles = {}
    for code in ("it", "en", "fr", "pt"):
        with translation.override(code):
            titles[code] = programme.title

    assert titles["fr"].startswith("LOOKING UP – Un parcours de formation")
    assert titles["pt"].startswith("LOOKING UP – Um percurso formativo")
    assert len(set(titles.values())) == 4


def test_load_demo_second_edition_is_open_for_enrolment(demo):
    programme = Programme.objects.get(slug="looking-up-second-edition")
    sessions = programme.sessions.all()

    assert programme in Programme.objects.open_for_enrolment()
    assert programme.start_date > timezone.localdate()
    assert all(s.starts_at > timezone.now() for s in sessions)
    assert any(s.capacity == 3 and s.registration_required for s in sessions)
    assert any(s.city and not s.online_url for s in sessions)
    assert all(s.online_url for s in sessions if s.kind in {"online", "webinar"})
    assert programme.cohorts.count() == 2


def test_load_demo_users_can_sign_in(demo, client):
    admin_user = User.objects.get(email="admin@lookingup.test")
    coordinator = User.objects.get(email="coordinator@lookingup.test")

    response = client.post(
        "/en/accounts/login/",
        {"login": "coordinator@lookingup.test", "password": "lookingup-demo"},
    )

    assert response.status_code == 302
    assert admin_user.is_superuser
    assert coordinator.is_staff and not coordinator.is_superuser
    assert coordinator.groups.filter(name=COORDINATORS_GROUP).exists()
    assert set(coordinator.coordinated_programmes.values_list("slug", flat=True)) == {
        "looking-up",
        "looking-up-second-edition",
    }
    # Admin, coordinator and the two demo participants.
    assert EmailAddress.objects.filter(verified=True, primary=True).count() == 4


def test_load_demo_leaves_a_reminder_due_for_the_demo_participants(demo):
    """dev.py up shows a reminder in var/mail/ without anyone calling a task."""
    from lookingup.models import Mail
    from sessions_app.notices import queue_due_reminders

    queued = queue_due_reminders()

    assert queued == 2
    assert sorted(Mail.objects.filter(kind="session-reminder").values_list("to", "language")) == [
        ("participant@lookingup.test", "it"),
        ("participante@lookingup.test", "fr"),
    ]


def test_load_demo_has_every_text_in_the_four_languages(demo):
    """A visitor reads the demo in their own language, never a fallback to another."""
    translated = {
        Programme: ["title", "summary", "description", "funding_line"],
        Track: ["title", "description"],
        Cohort: ["name"],
        Session: ["title", "description"],
        Material: ["title"],
    }
    missing = []
    for model, fields in translated.items():
        for obj in model.objects.all():
            for field in fields:
                values = {code: getattr(obj, f"{field}_{code}") for code in LANGUAGES}
                if any(values.values()) and not all(values.values()):
                    gaps = [code for code, value in values.items() if not value]
                    missing.append(f"{model.__name__} {obj.pk} {field}: {gaps}")

    assert missing == []


@pytest.mark.parametrize(
    ("language", "about"),
    [
        ("it", "Per attivisti, volontari e lavoratori di piccole organizzazioni"),
        ("en", "For activists, volunteers and workers of small organisations"),
        ("fr", "Pour les militants, bénévoles et salariés de petites organisations"),
        ("pt", "Para ativistas, voluntários e trabalhadores de pequenas organizações"),
    ],
)
def test_load_demo_looking_up_about_text_is_in_the_page_language(demo, client, language, about):
    response = client.get(f"/{language}/programmes/looking-up/")

    assert about in response.content.decode()
