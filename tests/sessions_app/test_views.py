import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation

from programmes.enums import ProgrammeStatus
from programmes.models import Programme
from sessions_app.enums import SessionKind, SessionStatus
from sessions_app.models import Session
from tests.factories import (
    CohortFactory,
    MaterialFactory,
    OnlineSessionFactory,
    ProgrammeFactory,
    SessionFactory,
    TrackFactory,
)

BUCHAREST = ZoneInfo("Europe/Bucharest")
JOIN_URL = "https://meet.example.org/secret-room-4821"
# Filter tests use next year's June (upcoming, so shown by default) across a month boundary.
NEXT_YEAR = timezone.now().year + 1


@pytest.fixture(autouse=True)
def _english():
    """Assertions read the English source strings, so every test asks for the /en/ pages."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """The filter choices live in the cache, which outlives each test's database."""
    cache.clear()


def _list_url():
    return reverse("sessions_app:list")


def _titles(response) -> list[str]:
    return [session.title for session in response.context["sessions"]]


@pytest.fixture
def programme(db):
    return ProgrammeFactory(title="LOOKING UP", slug="looking-up")


@pytest.fixture
def timisoara(programme):
    """The capitalisation workshop: 10:00 in Timisoara is 09:00 in Florence."""
    return SessionFactory(
        programme=programme,
        title="Capitalisation workshop",
        starts_at=dt.datetime(2025, 6, 12, 10, 0, tzinfo=BUCHAREST),
        ends_at=dt.datetime(2025, 6, 12, 17, 0, tzinfo=BUCHAREST),
        time_zone="Europe/Bucharest",
        venue_name="Casa Artelor",
        city="Timișoara",
        country="RO",
    )


# --- List


@pytest.mark.parametrize("user", [None, "alice"])
def test_session_list_for_every_visitor(client, request, programme, user):
    if user:
        client.force_login(request.getfixturevalue(user))
    SessionFactory(programme=programme, title="Food supply chains")

    response = client.get(_list_url())

    assert response.status_code == 200
    assert _titles(response) == ["Food supply chains"]
    assert f'href="{_list_url()}" aria-current="page"'.encode() in response.content


def test_session_list_hides_draft_programmes(client, programme):
    SessionFactory(programme=ProgrammeFactory(status=ProgrammeStatus.DRAFT), title="Draft")
    SessionFactory(programme=programme, title="Public")

    response = client.get(_list_url())

    assert _titles(response) == ["Public"]


def test_session_list_shows_archived_programmes_sessions(client, db):
    archived = ProgrammeFactory(status=ProgrammeStatus.ARCHIVED)
    SessionFactory(programme=archived, title="Archived")

    response = client.get(_list_url())

    assert _titles(response) == ["Archived"]


def test_session_list_upcoming_first_then_past_toggle(client, programme):
    now = timezone.now()
    SessionFactory(programme=programme, title="Later", starts_at=now + dt.timedelta(days=20))
    SessionFactory(programme=programme, title="Soon", starts_at=now + dt.timedelta(days=2))
    SessionFactory(programme=programme, title="Old", starts_at=now - dt.timedelta(days=90))
    SessionFactory(programme=programme, title="Recent", starts_at=now - dt.timedelta(days=9))

    upcoming = client.get(_list_url())
    past = client.get(_list_url(), {"when": "past"})

    assert _titles(upcoming) == ["Soon", "Later"]
    assert _titles(past) == ["Recent", "Old"]
    assert b"?when=past" in upcoming.content


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": SessionKind.ONLINE}, ["Online"]),
        ({"language": "fr"}, ["Online"]),
        ({"mode": "online"}, ["Online"]),
        ({"mode": "in_person"}, ["Florence", "Timisoara"]),
        ({"city": "timi"}, ["Timisoara"]),
        ({"country": "RO"}, ["Timisoara"]),
        ({"month": f"{NEXT_YEAR}-06"}, ["Florence", "Timisoara"]),
        ({"month": f"{NEXT_YEAR}-05"}, ["Online"]),
    ],
)
def test_session_list_filters(client, programme, params, expected):
    SessionFactory(
        programme=programme,
        title="Florence",
        starts_at=dt.datetime(NEXT_YEAR, 6, 1, 0, 30, tzinfo=ZoneInfo("Europe/Rome")),
    )
    SessionFactory(
        programme=programme,
        title="Timisoara",
        city="Timișoara",
        country="RO",
        starts_at=dt.datetime(NEXT_YEAR, 6, 12, 10, 0, tzinfo=BUCHAREST),
    )
    OnlineSessionFactory(
        programme=programme,
        title="Online",
        languages=["en", "fr"],
        starts_at=dt.datetime(NEXT_YEAR, 5, 31, 20, 0, tzinfo=dt.UTC),
    )

    response = client.get(_list_url(), params)

    assert response.status_code == 200
    assert _titles(response) == expected
    assert response.context["form"].errors == {}


