import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from programmes.enums import EnrolmentMode, ProgrammeStatus
from sessions_app.enums import SessionStatus
from tests.factories import (
    CohortFactory,
    OnlineSessionFactory,
    OrganisationFactory,
    PartnershipFactory,
    ProgrammeFactory,
    SessionFactory,
    TrackFactory,
)

JOIN_URL = "https://meet.example.org/secret-room-4821"


@pytest.fixture(autouse=True)
def _english():
    """Assertions read the English source strings, so every test asks for the /en/ pages."""
    with translation.override("en"):
        yield


def _days(n: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=n)


@pytest.fixture
def looking_up(db):
    """LOOKING UP: Erasmus+ KA2, three thematic tracks, cohorts in Italian and English."""
    funder = OrganisationFactory(name="European Commission – Erasmus+", kind="public_body")
    programme = ProgrammeFactory(
        title="LOOKING UP",
        slug="looking-up",
        description="A co-designed training path in a peer-to-peer logic.",
        funder=funder,
        funding_line="Erasmus+ KA2",
        enrolment_mode=EnrolmentMode.APPROVAL,
        enrolment_closes_at=timezone.now() + dt.timedelta(days=20),
        languages=["en", "it", "fr"],
    )
    PartnershipFactory(
        programme=programme,
        role="coordinator",
        organisation=OrganisationFactory(name="Solidarius Italia", country="IT"),
    )
    PartnershipFactory(
        programme=programme,
        role="partner",
        organisation=OrganisationFactory(name="RIPESS Europe", country="LU"),
    )
    CohortFactory(programme=programme, name="Cohort Italia", capacity=25)
    return programme


# --- Home


@pytest.mark.parametrize("user", [None, "alice", "coordinator"])
def test_home_for_every_visitor(client, request, looking_up, user):
    if user:
        client.force_login(request.getfixturevalue(user))
    SessionFactory(programme=looking_up, title="Food supply chains")

    response = client.get(reverse("home"))

    assert response.status_code == 200
    assert [s.title for s in response.context["upcoming_sessions"]] == ["Food supply chains"]
    assert list(response.context["open_programmes"]) == [looking_up]
    assert b'id="practices-title"' in response.content


def test_home_hides_drafts_past_and_cancelled(client, looking_up):
    draft = ProgrammeFactory(status=ProgrammeStatus.DRAFT)
    SessionFactory(programme=draft, title="Draft session")
    SessionFactory(
        programme=looking_up, title="Past", starts_at=timezone.now() - dt.timedelta(days=3)
    )
    SessionFactory(programme=looking_up, title="Cancelled", status=SessionStatus.CANCELLED)
    SessionFactory(programme=looking_up, title="Next")

    response = client.get(reverse("home"))

    assert [s.title for s in response.context["upcoming_sessions"]] == ["Next"]
    assert draft not in response.context["open_programmes"]


def test_home_never_shows_join_url(client, looking_up):
    OnlineSessionFactory(programme=looking_up, online_url=JOIN_URL)

    response = client.get(reverse("home"))

    assert JOIN_URL.encode() not in response.content


@pytest.mark.parametrize("rows", [1, 50])
def test_home_query_count(client, db, django_assert_num_queries, rows):
    for _ in range(rows):
        programme = ProgrammeFactory()
        SessionFactory(programme=programme, track=TrackFactory(programme=programme))

    # upcoming sessions, open programmes, latest practices
    with django_assert_num_queries(3):
        response = client.get(reverse("home"))

    assert len(response.context["upcoming_sessions"]) == min(rows, 6)


# --- Programme list


@pytest.mark.parametrize("user", [None, "alice"])
def test_programme_list_three_sections(client, request, db, user):
    if user:
        client.force_login(request.getfixturevalue(user))
    ongoing = ProgrammeFactory(title="LOOKING UP", start_date=_days(-30), end_date=_days(300))
    upcoming = ProgrammeFactory(title="Trentino DES", start_date=_days(10), end_date=_days(60))
    past = ProgrammeFactory(title="SSE Academy", start_date=_days(-400), end_date=_days(-398))
    archived = ProgrammeFactory(
        title="Reti solidali",
        status=ProgrammeStatus.ARCHIVED,
        start_date=_days(-700),
        end_date=_days(-500),
    )
    ProgrammeFactory(title="Secret draft", status=ProgrammeStatus.DRAFT)

    response = client.get(reverse("programmes:list"))

    assert response.status_code == 200
    assert response.context["ongoing"] == [ongoing]
    assert response.context["upcoming"] == [upcoming]
    assert response.context["past"] == [past, archived]
    assert b"Secret draft" not in response.content
    nav = f'href="{reverse("programmes:list")}" aria-current="page"'
    assert nav.encode() in response.content


