from io import StringIO

import pytest
from django.core.management import call_command

from goodpractices.models import Call, CallQuestion, GoodPractice, PracticeMaterial

MODELS = [
    GoodPractice,
    Call,
    CallQuestion,
    PracticeMaterial,
    GoodPractice.themes.through,
    GoodPractice.organisations.through,
    GoodPractice.sessions.through,
    Call.themes.through,
]


def snapshot() -> dict:
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in MODELS}


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(db):
    load_demo()


def test_load_demo_twice_leaves_the_library_as_it_was(db):
    load_demo()
    first = snapshot()

    output = load_demo()

    assert snapshot() == first
    assert "(0 new rows)" in output
    assert "10 good practices" in output


def test_demo_practices_follow_the_seeds(demo):
    coopcycle = GoodPractice.objects.get(slug="coopcycle")
    rome = GoodPractice.objects.get(slug="rome-local-food-policy-councils")
    fryslan = GoodPractice.objects.get(slug="fryslan-dom-living-happiness")

    assert coopcycle.status == "published" and not coopcycle.is_example
    assert sorted(m.language for m in rome.materials.all()) == ["en", "fr", "pt"]
    assert [s.city for s in coopcycle.sessions.all()] == [""]
    assert fryslan.origin == "study_visit"
    assert fryslan.programme.slug == "trentino-economia-solidale"
    assert GoodPractice.objects.get(slug="casa-do-impacto").is_example
    assert GoodPractice.objects.get(slug="percorso-decarbonizzazione-hub-sud").visibility == (
        "partners"
    )


def test_demo_has_an_open_call_the_demo_coordinator_reviews(demo):
    open_calls = Call.objects.open()

    assert [c.programme.slug for c in open_calls.order_by("programme__slug")] == [
        "futuro-coop",
        "looking-up",
    ]
    looking_up = open_calls.get(programme__slug="looking-up")
    assert looking_up.programme.coordinators.filter(email="coordinator@lookingup.test").exists()
    assert looking_up.questions.get().required


def test_demo_pages_render(client, demo):
    assert client.get("/it/good-practices/").status_code == 200
    assert client.get("/fr/good-practices/coopcycle/").status_code == 200
    assert client.get("/pt/good-practices/map/").status_code == 200
    assert client.get("/en/good-practices/calls/").status_code == 200