def test_session_list_filters_by_programme_and_track(client, programme):
    track = TrackFactory(programme=programme, title="Urban-rural relations through food")
    SessionFactory(programme=programme, track=track, title="In track")
    SessionFactory(programme=programme, title="No track")
    SessionFactory(title="Other programme")

    by_programme = client.get(_list_url(), {"programme": programme.pk})
    by_track = client.get(_list_url(), {"track": track.pk})

    assert _titles(by_programme) == ["In track", "No track"]
    assert _titles(by_track) == ["In track"]


@pytest.mark.parametrize(
    "params",
    [
        {"month": "2025-13"},
        {"month": "June"},
        {"month": "0000-01"},
        {"programme": "999999"},
        {"programme": "abc"},
        {"track": "-1"},
        {"kind": "party"},
        {"language": "xx"},
        {"country": "ZZ"},
        {"when": "tomorrow"},
    ],
)
def test_session_list_bad_filter_is_ignored_with_message(client, programme, params):
    SessionFactory(programme=programme, title="Food supply chains")

    response = client.get(_list_url(), params)

    assert response.status_code == 200
    assert _titles(response) == ["Food supply chains"]
    assert b"Some filters were not understood and have been ignored" in response.content


def test_session_list_draft_programme_is_not_a_filter_choice(client, db):
    draft = ProgrammeFactory(status=ProgrammeStatus.DRAFT)

    response = client.get(_list_url(), {"programme": draft.pk})

    assert "programme" in response.context["form"].errors


def test_session_list_paginates_by_20_keeping_filters(client, programme):
    start = timezone.now() + dt.timedelta(days=1)
    for day in range(45):
        SessionFactory(programme=programme, starts_at=start + dt.timedelta(days=day))

    first = client.get(_list_url(), {"kind": "workshop"})
    third = client.get(_list_url(), {"kind": "workshop", "page": "3"})

    assert len(first.context["sessions"]) == 20
    assert len(third.context["sessions"]) == 5
    assert b'href="?kind=workshop&amp;page=2"' in first.content


@pytest.mark.parametrize(("page", "expected"), [("abc", 1), ("9999", 2), ("-1", 2), ("0", 2)])
def test_session_list_bad_page_falls_back(client, programme, page, expected):
    start = timezone.now() + dt.timedelta(days=1)
    for day in range(25):
        SessionFactory(programme=programme, starts_at=start + dt.timedelta(days=day))

    response = client.get(_list_url(), {"page": page})

    assert response.status_code == 200
    assert response.context["page_obj"].number == expected


def test_session_list_never_shows_join_url(client, programme):
    OnlineSessionFactory(programme=programme, online_url=JOIN_URL)

    response = client.get(_list_url())

    assert JOIN_URL.encode() not in response.content
    assert b"Online" in response.content


def test_session_list_wrong_method(client, db):
    assert client.post(_list_url()).status_code == 405


@pytest.mark.parametrize("rows", [1, 50])
def test_session_list_query_count(client, django_assert_num_queries, programme, rows):
    track = TrackFactory(programme=programme)
    cohort = CohortFactory(programme=programme)
    SessionFactory.create_batch(rows, programme=programme, track=track, cohorts=[cohort])

    # the page of sessions with the count of all; from the cache after the first time: the
    # filter choices (what public sessions have, their programmes, tracks and cohorts) and
    # which cohorts each session is for (those links, the highest session id)
    with django_assert_num_queries(7):
        first = client.get(_list_url())
    with django_assert_num_queries(1):
        second = client.get(_list_url(), {"kind": "workshop"})

    assert len(first.context["sessions"]) == min(rows, 20)
    assert len(second.context["sessions"]) == min(rows, 20)