def test_programme_list_archived_running_programme_is_past(client, db):
    archived = ProgrammeFactory(status=ProgrammeStatus.ARCHIVED)

    response = client.get(reverse("programmes:list"))

    assert response.context["past"] == [archived]
    assert response.context["ongoing"] == []


@pytest.mark.parametrize("rows", [1, 50])
def test_programme_list_query_count(client, db, django_assert_num_queries, rows):
    ProgrammeFactory.create_batch(rows, funder=OrganisationFactory())

    with django_assert_num_queries(1):
        response = client.get(reverse("programmes:list"))

    assert len(response.context["ongoing"]) == rows


def test_programme_list_wrong_method(client, db):
    assert client.post(reverse("programmes:list")).status_code == 405


# --- Programme page


@pytest.mark.parametrize("user", [None, "alice", "charlie"])
def test_programme_detail_for_every_visitor(client, request, looking_up, user):
    if user:
        client.force_login(request.getfixturevalue(user))

    with translation.override("en"):
        response = client.get(looking_up.get_absolute_url())

    assert response.status_code == 200
    content = response.content.decode()
    assert "A co-designed training path in a peer-to-peer logic." in content
    assert "Solidarius Italia (Italy) – Coordinator" in content
    assert "RIPESS Europe (Luxembourg) – Partner" in content
    assert "Funded by European Commission – Erasmus+ – Erasmus+ KA2" in content
    assert "Anyone may ask; the coordinators approve each request" in content
    assert "English, Italian, French" in content
    assert "Cohort Italia" in content
    assert reverse("programmes:calendar", args=["looking-up"]) in content


def test_programme_detail_draft_404(client, db):
    draft = ProgrammeFactory(status=ProgrammeStatus.DRAFT)

    assert client.get(draft.get_absolute_url()).status_code == 404


def test_programme_detail_unknown_404(client, db):
    assert client.get(reverse("programmes:detail", args=["nope"])).status_code == 404


def test_programme_detail_archived_is_public(client, db):
    archived = ProgrammeFactory(status=ProgrammeStatus.ARCHIVED)

    assert client.get(archived.get_absolute_url()).status_code == 200


def _timeline(response) -> list[tuple[str | None, list[str]]]:
    return [
        (entry.track.title if entry.track else None, [s.title for s in entry.sessions])
        for entry in response.context["page"].timeline
    ]


def test_programme_detail_timeline_by_track(client, looking_up):
    first = TrackFactory(programme=looking_up, title="Local participatory development", order=1)
    second = TrackFactory(programme=looking_up, title="Urban-rural relations", order=2)
    start = timezone.now() + dt.timedelta(days=5)
    SessionFactory(programme=looking_up, track=second, title="Food 1", starts_at=start)
    SessionFactory(
        programme=looking_up, track=first, title="Local 2", starts_at=start + dt.timedelta(days=30)
    )
    SessionFactory(
        programme=looking_up, track=first, title="Local 1", starts_at=start - dt.timedelta(days=30)
    )
    SessionFactory(
        programme=looking_up, title="Final webinar", starts_at=start + dt.timedelta(days=90)
    )

    response = client.get(looking_up.get_absolute_url())

    assert _timeline(response) == [
        ("Local participatory development", ["Local 1", "Local 2"]),
        ("Urban-rural relations", ["Food 1"]),
        (None, ["Final webinar"]),
    ]
    assert response.context["page"].session_count == 4
    assert b"See all" not in response.content


def test_programme_detail_track_without_sessions_says_so(client, looking_up):
    TrackFactory(programme=looking_up, title="Networking and community economies")
    SessionFactory(programme=looking_up, title="Opening")

    response = client.get(looking_up.get_absolute_url())

    assert _timeline(response) == [("Networking and community economies", []), (None, ["Opening"])]
    assert b"No sessions scheduled in this track yet." in response.content


def _weekly(programme, track, *, first: dt.datetime, count: int, title: str):
    for week in range(count):
        SessionFactory(
            programme=programme,
            track=track,
            title=f"{title} {week + 1}",
            starts_at=first + dt.timedelta(weeks=week),
        )