def test_session_list_counts_every_match_in_the_page_query(
    client, django_assert_num_queries, programme
):
    start = timezone.now() + dt.timedelta(days=1)
    for day in range(25):
        SessionFactory(programme=programme, starts_at=start + dt.timedelta(days=day))
    client.get(_list_url())

    with django_assert_num_queries(1):
        response = client.get(_list_url(), {"page": "2"})

    assert response.context["page_obj"].paginator.count == 25
    assert len(response.context["sessions"]) == 5
    assert b"25 sessions" in response.content


def test_session_list_names_each_rows_cohorts(
    client, programme, django_capture_on_commit_callbacks
):
    nord = CohortFactory(programme=programme, name="Hub Nord")
    SessionFactory(programme=programme, title="Module 1", cohorts=[nord])
    client.get(_list_url())
    # A cohort the cached filter choices do not know yet (no commit ran to bump the version).
    sud = CohortFactory(programme=programme, name="Hub Sud")
    session = SessionFactory(programme=programme, title="Module 2", cohorts=[nord, sud])

    response = client.get(_list_url(), {"kind": "workshop"})
    with django_capture_on_commit_callbacks(execute=True):
        session.cohorts.remove(nord)  # a change of the content: read again
    changed = client.get(_list_url(), {"kind": "workshop"})

    cards = response.content.decode().split('class="card"')[1:]
    assert [card.count("For: ") for card in cards] == [1, 1]
    assert "For: Hub Nord</p>" in cards[0]
    assert "For: Hub Nord, Hub Sud</p>" in cards[1]
    assert "For: Hub Sud</p>" in changed.content.decode().split('class="card"')[2]


def _choices(response, field: str) -> list:
    return list(response.context["form"].fields[field].choices)[1:]


def test_session_list_filter_choices_are_what_public_sessions_have(client, programme):
    food = TrackFactory(programme=programme, title="Urban-rural relations through food")
    TrackFactory(programme=programme, title="Empty track")
    SessionFactory(programme=programme, track=food, city="Timișoara", country="RO")
    OnlineSessionFactory(programme=programme)
    ProgrammeFactory(title="Announced, no sessions yet")
    draft = ProgrammeFactory(status=ProgrammeStatus.DRAFT)
    SessionFactory(programme=draft, city="Secretville", country="MT")

    response = client.get(_list_url())

    assert _choices(response, "programme") == [(programme.pk, "LOOKING UP")]
    assert _choices(response, "track") == [
        ("LOOKING UP", [(food.pk, "Urban-rural relations through food")])
    ]
    assert _choices(response, "country") == [("RO", "Romania")]
    assert response.context["form"].city_suggestions == ["Timișoara"]
    content = response.content.decode()
    assert '<optgroup label="LOOKING UP">' in content
    assert '<datalist id="city-suggestions"><option value="Timișoara"></datalist>' in content
    assert "Secretville" not in content


def test_session_list_filter_choices_follow_saves(
    client, programme, django_capture_on_commit_callbacks
):
    session = SessionFactory(programme=programme, country="IT")
    client.get(_list_url())

    session.country = "PT"
    with django_capture_on_commit_callbacks(execute=True):
        session.save()
    response = client.get(_list_url())

    assert _choices(response, "country") == [("PT", "Portugal")]


def test_session_list_row_unknown_to_the_cached_choices_still_names_its_programme(client, db):
    client.get(_list_url())  # the choices, cached while there is nothing to offer
    # bulk_create sends no post_save: the cached choices stay as they were.
    [programme] = Programme.objects.bulk_create(
        [ProgrammeFactory.build(title="Trentino DES", slug="trentino-des")]
    )
    Session.objects.bulk_create(
        [SessionFactory.build(programme=programme, title="Solidarity purchasing groups")]
    )
    # Another result fragment (its own cache key, a filter that keeps every row) is rendered
    # while the filter choices, like the content version, are still the stale ones.
    response = client.get(_list_url(), {"when": "upcoming"})

    assert _titles(response) == ["Solidarity purchasing groups"]
    assert _choices(response, "programme") == []
    assert b'<a href="/en/programmes/trentino-des/">Trentino DES</a>' in response.content


def test_session_list_filter_choices_in_the_visitors_language(client, programme):
    SessionFactory(programme=programme, country="DE")

    english = client.get(_list_url())
    with translation.override("it"):
        italian = client.get(reverse("sessions_app:list"))

    assert _choices(english, "country") == [("DE", "Germany")]
    assert _choices(italian, "country") == [("DE", "Germania")]


def test_session_list_selected_filters_stay_selected(client, programme):
    track = TrackFactory(programme=programme)
    SessionFactory(programme=programme, track=track, country="RO")

    response = client.get(_list_url(), {"track": track.pk, "country": "RO", "when": "past"})

    content = response.content.decode()
    assert f'<option value="{track.pk}" selected>' in content
    assert '<option value="RO" selected>Romania</option>' in content
    assert '<option value="past" selected>' in content


def test_session_list_month_help_text_is_shown_and_described(client, programme):
    response = client.get(_list_url())

    content = response.content.decode()
    assert 'aria-describedby="id_month_helptext"' in content
    assert '<span class="helptext" id="id_month_helptext">Format: YYYY-MM.' in content


def test_session_list_month_hint_placeholder_and_error_agree_in_french(client, programme):
    response = client.get("/fr/sessions/", {"month": "juin"})

    content = response.content.decode()
    assert 'placeholder="AAAA-MM"' in content
    assert "Format : AAAA-MM." in content
    assert "Saisissez un mois au format AAAA-MM, par exemple 2025-06." in content
    assert "YYYY" not in content


def test_session_list_row_escapes_and_shows_status(client, programme):
    SessionFactory(
        programme=programme,
        title="Food <script>alert(1)</script> & markets",
        status=SessionStatus.POSTPONED,
        city="Lecce",
        languages=["it", "fr"],
    )

    response = client.get(_list_url())

    content = response.content.decode()
    assert "Food &lt;script&gt;alert(1)&lt;/script&gt; &amp; markets" in content
    assert "<script>alert(1)" not in content
    assert '<span class="badge postponed">Postponed</span>' in content
    assert "In-person workshop · Villa Fabbricotti, Lecce, Italy · Italian, French" in content
    assert f'<a href="{programme.get_absolute_url()}">LOOKING UP</a>' in content


# --- Detail


@pytest.mark.parametrize("user", [None, "alice", "coordinator"])
def test_session_detail_for_every_visitor(client, request, timisoara, user):
    if user:
        client.force_login(request.getfixturevalue(user))

    response = client.get(timisoara.get_absolute_url())

    assert response.status_code == 200
    assert response.context["session"] == timisoara
    assert b"Casa Artelor" in response.content


def test_session_detail_draft_programme_404(client, db):
    session = SessionFactory(programme=ProgrammeFactory(status=ProgrammeStatus.DRAFT))

    assert client.get(session.get_absolute_url()).status_code == 404


def test_session_detail_unknown_404(client, db):
    assert client.get(reverse("sessions_app:detail", args=[987654])).status_code == 404


def test_session_detail_times_in_session_and_visitor_zone(client, timisoara):
    client.cookies["tz"] = "Europe/Rome"

    response = client.get(timisoara.get_absolute_url())

    local = response.content.split(b'class="session-local-time"')[1].split(b"</dd>")[0]
    visitor = response.content.split(b'class="visitor-time"')[1].split(b"</dd>")[0]
    assert b"10:00" in local and b"17:00" in local and b"EEST" in local
    assert b"09:00" in visitor and b"16:00" in visitor and b"CEST" in visitor
    assert b'datetime="2025-06-12T10:00:00+03:00"' in local
    assert b'datetime="2025-06-12T09:00:00+02:00"' in visitor


def test_session_detail_default_visitor_zone_is_site_zone(client, timisoara, settings):
    response = client.get(timisoara.get_absolute_url())

    assert response.context["visitor_tz"] == settings.TIME_ZONE == "Europe/Rome"


def test_session_detail_bad_tz_cookie_falls_back(client, timisoara):
    client.cookies["tz"] = "Mars/Olympus_Mons"

    response = client.get(timisoara.get_absolute_url())

    assert response.status_code == 200
    assert response.context["visitor_tz"] == "Europe/Rome"