def test_programme_detail_long_track_shows_next_sessions_and_links_to_the_rest(client, looking_up):
    track = TrackFactory(programme=looking_up, title="Local participatory development")
    now = timezone.now()
    _weekly(looking_up, track, first=now - dt.timedelta(weeks=3), count=3, title="Past")
    _weekly(looking_up, track, first=now + dt.timedelta(days=1), count=12, title="Next")

    response = client.get(looking_up.get_absolute_url())

    [entry] = response.context["page"].timeline
    assert [s.title for s in entry.sessions] == [f"Next {n}" for n in range(1, 6)]
    assert (entry.upcoming, entry.past, entry.total) == (12, 3, 15)
    content = response.content.decode()
    list_url = reverse("sessions_app:list")
    assert f'href="{list_url}?track={track.pk}">See all 12 upcoming sessions' in content
    assert f'href="{list_url}?track={track.pk}&amp;when=past">See all 3 past sessions' in content
    assert "15 sessions" in content


def test_programme_detail_finished_track_shows_its_latest_sessions(client, looking_up):
    track = TrackFactory(programme=looking_up)
    now = timezone.now()
    _weekly(looking_up, track, first=now - dt.timedelta(weeks=8), count=7, title="Week")
    _weekly(looking_up, track, first=now + dt.timedelta(days=2), count=1, title="Closing")

    response = client.get(looking_up.get_absolute_url())

    [entry] = response.context["page"].timeline
    # The one to come, topped up with the latest past ones, in date order.
    assert [s.title for s in entry.sessions] == [
        "Week 4",
        "Week 5",
        "Week 6",
        "Week 7",
        "Closing 1",
    ]
    assert (entry.more_upcoming, entry.more_past) == (False, True)
    assert b"upcoming sessions of this track" not in response.content


def test_programme_detail_sessions_outside_tracks_link_to_the_programme_list(client, looking_up):
    _weekly(looking_up, None, first=timezone.now() + dt.timedelta(days=1), count=7, title="Talk")

    response = client.get(looking_up.get_absolute_url())

    [entry] = response.context["page"].timeline
    assert len(entry.sessions) == 5
    expected = f'href="{reverse("sessions_app:list")}?programme={looking_up.pk}">'
    assert (expected + "See all upcoming sessions of the programme").encode() in response.content


def test_programme_detail_track_link_lists_exactly_its_upcoming_sessions(client, looking_up):
    track = TrackFactory(programme=looking_up)
    _weekly(looking_up, track, first=timezone.now() + dt.timedelta(days=1), count=8, title="In")
    SessionFactory(programme=looking_up, title="Outside the track")

    programme_page = client.get(looking_up.get_absolute_url())
    listed = client.get(reverse("sessions_app:list"), {"track": track.pk})

    assert programme_page.context["page"].timeline[0].upcoming == 8
    assert listed.context["page_obj"].paginator.count == 8


def test_programme_detail_hundreds_of_sessions_stay_light(client, looking_up, settings):
    tracks = TrackFactory.create_batch(3, programme=looking_up)
    start = timezone.now() + dt.timedelta(days=1)
    for index in range(200):
        SessionFactory(
            programme=looking_up,
            track=tracks[index % 3],
            starts_at=start + dt.timedelta(days=index * 365 // 200),
        )
    css = settings.BASE_DIR / "static" / "css" / "site.css"

    response = client.get(looking_up.get_absolute_url())

    assert sum(len(entry.sessions) for entry in response.context["page"].timeline) == 15
    assert len(response.content) + css.stat().st_size <= 150 * 1024


def test_programme_detail_enrol_slot_for_anonymous(client, looking_up):
    response = client.get(looking_up.get_absolute_url())

    assert reverse("account_login").encode() + b"?next=" in response.content


def test_programme_detail_never_shows_join_url(client, looking_up):
    OnlineSessionFactory(programme=looking_up, online_url=JOIN_URL)

    response = client.get(looking_up.get_absolute_url())

    assert JOIN_URL.encode() not in response.content


@pytest.mark.parametrize("rows", [1, 50])
def test_programme_detail_query_count(client, looking_up, django_assert_num_queries, rows):
    tracks = TrackFactory.create_batch(3, programme=looking_up)
    for index in range(rows):
        SessionFactory(programme=looking_up, track=tracks[index % 3] if index % 4 else None)

    # programme + funder, places left in its open cohorts (the enrol box, never cached),
    # partnerships + organisations, tracks, cohorts, timeline sessions
    with django_assert_num_queries(6):
        response = client.get(looking_up.get_absolute_url())

    timeline = response.context["page"].timeline
    assert sum(entry.total for entry in timeline) == rows
    assert all(len(entry.sessions) == min(entry.total, 5) for entry in timeline)


def without_csrf_tokens(content: bytes) -> bytes:
    # Each response masks the CSRF token anew (the language switch carries one).
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)