def test_session_detail_same_zone_shows_one_time(client, timisoara):
    client.cookies["tz"] = "Europe/Bucharest"

    response = client.get(timisoara.get_absolute_url())

    assert b'class="visitor-time"' not in response.content
    assert b'src="/static/js/timezone.js"' in response.content


@pytest.mark.parametrize("user", [None, "alice"])
def test_session_detail_never_shows_join_url(client, request, programme, user):
    if user:
        client.force_login(request.getfixturevalue(user))
    session = OnlineSessionFactory(programme=programme, online_url=JOIN_URL)

    response = client.get(session.get_absolute_url())

    assert JOIN_URL.encode() not in response.content
    assert b"<dd>Online</dd>" in response.content
    assert response.context["can_join"] is False


def test_session_detail_status_badge(client, timisoara):
    timisoara.status = SessionStatus.CANCELLED
    timisoara.save()

    response = client.get(timisoara.get_absolute_url())

    assert b'class="badge cancelled"' in response.content


def test_session_detail_materials_grouped_by_language(client, timisoara):
    MaterialFactory(session=timisoara, title="Slides EN", language="en")
    MaterialFactory(
        session=timisoara,
        title="Diapositives",
        language="fr",
        url="https://example.org/slides-fr.pdf",
    )
    MaterialFactory(session=timisoara, title="Handout EN", language="en", order=1)

    with translation.override("en"):
        response = client.get(timisoara.get_absolute_url())

    groups = [
        (language, [m.title for m in items])
        for language, items in response.context["materials_by_language"]
    ]
    assert groups == [("English", ["Slides EN", "Handout EN"]), ("French", ["Diapositives"])]


def test_session_detail_shows_track_cohorts_duration_languages(client, programme):
    track = TrackFactory(programme=programme, title="Networking and community economies")
    cohort = CohortFactory(programme=programme, name="Hub Centro")
    session = SessionFactory(
        programme=programme, track=track, cohorts=[cohort], languages=["en", "pt"]
    )

    with translation.override("en"):
        response = client.get(session.get_absolute_url())

    assert b"Networking and community economies" in response.content
    assert b"Hub Centro" in response.content
    assert b"3 hours" in response.content
    assert b"English, Portuguese" in response.content


def _without_csrf_tokens(content: bytes) -> bytes:
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", content)


@pytest.mark.parametrize("materials", [0, 5])
def test_session_detail_query_count(client, django_assert_num_queries, programme, materials):
    cohort = CohortFactory(programme=programme, name="Hub Centro")
    session = SessionFactory(programme=programme, cohorts=[cohort])
    MaterialFactory.create_batch(materials, session=session, language="en")

    # the session with its programme and track, its materials, its cohorts
    with django_assert_num_queries(3):
        cold = client.get(session.get_absolute_url())
    # the materials and details come from the cache until the content changes
    with django_assert_num_queries(1):
        warm = client.get(session.get_absolute_url())

    assert _without_csrf_tokens(warm.content) == _without_csrf_tokens(cold.content)
    assert b"Hub Centro" in warm.content
    assert warm.content.count(b">Slides</a>") == materials


def test_session_detail_shows_a_new_material_at_once(
    client, timisoara, django_capture_on_commit_callbacks
):
    client.get(timisoara.get_absolute_url())

    with django_capture_on_commit_callbacks(execute=True):
        MaterialFactory(session=timisoara, title="Slides of the day", language="en")
    response = client.get(timisoara.get_absolute_url())

    assert b"Slides of the day" in response.content


def test_session_detail_wrong_method(client, timisoara):
    assert client.post(timisoara.get_absolute_url()).status_code == 405


# --- Time zone form


def test_set_time_zone_sets_cookie_and_goes_back(client, timisoara):
    response = client.post(
        reverse("sessions_app:set_time_zone"),
        {"tz": "Europe/Bucharest", "next": timisoara.get_absolute_url()},
    )

    assert response.status_code == 302
    assert response["Location"] == timisoara.get_absolute_url()
    assert response.cookies["tz"].value == "Europe/Bucharest"


def test_set_time_zone_accepts_any_known_zone(client, db):
    response = client.post(reverse("sessions_app:set_time_zone"), {"tz": "Asia/Tokyo"})

    assert response.cookies["tz"].value == "Asia/Tokyo"
    assert response["Location"] == _list_url()


def test_set_time_zone_rejects_unknown_zone(client, db):
    response = client.post(
        reverse("sessions_app:set_time_zone"), {"tz": "Mars/Olympus_Mons"}, follow=True
    )

    assert "tz" not in client.cookies
    assert b"Please choose a time zone from the list." in response.content


def test_set_time_zone_ignores_foreign_next(client, db):
    response = client.post(
        reverse("sessions_app:set_time_zone"),
        {"tz": "Europe/Rome", "next": "https://evil.example.com/"},
    )

    assert response["Location"] == _list_url()


def test_set_time_zone_wrong_method(client, db):
    assert client.get(reverse("sessions_app:set_time_zone")).status_code == 405


@pytest.mark.parametrize("rows", [1, 50])
def test_session_list_warm_results_need_no_query(
    client, django_assert_num_queries, programme, rows
):
    SessionFactory.create_batch(rows, programme=programme)
    client.get(_list_url(), {"language": "it"})

    with django_assert_num_queries(0):
        response = client.get(_list_url(), {"language": "it"})

    assert response.content.count(b'class="card"') == min(rows, 20)


def test_session_list_shows_a_new_session_at_once(
    client, programme, django_capture_on_commit_callbacks
):
    SessionFactory(programme=programme, title="Co-designed workshop")
    client.get(_list_url())

    with django_capture_on_commit_callbacks(execute=True):
        SessionFactory(programme=programme, title="Capitalisation workshop in Timisoara")
    response = client.get(_list_url())

    assert b"Capitalisation workshop in Timisoara" in response.content


def test_session_list_filters_are_folded_and_count_what_is_active(client, programme):
    folded = client.get(_list_url()).content.decode()
    filtered = client.get(_list_url(), {"city": "Firenze", "kind": "workshop"}).content.decode()

    assert '<details class="filters-panel">' in folded
    assert "active)" not in folded
    assert "(2 active)" in filtered
    assert '<details class="filters-panel">' in filtered


def test_session_list_filter_panel_shows_each_visitors_own_filters(client, programme):
    client.get(_list_url(), {"city": "Firenze"})

    firenze = client.get(_list_url(), {"city": "Firenze", "page": "2"}).content.decode()
    lecce = client.get(_list_url(), {"city": "Lecce"}).content.decode()
    bad = client.get(_list_url(), {"city": "Lecce", "month": "June"}).content.decode()

    assert 'value="Firenze"' in firenze
    assert 'value="Lecce"' in lecce and 'value="Firenze"' not in lecce
    assert 'value="June"' in bad and '<details class="filters-panel" open>' in bad


def test_session_list_filters_unfold_to_show_what_was_not_understood(client, programme):
    response = client.get(_list_url(), {"month": "June"})

    assert '<details class="filters-panel" open>' in response.content.decode()


def test_session_detail_gives_the_script_what_it_needs_to_add_the_visitor_zone(client, timisoara):
    response = client.get(f"/fr/sessions/{timisoara.pk}/")

    content = response.content.decode()
    assert 'data-session-tz="Europe/Bucharest"' in content
    assert 'data-starts="2025-06-12T09:00:00+02:00"' in content
    assert 'data-ends="2025-06-12T16:00:00+02:00"' in content
    assert 'data-visitor-label="Votre heure ({zone})"' in content
    assert '<p class="meta same-zone-note" hidden>' in content


def test_session_list_cache_key_ignores_made_up_and_invalid_parameters(client, db):
    SessionFactory(programme=ProgrammeFactory(slug="looking-up"), city="Firenze")
    url = reverse("sessions_app:list")
    junk = ["", "?utm_source=x", "?foo=1&bar=2", "?page=abc", "?page=1", "?city=", "?month=99"]

    keys = {client.get(url + query).context["results_key"] for query in junk}
    filtered = client.get(url + "?city=Firenze&utm_source=y").context["results_key"]

    assert len(keys) == 1
    assert filtered not in keys


def test_content_version_changes_only_when_the_change_commits(
    db, django_capture_on_commit_callbacks
):
    from lookingup.cache import content_version

    before = content_version()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        SessionFactory(title="Residency in Lecce")
        during = content_version()

    assert during == before
    assert callbacks  # the bump waited for the commit
    assert content_version() != before