@pytest.mark.parametrize("rows", [1, 50])
def test_programme_detail_warm_page_reads_only_the_programme(
    client, looking_up, django_assert_num_queries, rows
):
    track = TrackFactory(programme=looking_up)
    SessionFactory.create_batch(rows, programme=looking_up, track=track)
    first = client.get(looking_up.get_absolute_url())

    # The programme row only: the places left in its cohorts are kept until an enrolment changes.
    with django_assert_num_queries(1):
        second = client.get(looking_up.get_absolute_url())

    assert without_csrf_tokens(second.content) == without_csrf_tokens(first.content)


@pytest.mark.parametrize("rows", [1, 50])
def test_programme_detail_warm_page_reads_places_left_in_one_query(
    client, looking_up, django_assert_num_queries, rows
):
    track = TrackFactory(programme=looking_up)
    SessionFactory.create_batch(
        rows, programme=looking_up, track=track, registration_required=True, capacity=12
    )
    client.get(looking_up.get_absolute_url())

    # The programme row and the places of the sessions on the timeline.
    with django_assert_num_queries(2):
        response = client.get(looking_up.get_absolute_url())

    assert response.content.decode().count('<p class="places">12 places left</p>') == min(rows, 5)


def test_programme_detail_shows_a_changed_session_at_once(
    client, looking_up, django_capture_on_commit_callbacks
):
    session = SessionFactory(programme=looking_up, title="Co-designed workshop")
    client.get(looking_up.get_absolute_url())

    session.title = "Co-designed workshop in Florence"
    with django_capture_on_commit_callbacks(execute=True):
        session.save()
    response = client.get(looking_up.get_absolute_url())

    assert b"Co-designed workshop in Florence" in response.content


def test_programme_detail_cache_is_per_language(client, looking_up):
    SessionFactory(programme=looking_up, title_en="Workshop", title_fr="Atelier")

    english = client.get(f"/en/programmes/{looking_up.slug}/")
    french = client.get(f"/fr/programmes/{looking_up.slug}/")

    assert b"Workshop" in english.content
    assert b"Atelier" in french.content


@pytest.mark.parametrize(
    ("mode", "who"),
    [
        (EnrolmentMode.OPEN, "Anyone with an account"),
        (EnrolmentMode.APPROVAL, "Anyone may ask; the coordinators approve each request"),
        (EnrolmentMode.INVITATION, "People the coordinators invite"),
    ],
)
def test_programme_detail_closed_enrolment_is_said_once_without_contradiction(
    client, db, mode, who
):
    programme = ProgrammeFactory(
        enrolment_mode=mode,
        enrolment_opens_at=timezone.now() - dt.timedelta(days=40),
        enrolment_closes_at=timezone.now() - dt.timedelta(days=10),
    )

    response = client.get(f"/en/programmes/{programme.slug}/")

    aside = _aside(response)
    assert f"<dt>Who can enrol</dt><dd>{who}</dd>" in aside
    assert "Enrolment is open." not in aside
    assert ">Open<" not in aside
    if mode != EnrolmentMode.INVITATION:
        assert aside.count("Enrolment is closed.") == 1


def test_programme_detail_in_french_never_says_open_beside_closed(client, db):
    programme = ProgrammeFactory(enrolment_closes_at=timezone.now() - dt.timedelta(days=1))

    response = client.get(f"/fr/programmes/{programme.slug}/")

    aside = _aside(response)
    assert "Les inscriptions sont closes." in aside
    assert "Ouvert" not in aside
    assert "ouvertes" not in aside


def test_programme_detail_open_enrolment_is_said_once(client, db):
    programme = ProgrammeFactory(enrolment_closes_at=timezone.now() + dt.timedelta(days=10))

    response = client.get(f"/en/programmes/{programme.slug}/")

    aside = _aside(response)
    assert aside.count("Enrolment is open.") == 1
    assert "Enrolment is closed." not in aside


def _aside(response) -> str:
    html = response.content.decode()
    return html[html.index("<aside") : html.index("</aside>")]
